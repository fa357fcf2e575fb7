/**
 * The security headers on every kind of response (issue 11, finding 4): a page, an API route, a
 * tRPC answer, a 404, a build asset; and the policy doing its work in the browser. Every other spec
 * fails on a CSP violation too (fixtures.ts).
 */
import type { APIResponse } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

const owner = { email: 'owner@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/** The headers every response carries, whatever it is. */
function expectCommonHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['permissions-policy']).toContain('microphone=()');
  expect(headers['permissions-policy']).toContain('geolocation=()');
  // The suite runs a production build (HSTS is sent in production only).
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
}

/** The page's nonce, after checking the policy around it allows no inline script and no eval. */
function pageNonce(response: APIResponse): string {
  const csp = response.headers()['content-security-policy'] ?? '';
  const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'$/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  return /'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? '';
}

test('a page: a fresh nonce each time, on every script of its HTML', async ({ openPage }) => {
  const page = await openPage(owner);
  const first = await page.request.get(`/${org}/dashboards`);
  expect(first.status()).toBe(200);
  expectCommonHeaders(first);
  expect(first.headers()['cache-control']).toContain('no-store');
  const nonce = pageNonce(first);
  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(` nonce="${nonce}"`);

  const second = await page.request.get(`/${org}/dashboards`);
  expect(pageNonce(second)).not.toBe(nonce);
});

test('a page runs, charts and all, with no violation and no eval', async ({ openPage }) => {
  const page = await openPage(owner);
  await page.goto(`/${org}/dashboards`);
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  // The fixture fails the test on any CSP violation; zod's probe for eval would be one.
});

test('API routes: a policy that loads nothing, and no-store on what depends on the caller', async ({
  request,
}) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expectCommonHeaders(health);
  expect(health.headers()['content-security-policy']).toBe(apiCsp);

  // The token API refuses a request without a token, and its answer is not kept by any cache.
  const refused = await request.post('/api/v1/measurements', { data: {} });
  expect(refused.status()).toBe(401);
  expectCommonHeaders(refused);
  expect(refused.headers()['content-security-policy']).toBe(apiCsp);
  expect(refused.headers()['cache-control']).toBe('no-store');
});

test('a tRPC answer: the API policy and no-store', async ({ openPage, request }) => {
  const page = await openPage(owner);
  const answer = await page.request.get('/api/trpc/orgs.mine');
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain(org);
  expectCommonHeaders(answer);
  expect(answer.headers()['content-security-policy']).toBe(apiCsp);
  expect(answer.headers()['cache-control']).toBe('no-store');

  const signedOut = await request.get('/api/trpc/orgs.mine');
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()['cache-control']).toBe('no-store');
});

test('a 404 page and a build asset carry the headers too', async ({ page, request }) => {
  const missing = await request.get('/no/such/page/at/all');
  expect(missing.status()).toBe(404);
  expectCommonHeaders(missing);
  pageNonce(missing);

  await page.goto('/sign-in');
  const src = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const asset = await request.get(src ?? '');
  expect(asset.status()).toBe(200);
  expectCommonHeaders(asset);
  // Build assets keep their long cache: the headers above are added, nothing taken away.
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('injected markup cannot run script: the inline handler is refused', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/sign-in');
  await page.evaluate(() => {
    // What a stored XSS would put in the page, were a name ever rendered as HTML.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img alt="" src="data:," onerror="document.body.dataset.pwned = \'yes\'">',
    );
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  // The violation was the point of this test: take it out of the fixture's count.
  const refused = cspViolations.splice(0);
  expect(refused.join('\n')).toMatch(/script-src-attr/);
  expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
});

test('another site cannot frame a page', async ({ page, cspViolations, baseURL }) => {
  await page.setContent(`<iframe src="${baseURL}/sign-in"></iframe>`);
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  const refused = cspViolations.splice(0);
  expect(refused.join('\n')).toMatch(/frame-ancestors|X-Frame-Options|Refused to (display|frame)/);
  const frame = page.frames()[1];
  expect(await frame?.locator('form').count()).not.toBe(1);
});

test('a string is never run as code: eval is refused, and reported', async ({
  page,
  cspViolations,
}) => {
  await page.goto('/sign-in');
  // A script the page's own code could have added ('strict-dynamic' trusts it), trying `new
  // Function` the way zod 4 probes for it: refused, and reported even though the error is caught.
  // That report is why the browser's zod runs jitless (instrumentation-client.ts).
  const outcome = await page.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const code =
          "try { new Function(''); document.body.dataset.eval = 'ran' } catch { document.body.dataset.eval = 'refused' }";
        const script = document.createElement('script');
        script.src = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        script.onload = () => resolve(document.body.dataset.eval);
        script.onerror = () => resolve('not loaded');
        document.head.append(script);
      }),
  );
  expect(outcome).toBe('refused');
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.splice(0).join('\n')).toMatch(/script-src refused eval/);
});
