import { createStream, DEMO_PASSWORD, expect, test, uniqueId } from './fixtures';

const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const victor = { email: 'viewer@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

test('a team lead logs a week, is asked before replacing it, and finds it in the table; a viewer may not', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  const name = `Returns handling ${uniqueId()}`;
  const streamId = await createStream(lead, org, { name, type: 'fulfillment' });

  await lead.goto(`/${org}/measurements/new`);
  await lead.getByLabel('Stream', { exact: true }).selectOption({ label: name });
  // The new stream has no earlier week to prefill from: once the form says so, it will not change what is typed.
  await expect(
    lead.getByText('No earlier measurement of this stream and step: start from empty.'),
  ).toBeVisible();
  await lead.getByLabel('Lead time', { exact: true }).fill('2');
  await lead.getByLabel('Lead time unit').selectOption('days');
  await lead.getByLabel('Process time', { exact: true }).fill('3');
  await lead.getByLabel('Process time unit').selectOption('hours');
  await lead.getByLabel('Throughput').fill('40');
  await lead.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(lead.getByText('Saved', { exact: false }).first()).toBeVisible();

  // The same stream and period again: the form asks instead of adding a second row.
  await lead.getByRole('button', { name: 'Save', exact: true }).click();
  const prompt = lead.getByRole('alertdialog');
  await expect(prompt).toContainText('There is already a measurement for this period. Replace it?');
  await prompt.getByRole('button', { name: 'Replace it' }).click();
  await expect(lead.getByText('Replaced', { exact: false }).first()).toBeVisible();

  await lead.goto(`/${org}/measurements?stream=${streamId}`);
  const rows = lead.getByRole('row').filter({ hasText: name });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2 d');
  await expect(lead.getByRole('link', { name: 'Log a week' })).toBeVisible();

  // A viewer reads the table but the API refuses them a measurement.
  const viewer = await openPage(victor);
  await viewer.goto(`/${org}/measurements?stream=${streamId}`);
  await expect(viewer.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  await expect(viewer.getByRole('link', { name: 'Log a week' })).toHaveCount(0);
  const refused = await viewer.request.post('/api/trpc/measurements.save', {
    data: {
      json: {
        orgSlug: org,
        measurement: {
          streamId,
          periodStart: '2026-01-05',
          periodEnd: '2026-01-11',
          throughput: 1,
        },
        replace: false,
      },
    },
  });
  expect(refused.status()).toBe(403);
});

test('the measurements list shows 50 rows a page, and pages through the rest', async ({
  openPage,
}) => {
  const viewer = await openPage(victor);
  await viewer.goto(`/${org}/measurements`);
  const table = viewer.getByRole('table', { name: 'Measurements' });
  await expect(viewer.getByText(/^Rows 1–50 of [\d,]+ · page 1 of \d+$/)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(51); // the header and 50 rows
  const first = await table.getByRole('row').nth(1).innerText();
  await viewer.getByRole('button', { name: 'Next page' }).click();
  await expect(viewer.getByText(/^Rows 51–100 of [\d,]+ · page 2 of \d+$/)).toBeVisible();
  await expect(viewer).toHaveURL(/[?&]page=2/);
  expect(await table.getByRole('row').nth(1).innerText()).not.toBe(first);
  await viewer.getByRole('button', { name: 'Previous page' }).click();
  await expect(viewer.getByText(/^Rows 1–50 of/)).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Previous page' })).toBeDisabled();
});
