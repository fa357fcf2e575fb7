import { createStream, DEMO_PASSWORD, expect, screenshot, test, uniqueId } from './fixtures';

const adam = { email: 'admin@northwind.example', password: DEMO_PASSWORD };
const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

test('an admin creates an API token, a system adds a measurement with it (replays are safe), and the admin revokes it', async ({
  openPage,
  request,
}) => {
  const admin = await openPage(adam);
  const streamName = `Click and collect ${uniqueId()}`;
  const streamId = await createStream(admin, org, { name: streamName, type: 'fulfillment' });

  await admin.goto(`/${org}/settings`);
  await admin.getByRole('link', { name: 'Manage API tokens' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'OpenAPI document' })).toHaveAttribute(
    'href',
    '/api/v1/openapi.json',
  );
  await screenshot(admin, 'api-tokens-empty');
  await admin.getByRole('link', { name: 'API guide with curl examples' }).click();
  await admin.waitForURL('/api/v1/docs');
  await expect(admin.locator('body')).toContainText('Idempotency-Key');
  await admin.goBack();

  const tokenName = `Warehouse system ${uniqueId()}`;
  await admin.getByLabel('Token name').fill(tokenName);
  await admin.getByRole('button', { name: 'Create token' }).click();
  await expect(admin.getByText('you won’t see it again')).toBeVisible();
  const token = await admin.getByTestId('new-api-token').inputValue();
  expect(token).toMatch(/^vs_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
  await expect(admin.getByTestId('curl-example')).toContainText(`Authorization: Bearer ${token}`);
  await expect(admin.getByTestId('curl-example')).toContainText('/api/v1/measurements');
  await expect(admin.getByRole('row').filter({ hasText: tokenName })).toContainText(
    `vs_…${token.slice(-4)}`,
  );
  // The token acts as the admin who created it, with their role of today.
  await expect(admin.getByRole('row').filter({ hasText: tokenName })).toContainText(
    'acts as admin',
  );
  await screenshot(admin, 'api-tokens-new');

  // The sending system: no cookies, only the token.
  const headers = { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-${uniqueId()}` };
  const data = {
    streamId,
    periodStart: '2026-01-05',
    periodEnd: '2026-01-11',
    leadTimeSeconds: 172800,
    processTimeSeconds: 14400,
    throughput: 42,
    method: 'system',
  };
  const first = await request.post('/api/v1/measurements', { headers, data });
  const firstBody = await first.text();
  expect(first.status(), firstBody).toBe(201);
  expect(JSON.parse(firstBody)).toEqual({ added: 1, replaced: 0, skipped: 0 });
  const replay = await request.post('/api/v1/measurements', { headers, data });
  expect(replay.status()).toBe(201);
  expect(await replay.text()).toBe(firstBody);
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  const reused = await request.post('/api/v1/measurements', {
    headers,
    data: { ...data, throughput: 43 },
  });
  expect(reused.status()).toBe(422);
  expect((await reused.json()) as unknown).toMatchObject({
    error: { code: 'idempotency_key_reused', field: 'Idempotency-Key' },
  });
  const bad = await request.post('/api/v1/measurements', {
    headers: { ...headers, 'Idempotency-Key': `e2e-${uniqueId()}` },
    data: { ...data, processTimeSeconds: 999999 },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()) as unknown).toMatchObject({
    error: { code: 'invalid', field: 'processTimeSeconds' },
  });

  // One measurement, from the API, in the organization's table.
  await admin.goto(`/${org}/measurements?stream=${streamId}`);
  const rows = admin.getByRole('row').filter({ hasText: streamName });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('API');
  await expect(rows.first()).toContainText('42');

  // The list shows the use; revoking stops the token at once.
  await admin.goto(`/${org}/settings/api-tokens`);
  const row = admin.getByRole('row').filter({ hasText: tokenName });
  await expect(row).not.toContainText('Never');
  await screenshot(admin, 'api-tokens-list');
  await row.getByRole('button', { name: `Revoke ${tokenName}` }).click();
  const dialog = admin.getByRole('alertdialog');
  await expect(dialog).toContainText('401 Unauthorized');
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  const refused = await request.post('/api/v1/measurements', {
    headers: { ...headers, 'Idempotency-Key': `e2e-${uniqueId()}` },
    data,
  });
  expect(refused.status()).toBe(401);
  expect((await refused.json()) as unknown).toMatchObject({ error: { code: 'unauthorized' } });
});

test('a team lead sees no API tokens in settings, and the page says who manages them', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  await lead.goto(`/${org}/settings`);
  await expect(lead.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(lead.getByRole('link', { name: 'Manage API tokens' })).toHaveCount(0);
  await lead.goto(`/${org}/settings/api-tokens`);
  await expect(lead.getByText('Only owners and admins manage API tokens.')).toBeVisible();
  await expect(lead.getByRole('button', { name: 'Create token' })).toHaveCount(0);
});

test('the OpenAPI document and the guide are served', async ({ request }) => {
  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  const body = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(body.openapi).toBe('3.1.0');
  expect(Object.keys(body.paths)).toEqual(['/api/v1/measurements', '/api/v1/measurements/batch']);
  const guide = await request.get('/api/v1/docs');
  expect(await guide.text()).toContain('Idempotency-Key');
});
