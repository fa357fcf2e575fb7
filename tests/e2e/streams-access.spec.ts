import type { Page } from '@playwright/test';
import {
  createStream,
  DEMO_PASSWORD,
  expect,
  expectTotals,
  screenshot,
  test,
  trpcQueryInput,
  uniqueId,
  type MapStepInput,
} from './fixtures';

/** Seeded: a team lead, a viewer and an admin of Northwind Retail, and a viewer of Acme Motors only. */
const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const victor = { email: 'viewer@northwind.example', password: DEMO_PASSWORD };
const vera = { email: 'viewer@acme.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/**
 * Two steps, with an 8-hour day: 15 min of 2 h, then 45 min of 1 d (8 h). Lead time 10 h = 1.25 d,
 * process time 1 h, flow efficiency 1/10 = 10%; the bottleneck is Approve (wait 7.25 h, against 1.75 h).
 */
const steps: MapStepInput[] = [
  {
    name: 'Request',
    processTimeSeconds: 900,
    leadTimeSeconds: 7_200,
    processTimeUnit: 'minutes',
    leadTimeUnit: 'hours',
  },
  {
    name: 'Approve',
    processTimeSeconds: 2_700,
    leadTimeSeconds: 28_800,
    processTimeUnit: 'minutes',
    leadTimeUnit: 'days',
  },
];

/** The table of the streams list. */
const streamsTable = (page: Page) =>
  page.getByRole('table', { name: `Value streams of Northwind Retail` });
/** Its rows with a stream (the header row has no link). */
const streamRows = (page: Page) =>
  streamsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') });

test('a viewer reads a stream and its map but is offered no way to change them, and the API refuses', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  const name = `Supplier onboarding ${uniqueId()}`;
  const id = await createStream(lead, org, { name, type: 'supporting', customer: 'Buyers' }, steps);

  const page = await openPage(victor);
  await page.goto(`/${org}/streams/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const current = page.getByRole('region', { name: 'Current state', exact: true });
  await expectTotals(current, {
    'Lead time': ['1.25 d', '2 steps'],
    'Process time': ['1 h', 'Wait time 1.13 d'],
    'Flow efficiency': ['10%', 'Process time ÷ lead time'],
    Bottleneck: ['Approve', 'Longest wait: 7.25 h'],
  });
  await expect(current.getByRole('img', { name: 'Current state: value stream map' })).toBeVisible();
  for (const action of [
    'Edit details',
    'Archive',
    'Re-map current state',
    'Start the future state from the current one',
  ]) {
    await expect(page.getByRole('link', { name: action })).toHaveCount(0);
    await expect(page.getByRole('button', { name: action })).toHaveCount(0);
  }
  await screenshot(page, 'streams-viewer-stream-page');

  // The map's address shows it read-only.
  await page.goto(`/${org}/streams/${id}/map/current`);
  await expect(page.getByRole('heading', { level: 1, name: 'Current-state map' })).toBeVisible();
  await expect(
    page.getByText(
      'You can read this map but not change it: admins, and the team lead who owns the stream, edit it.',
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: `Current-state map: ${name}: value stream map` }),
  ).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  await screenshot(page, 'streams-viewer-map-read-only');

  // No guide for a viewer: a message instead, and no way in from the list.
  await page.goto(`/${org}/streams/new`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Identify a value stream' }),
  ).toBeVisible();
  await expect(
    page.getByText('Viewers can read the streams but not register new ones.'),
  ).toBeVisible();
  await expect(page.getByLabel('Name of the stream')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Next/ })).toHaveCount(0);
  await page.goto(`/${org}/streams`);
  await expect(streamRows(page).getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Register with the guide' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Quick add' })).toHaveCount(0);

  // The API refuses a viewer's map save (and archiving) with 403, and nothing changes.
  const save = await page.request.post('/api/trpc/maps.save', {
    data: {
      json: {
        orgSlug: org,
        streamId: id,
        state: 'current',
        calendar: { hoursPerDay: 8, daysPerWeek: 5 },
        steps: [
          {
            name: 'Skip the approval',
            processTimeSeconds: 60,
            leadTimeSeconds: 60,
            pctCompleteAccurate: 100,
            people: null,
          },
        ],
        note: 'Viewer was here',
      },
    },
  });
  expect(save.status(), await save.text()).toBe(403);
  expect(await save.json()).toMatchObject({ error: { json: { data: { code: 'FORBIDDEN' } } } });
  const archive = await page.request.post('/api/trpc/streams.archive', {
    data: { json: { orgSlug: org, id } },
  });
  expect(archive.status()).toBe(403);

  const versions = await page.request.get(
    `/api/trpc/maps.versions?input=${trpcQueryInput({ orgSlug: org, streamId: id })}`,
  );
  expect(versions.status()).toBe(200);
  const saved = (
    (await versions.json()) as { result: { data: { json: { version: number; note: string }[] } } }
  ).result.data.json;
  expect(saved.map((v) => v.version)).toEqual([1]);
  await page.goto(`/${org}/streams/${id}`);
  await expect(
    page
      .getByRole('region', { name: 'Current state', exact: true })
      .getByText(/^Version 1 · saved /),
  ).toBeVisible();
  await expect(page.getByText('Archived', { exact: true })).toHaveCount(0);
});

test('the streams list narrows by search and kind, keeps the filters in its address, and hides archived streams', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  const token = uniqueId();
  const returns = `Returns ${token}`;
  const refunds = `Refunds ${token}`;
  await createStream(lead, org, { name: returns, customer: 'Shoppers sending items back' }, steps);
  const refundsId = await createStream(lead, org, {
    name: refunds,
    customer: 'Shoppers owed money',
  });

  const page = await openPage(lena);
  await page.goto(`/${org}/streams`);
  await expect(page.getByRole('heading', { level: 1, name: 'Value streams' })).toBeVisible();
  await expect(streamRows(page).getByRole('link', { name: returns })).toBeVisible();
  await expect(streamRows(page).getByRole('link', { name: refunds })).toBeVisible();
  await expect(
    streamRows(page).getByRole('link', { name: 'Online order fulfillment' }),
  ).toBeVisible();

  // Search: one stream left, and the address keeps it through a reload.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill(returns);
  await expect(streamRows(page)).toHaveCount(1);
  await expect(streamRows(page).first()).toContainText(returns);
  await expect(streamRows(page).first()).toContainText('1.25 d'); // its lead time
  await page.waitForURL((url) => url.searchParams.get('q') === returns);
  await page.reload();
  await expect(search).toHaveValue(returns);
  await expect(streamRows(page)).toHaveCount(1);
  await expect(streamRows(page).first()).toContainText(returns);

  // A search that matches nothing says so.
  await search.fill(`Nothing like ${token}`);
  await expect(page.getByText('No streams match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search).toHaveValue('');
  await expect(streamRows(page).getByRole('link', { name: refunds })).toBeVisible();

  // Kind: development streams only (the seed has two in Northwind Retail).
  await page.getByLabel('Kind').selectOption({ label: 'Development' });
  await page.waitForURL((url) => url.searchParams.get('kind') === 'development');
  await expect(
    streamRows(page).getByRole('link', { name: 'Warehouse management system' }),
  ).toBeVisible();
  await expect(streamRows(page).getByRole('link', { name: 'Storefront platform' })).toBeVisible();
  await expect(
    streamRows(page).getByRole('link', { name: 'Online order fulfillment' }),
  ).toHaveCount(0);
  await expect(streamRows(page).getByRole('link', { name: returns })).toHaveCount(0);
  for (const row of await streamRows(page).all())
    await expect(row.getByRole('cell').nth(1)).toHaveText('Development');
  await expect(page.getByLabel('Type')).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveValue('development');
  await expect(
    streamRows(page).getByRole('link', { name: 'Online order fulfillment' }),
  ).toHaveCount(0);
  await expect(
    streamRows(page).getByRole('link', { name: 'Warehouse management system' }),
  ).toBeVisible();
  await screenshot(page, 'streams-list-development');

  // The lead archives a stream they own: it leaves the list until "Show archived".
  await page.goto(`/${org}/streams/${refundsId}`);
  await page.getByRole('button', { name: 'Archive' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Archive this stream?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Archive' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();

  await page.goto(`/${org}/streams?q=${encodeURIComponent(token)}`);
  await expect(streamRows(page)).toHaveCount(1);
  await expect(streamRows(page).first()).toContainText(returns);
  await page.getByLabel('Show archived').check();
  await page.waitForURL((url) => url.searchParams.get('archived') === 'true');
  await expect(streamRows(page)).toHaveCount(2);
  const archivedRow = streamRows(page).filter({ hasText: refunds });
  await expect(archivedRow.getByText('Archived', { exact: true })).toBeVisible();
  await screenshot(page, 'streams-list-archived');
  await page.getByLabel('Show archived').uncheck();
  await expect(streamRows(page)).toHaveCount(1);
});

test('a member of another organization gets "Page not found" for its streams, and the API gives nothing away', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  const name = `Store replenishment ${uniqueId()}`;
  const id = await createStream(lead, org, { name, customer: 'Store managers' }, steps);

  const outsider = await openPage(vera);
  for (const path of [
    `/${org}/streams/${id}`,
    `/${org}/streams/${id}/map/current`,
    `/${org}/streams/${id}/versions`,
    `/acme-motors/streams/${id}`,
    `/acme-motors/streams/${id}/map/current`,
  ]) {
    const response = await outsider.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(outsider.locator('body')).not.toContainText(name);
    await expect(outsider.locator('body')).not.toContainText('Store managers');
  }
  await screenshot(outsider, 'streams-other-org-not-found');

  // Through the API, with their own organization's slug or Northwind's: NOT_FOUND, and none of the stream.
  const get = (procedure: string, input: Record<string, unknown>) =>
    outsider.request.get(`/api/trpc/${procedure}?input=${trpcQueryInput(input)}`);
  for (const [procedure, input] of [
    ['streams.get', { orgSlug: 'acme-motors', id }],
    ['maps.get', { orgSlug: 'acme-motors', streamId: id, state: 'current' }],
    ['maps.versions', { orgSlug: 'acme-motors', streamId: id }],
    ['streams.get', { orgSlug: org, id }],
  ] as const) {
    const response = await get(procedure, input);
    const body = await response.text();
    expect(response.status(), `${procedure} ${JSON.stringify(input)}: ${body}`).toBe(404);
    expect(JSON.parse(body)).toMatchObject({ error: { json: { data: { code: 'NOT_FOUND' } } } });
    for (const secret of [name, 'Store managers', 'Approve', 'Lena'])
      expect(body).not.toContain(secret);
  }

  // The same call is well formed: their own organization's streams come back.
  const own = await get('streams.list', { orgSlug: 'acme-motors' });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('Vehicle manufacturing');
  // And the lead of Northwind reads the stream with the same request shape.
  const lenaGets = await lead.request.get(
    `/api/trpc/streams.get?input=${trpcQueryInput({ orgSlug: org, id })}`,
  );
  expect(lenaGets.status()).toBe(200);
  expect(await lenaGets.text()).toContain(name);
});
