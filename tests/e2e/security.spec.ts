/** What an attacker tries first, against the running build (issue 11). */
import { DEMO_PASSWORD, expect, signInThroughForm, test } from './fixtures';

const viewer = { email: 'viewer@acme.example', password: DEMO_PASSWORD };

for (const callback of ['/%5Cevil.example/x', '/%09/evil.example/x', '//evil.example/x']) {
  test(`sign-in with callbackUrl=${callback} stays on this site`, async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${callback}`);
    await signInThroughForm(page, viewer);
    await page.waitForLoadState('domcontentloaded');
    expect(new URL(page.url()).hostname).toBe('127.0.0.1');
  });
}
