import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/security-headers';

/**
 * Runs before every request (Next 16's proxy, the old middleware): the security headers of
 * lib/security-headers.ts on the response and, for a page, its Content-Security-Policy on the
 * request too, where Next finds the nonce to put on its own scripts (decision note
 * security-headers). Pages render per request (app/layout.tsx awaits `connection()`), so no HTML
 * is served with another request's nonce.
 */
export function proxy(request: NextRequest) {
  const { response: headers, requestCsp } = securityHeaders(request.nextUrl.pathname, {
    development: process.env.NODE_ENV === 'development',
    production: process.env.NODE_ENV === 'production',
  });
  let response: NextResponse;
  if (requestCsp) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', requestCsp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
