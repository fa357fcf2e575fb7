/**
 * The security headers of every response (issue 11, finding 4; decision note security-headers).
 * Pure: proxy.ts calls these with the request's path, a fresh nonce and the environment.
 */

export interface HeaderEnv {
  /** `next dev`: React's development build needs `eval` (it rebuilds server error stacks). */
  development: boolean;
  /** `NODE_ENV=production`: the only place HSTS is sent (a development server is plain HTTP). */
  production: boolean;
}

/** 16 random bytes, base64: a nonce no one can guess, new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The policy of an HTML page: scripts only with this request's nonce, and whatever those load
 * ('strict-dynamic': the chunks Next's runtime adds). Styles keep 'unsafe-inline': Radix and
 * Recharts write `style` attributes, which a nonce cannot cover; an injected style cannot run code.
 */
export function pageCsp(nonce: string, env: Pick<HeaderEnv, 'development'>): string {
  return policy({
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(env.development ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

/** The policy of an API answer (JSON, text, a stream): nothing in it may load or run anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Browser features no page of ours uses, turned off for the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** Two years, subdomains too: the value hstspreload.org asks for. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Headers for every response, page, API answer, asset or 404 alike. */
export function commonHeaders(env: Pick<HeaderEnv, 'production'>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(env.production ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** Route handlers live under /api; everything else is a page (or a 404 page) or an asset. */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** Next's build output (scripts, styles, fonts): files, not documents, so no policy of their own. */
export function isBuildAssetPath(pathname: string): boolean {
  return pathname.startsWith('/_next/static/');
}

/**
 * Everything proxy.ts sets for one request: the response's headers, and the CSP the request
 * carries on to Next (which reads the nonce from it and puts it on its own scripts). API paths get
 * the empty policy and no nonce; build assets the common headers only.
 */
export function securityHeaders(
  pathname: string,
  env: HeaderEnv,
  nonce: () => string = newNonce,
): { response: Record<string, string>; requestCsp: string | null } {
  if (isBuildAssetPath(pathname)) return { response: commonHeaders(env), requestCsp: null };
  if (isApiPath(pathname)) {
    return {
      response: { ...commonHeaders(env), 'content-security-policy': API_CSP },
      requestCsp: null,
    };
  }
  const csp = pageCsp(nonce(), env);
  return {
    response: { ...commonHeaders(env), 'content-security-policy': csp },
    requestCsp: csp,
  };
}
