/**
 * The address a request came from, for rate limits. `trustedHops` is how many proxies of our own
 * stand in front of the app, each appending the address it saw to X-Forwarded-For: the entry
 * `trustedHops` from the right is the one the nearest proxy we trust saw, and anything left of
 * it was written by the client. With no proxy (0) the header is ignored: Next.js keeps a
 * client's X-Forwarded-For rather than the connection's address, so nothing in it can be
 * trusted, and every client counts as the one address "unknown".
 */
export function clientAddress(headers: Headers, trustedHops: number): string {
  if (trustedHops <= 0) return 'unknown';
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? 'unknown';
}
