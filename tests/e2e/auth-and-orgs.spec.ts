import {
  alertOf,
  expect,
  fillSignUpForm,
  newAccount,
  newOrgName,
  screenshot,
  SIGNED_UP,
  signUpWithOrg,
  slugOf,
  test,
} from './fixtures';

test.describe('signing up, in and out', () => {
  test('a new person signs up with an organization and lands on its home', async ({ page }) => {
    const account = newAccount('Sam');
    const orgName = newOrgName('Orbit');

    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await fillSignUpForm(page, account, orgName);

    await page.waitForURL(`/${slugOf(orgName)}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome to ${orgName}` }),
    ).toBeVisible();
    await expect(page.getByText('You are an owner here · 1 member')).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Account menu for ${account.name}` }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Organization: ${orgName}. Switch organization` }),
    ).toBeVisible();
  });

  test('sign-up refuses a short password and a common password on the field, creating nothing, and answers a used email as any other', async ({
    page,
    openPage,
  }) => {
    // Someone already has an account.
    const existing = newAccount('Uma');
    await signUpWithOrg(await openPage(), existing, newOrgName('Taken'));

    const account = newAccount('Nia');
    const orgName = newOrgName('Fresh');
    await page.goto('/sign-up');
    const name = page.getByLabel('Your name');
    const email = page.getByLabel('Work email');
    const password = page.getByLabel('Password', { exact: true });
    const org = page.getByLabel('Organization name');

    // Nothing filled in: every field says what it needs.
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(name).toHaveAccessibleDescription('Enter your name.');
    await expect(email).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com.',
    );
    await expect(password).toHaveAccessibleDescription('Use at least 8 characters.');
    await expect(org).toHaveAccessibleDescription('Use at least 2 characters.');
    await screenshot(page, 'sign-up-field-errors');

    await name.fill(account.name);
    await email.fill(account.email);
    await org.fill(orgName);

    await password.fill('short1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription('Use at least 8 characters.');
    await expect(email).not.toHaveAttribute('aria-invalid');
    await expect(org).not.toHaveAttribute('aria-invalid');

    await password.fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(password).toHaveAccessibleDescription(
      'This password is too common. Choose one that is harder to guess.',
    );

    // The server refuses them too, field by field, when the form is bypassed.
    for (const [bad, message] of [
      ['short1', 'Use at least 8 characters.'],
      ['password123', 'This password is too common. Choose one that is harder to guess.'],
    ] as const) {
      const response = await page.request.post('/api/trpc/auth.signUp', {
        data: { json: { name: account.name, email: account.email, password: bad, orgName } },
      });
      expect(response.status()).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { json: { data: { fieldErrors: { password: [message] } } } },
      });
    }

    // An email that already has an account (in other letter case): the same answer as for a new
    // one, so the form tells no one who has an account; nothing changes, not even its password.
    await email.fill(existing.email.toUpperCase());
    await password.fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await expect(page.getByRole('status')).toHaveText(SIGNED_UP);
    await screenshot(page, 'sign-up-email-taken');
    await page.getByLabel('Email', { exact: true }).fill(existing.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // (After the client-side move to sign-in, Next's route announcer holds the page's title too.)
    await expect(
      alertOf(page).filter({ hasText: 'That email and password do not match an account.' }),
    ).toBeVisible();

    // Nothing was created by the refused attempts: the email is free, and the organization gets
    // the plain address of its name (an earlier one with that name would have pushed it to "-2").
    await page.goto('/sign-up');
    await fillSignUpForm(page, account, orgName);
    await page.waitForURL(`/${slugOf(orgName)}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome to ${orgName}` }),
    ).toBeVisible();
    await expect(page.getByText('You are an owner here · 1 member')).toBeVisible();
  });

  test('signing out from the user menu, a wrong password, then signing in again', async ({
    page,
  }) => {
    const account = newAccount('Omar');
    const orgName = newOrgName('Relay');
    const slug = await signUpWithOrg(page, account, orgName);

    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('/sign-in');

    // Signed out for real: the organization asks for a sign-in again.
    await page.goto(`/${slug}`);
    await page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('callbackUrl') === `/${slug}`,
    );

    await page.getByLabel('Email', { exact: true }).fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(`${account.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alertOf(page)).toHaveText('That email and password do not match an account.');
    await expect(page).toHaveURL(/\/sign-in\?/);

    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`/${slug}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome to ${orgName}` }),
    ).toBeVisible();
  });
});

test.describe('organizations', () => {
  test('creating a second organization from the switcher, then switching between the two', async ({
    page,
  }) => {
    const account = newAccount('Kim');
    // Names sort in this order in the switcher.
    const first = newOrgName('Alpha');
    const second = newOrgName('Beta');
    const firstSlug = await signUpWithOrg(page, account, first);

    const switcher = page.getByRole('button', { name: /^Organization: / });
    await expect(switcher).toHaveAccessibleName(`Organization: ${first}. Switch organization`);
    await switcher.click();
    await page.getByRole('menuitem', { name: '+ Create organization' }).click();
    await page.waitForURL('/orgs/new');
    await page.getByLabel('Organization name').fill(second);
    await page.getByRole('button', { name: 'Create organization' }).click();

    const secondSlug = slugOf(second);
    await page.waitForURL(`/${secondSlug}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome to ${second}` }),
    ).toBeVisible();
    await expect(page.getByText('You are an owner here · 1 member')).toBeVisible();
    await expect(switcher).toHaveAccessibleName(`Organization: ${second}. Switch organization`);

    await switcher.click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText([
      new RegExp(`^${first}\\s*Owner$`),
      new RegExp(`^✓ ${second}\\s*Owner$`),
      '+ Create organization',
    ]);
    await expect(menu.getByRole('menuitem', { name: second })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await menu.getByRole('menuitem', { name: first }).click();
    await page.waitForURL(`/${firstSlug}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome to ${first}` }),
    ).toBeVisible();
    await expect(switcher).toHaveAccessibleName(`Organization: ${first}. Switch organization`);

    await switcher.click();
    await expect(page.getByRole('menu').getByRole('menuitem', { name: first })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.getByRole('menu').getByRole('menuitem', { name: second }).click();
    await page.waitForURL(`/${secondSlug}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welcome to ${second}` }),
    ).toBeVisible();
  });
});
