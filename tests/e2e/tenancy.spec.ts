import {
  DEMO_PASSWORD,
  expect,
  newAccount,
  newOrgName,
  screenshot,
  signInThroughForm,
  signUpWithOrg,
  test,
  trpcQueryInput,
} from './fixtures';

/** Seeded: a viewer of Acme Motors only. */
const vera = { email: 'viewer@acme.example', password: DEMO_PASSWORD };

test('a member of another organization gets "Page not found" for its pages', async ({
  page,
  openPage,
}) => {
  const owner = newAccount('Nora');
  const orgName = newOrgName('Secret');
  const slug = await signUpWithOrg(page, owner, orgName);

  const outsider = await openPage(vera);
  for (const path of [`/${slug}`, `/${slug}/settings`, `/${slug}/settings/members`]) {
    const response = await outsider.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(outsider.locator('body')).not.toContainText(orgName);
    await expect(outsider.locator('body')).not.toContainText(owner.email);
  }
  await screenshot(outsider, 'not-found');

  // The seeded organization they are not in, too.
  for (const path of ['/northwind-retail', '/northwind-retail/settings/members']) {
    const response = await outsider.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(outsider.locator('body')).not.toContainText('Northwind');
    await expect(outsider.locator('body')).not.toContainText('@northwind.example');
  }

  // Their own organization still opens.
  await outsider.goto('/acme-motors');
  await expect(
    outsider.getByRole('heading', { level: 1, name: 'Welcome to Acme Motors' }),
  ).toBeVisible();
});

test('the API answers NOT_FOUND for another organization, with none of its data', async ({
  page,
  openPage,
}) => {
  const owner = newAccount('Nils');
  const orgName = newOrgName('Vault');
  const slug = await signUpWithOrg(page, owner, orgName);
  const outsider = await openPage(vera);
  const membersOf = (orgSlug: string) =>
    `/api/trpc/members.list?input=${trpcQueryInput({ orgSlug })}`;

  // The request is well formed: for their own organizations, both get the member list.
  const own = await outsider.request.get(membersOf('acme-motors'));
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('viewer@acme.example');
  const owners = await page.request.get(membersOf(slug));
  expect(owners.status()).toBe(200);
  expect(await owners.text()).toContain(owner.email);

  for (const [orgSlug, secrets] of [
    [slug, [owner.email, orgName, owner.name]],
    ['northwind-retail', ['@northwind.example', 'Northwind', 'Olivia']],
  ] as const) {
    for (const request of [
      () => outsider.request.get(membersOf(orgSlug)),
      () => outsider.request.get(`/api/trpc/orgs.current?input=${trpcQueryInput({ orgSlug })}`),
      () => outsider.request.get(`/api/trpc/invitations.list?input=${trpcQueryInput({ orgSlug })}`),
      () =>
        outsider.request.post('/api/trpc/invitations.create', {
          data: { json: { orgSlug, role: 'viewer', email: '', expiresInDays: 7 } },
        }),
    ]) {
      const response = await request();
      const body = await response.text();
      expect(response.status(), `${response.url()}: ${body}`).toBe(404);
      expect(JSON.parse(body)).toMatchObject({ error: { json: { data: { code: 'NOT_FOUND' } } } });
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
  }
});

test('a signed-out visitor is sent to sign in, and back after signing in', async ({ page }) => {
  await page.goto('/northwind-retail/settings/members');
  await page.waitForURL(
    (url) =>
      url.pathname === '/sign-in' && url.searchParams.get('callbackUrl') === '/northwind-retail',
  );
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.goto('/northwind-retail');
  await page.waitForURL(
    (url) =>
      url.pathname === '/sign-in' && url.searchParams.get('callbackUrl') === '/northwind-retail',
  );

  const api = await page.request.get(
    `/api/trpc/members.list?input=${trpcQueryInput({ orgSlug: 'northwind-retail' })}`,
  );
  expect(api.status()).toBe(401);
  expect(await api.text()).not.toContain('@northwind.example');

  await signInThroughForm(page, { email: 'lead@northwind.example', password: DEMO_PASSWORD });
  await page.waitForURL('/northwind-retail');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Northwind Retail' }),
  ).toBeVisible();
});
