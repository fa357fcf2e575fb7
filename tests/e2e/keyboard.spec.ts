import { DEMO_PASSWORD, expect, test } from './fixtures';

test('signing in and switching organization with the keyboard only', async ({ page }) => {
  // Seeded: owner of Northwind Retail (where sign-in lands: the highest role first) and viewer of
  // Acme Motors (listed first in the switcher, by name).
  await page.goto('/sign-in');
  await expect(page.getByLabel('Email', { exact: true })).toBeFocused();
  await page.keyboard.type('owner@northwind.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL('/northwind-retail');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Northwind Retail' }),
  ).toBeVisible();

  // Tab from the top of the page to the organization switcher: a few stops at most.
  const switcher = page.getByRole('button', { name: /^Organization: / });
  await expect(switcher).toBeVisible();
  for (
    let stops = 0;
    stops < 5 && !(await switcher.evaluate((el) => el === document.activeElement));
    stops++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(switcher).toBeFocused();

  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Acme Motors' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Northwind Retail' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Acme Motors' })).toBeFocused();
  await page.keyboard.press('Enter');

  await page.waitForURL('/acme-motors');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Acme Motors' }),
  ).toBeVisible();
  await expect(switcher).toHaveAccessibleName('Organization: Acme Motors. Switch organization');
});
