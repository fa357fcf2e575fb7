/**
 * The account page (issue 11, finding 3): changing the password signs out the person's other
 * browsers; "sign out everywhere" signs out every browser, and a cookie kept from before stops
 * working at once.
 */
import type { Page } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';
import {
  alertOf,
  expect,
  newAccount,
  newOrgName,
  screenshot,
  signInThroughForm,
  signUpWithOrg,
  test,
} from './fixtures';
import { E2E_AUTH_SECRET } from './secret';

/** next-auth's session cookie over plain http. */
const COOKIE = 'authjs.session-token';

/** Whether the page's cookie still signs in: the organization's home, or the sign-in page. */
async function signedInAt(page: Page, slug: string): Promise<boolean> {
  await page.goto(`/${slug}`);
  await page.waitForURL((url) => url.pathname === `/${slug}` || url.pathname === '/sign-in');
  return new URL(page.url()).pathname === `/${slug}`;
}

/** The tRPC answer's status for the page's cookie, outside any page. */
async function apiStatus(page: Page): Promise<number> {
  return (await page.request.get('/api/trpc/account.sessions')).status();
}

test('the account page: change the password (other browsers signed out), then sign out everywhere', async ({
  page,
  browser,
}) => {
  const account = newAccount('Ada');
  const orgName = newOrgName('Vault');
  const slug = await signUpWithOrg(page, account, orgName);

  // Another browser signed in to the same account.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/sign-in');
  await signInThroughForm(other, account);
  expect(await signedInAt(other, slug)).toBe(true);

  // The account page, by keyboard from the user menu.
  await page.getByRole('button', { name: `Account menu for ${account.name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Your account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(`/${slug}/account`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Your signed-in sessions' }).getByRole('row');
  await expect(rows).toHaveCount(3); // the header and two sessions
  await expect(page.getByText('This browser')).toHaveCount(1);
  await screenshot(page, 'account');

  // A wrong current password, and a new one too short: each said on its field, nothing changed.
  const current = page.getByLabel('Current password');
  const next = page.getByLabel('New password');
  await current.fill('not my password');
  await next.fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(next).toHaveAccessibleDescription('Use at least 8 characters.');
  const newPassword = `${account.password} again`;
  await next.fill(newPassword);
  await next.press('Enter');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription('This is not your current password.');
  expect(await signedInAt(other, slug)).toBe(true);

  await current.fill(account.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Your password was changed, and your other session was signed out.',
  );
  await expect(rows).toHaveCount(2);
  // The other browser is out on its next request; this one stays in.
  expect(await signedInAt(other, slug)).toBe(false);
  expect(await apiStatus(other)).toBe(401);

  // The other browser signs in again, with the new password only.
  await other.getByLabel('Email', { exact: true }).fill(account.email);
  await other.getByLabel('Password', { exact: true }).fill(account.password);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(alertOf(other)).toHaveText('That email and password do not match an account.');
  await signInThroughForm(other, { email: account.email, password: newPassword });
  expect(await signedInAt(other, slug)).toBe(true);
  // A copy of its cookie, as someone who took it would keep it.
  const kept = await otherContext.storageState();

  // Sign out everywhere, after a confirmation: this browser lands on sign-in, the other is out.
  await page.reload();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Sign out everywhere?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  expect(await signedInAt(page, slug)).toBe(false);
  expect(await signedInAt(other, slug)).toBe(false);

  const thief = await browser.newContext({ storageState: kept });
  const stolen = await thief.newPage();
  expect(await signedInAt(stolen, slug)).toBe(false);
  expect(await apiStatus(stolen)).toBe(401);
  await thief.close();
  await otherContext.close();
});

test('a day-old session secret is replaced on the next request, and signing out ends the old one too', async ({
  page,
  browser,
}) => {
  const slug = await signUpWithOrg(page, newAccount('Rhea'), newOrgName('Turn'));
  const cookieOf = async () => {
    const found = (await page.context().cookies()).find((c) => c.name === COOKIE);
    if (!found) throw new Error(`No ${COOKIE} cookie`);
    return found;
  };
  const read = async (value: string) => {
    const token = await decode({ token: value, secret: E2E_AUTH_SECRET, salt: COOKIE });
    if (!token?.sid) throw new Error('The session cookie names no session');
    return token;
  };

  // The cookie as it will be a day after sign-in (re-sealed with the server's secret).
  const signedIn = await cookieOf();
  const token = await read(signedIn.value);
  const aged = await encode({
    token: { ...token, rotatedAt: Date.now() - 2 * 86_400_000 },
    secret: E2E_AUTH_SECRET,
    salt: COOKIE,
  });
  await page.context().addCookies([{ ...signedIn, value: aged }]);

  // The next API request replaces the secret and sends the new cookie back.
  expect((await page.request.get('/api/trpc/account.sessions')).status()).toBe(200);
  const rotated = await read((await cookieOf()).value);
  expect(rotated.sid).not.toBe(token.sid);
  expect(rotated.rotatedAt).toBeGreaterThan(Date.now() - 60_000);
  expect(await signedInAt(page, slug)).toBe(true);

  // A request still carrying the old secret, moments later, still gets in (the grace).
  const late = await browser.newContext();
  await late.addCookies([{ ...signedIn, value: aged }]);
  const latePage = await late.newPage();
  expect(await signedInAt(latePage, slug)).toBe(true);

  // Signing out with the new cookie ends the session, the old secret with it.
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('/sign-in');
  expect(await signedInAt(latePage, slug)).toBe(false);
  await late.close();
});
