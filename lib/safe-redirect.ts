/**
 * Where to send someone after they sign in or up: a path of this app, never another site. The
 * value comes from the URL, so anyone can craft it; browsers read `/\evil.example` and
 * `/<tab>/evil.example` as `//evil.example`, so a prefix check is not enough. The value is
 * resolved as a browser would, against a placeholder origin, and kept only if it stays there.
 */
const HERE = 'https://valuestream.invalid';

export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
