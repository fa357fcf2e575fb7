/** The headers of every response (issue 11, finding 4): built by one pure module, for proxy.ts. */
import { describe, expect, it } from 'vitest';
import { API_CSP, HSTS, newNonce, pageCsp, securityHeaders } from '@/lib/security-headers';

const production = { development: false, production: true };
const development = { development: true, production: false };

/** A policy as a map of directive -> sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('newNonce', () => {
  it('is 16 random bytes in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
  });
});

describe('pageCsp', () => {
  it('lets scripts run only with the nonce, and what they load; no inline script, no eval', () => {
    const csp = directives(pageCsp('abc123', production));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows eval in development only (React's development build needs it)", () => {
    expect(directives(pageCsp('n', development)).get('script-src')).toContain("'unsafe-eval'");
    expect(pageCsp('n', production)).not.toContain('unsafe-eval');
  });

  it('never allows inline scripts', () => {
    for (const env of [production, development]) {
      expect(directives(pageCsp('n', env)).get('script-src')).not.toContain("'unsafe-inline'");
    }
  });
});

describe('securityHeaders', () => {
  it('gives a page a fresh nonce, on the response and on the request Next renders with', () => {
    let calls = 0;
    const { response, requestCsp } = securityHeaders('/northwind/streams', production, () => {
      calls += 1;
      return `nonce${calls}`;
    });
    expect(calls).toBe(1);
    expect(requestCsp).toBe(pageCsp('nonce1', production));
    expect(response['content-security-policy']).toBe(requestCsp);
  });

  it('gives API answers a policy that loads and runs nothing, and no nonce', () => {
    for (const path of ['/api/trpc/streams.list', '/api/v1/measurements', '/api']) {
      const { response, requestCsp } = securityHeaders(path, production, () => {
        throw new Error('no nonce for an API answer');
      });
      expect(response['content-security-policy']).toBe(API_CSP);
      expect(requestCsp).toBeNull();
    }
    // A page whose path only begins with "api" is a page.
    expect(securityHeaders('/apiary', production).requestCsp).not.toBeNull();
  });

  it("leaves Next's build assets without a policy, with the other headers", () => {
    const { response, requestCsp } = securityHeaders('/_next/static/chunks/main.js', production);
    expect(requestCsp).toBeNull();
    expect(response['content-security-policy']).toBeUndefined();
    expect(response['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/', '/sign-in', '/no-such-page', '/api/health', '/_next/static/x.css'])(
    'sets the common headers on %s',
    (path) => {
      const { response } = securityHeaders(path, production);
      expect(response).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin',
        'strict-transport-security': HSTS,
      });
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment'])
        expect(response['permissions-policy']).toContain(`${feature}=()`);
    },
  );

  it('sends HSTS in production only', () => {
    expect(securityHeaders('/', development).response['strict-transport-security']).toBeUndefined();
    expect(
      securityHeaders('/', { development: false, production: false }).response[
        'strict-transport-security'
      ],
    ).toBeUndefined();
  });
});
