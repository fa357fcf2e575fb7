import type { Page } from '@playwright/test';
import { createStream, DEMO_PASSWORD, expect, test, trpcQueryInput, uniqueId } from './fixtures';

const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/** Screenshots for a person to look at, when SHOTS_DIR is set; nothing otherwise. */
async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
}

function csv(stream: string, badRow: boolean) {
  return [
    'Stream;Week start;Lead time;Process time;%C&A;Note',
    `${stream};2025-03-03;40;2;85%;first week`,
    `${stream};2025-03-10;38;${badRow ? '41' : '3'};86%;"a note\nover two lines"`,
    `${stream};2025-03-17;2 d;90 min;88%;`,
  ].join('\r\n');
}

async function choose(page: Page, name: string, text: string) {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
}

test('a lead imports a CSV with a bad row, fixes it, imports it, and importing it again adds nothing', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  const name = `Click and collect ${uniqueId()}`;
  const streamId = await createStream(lead, org, { name, type: 'fulfillment' });

  await lead.goto(`/${org}/measurements`);
  await lead.getByRole('link', { name: 'Import a CSV' }).click();
  await expect(lead.getByRole('heading', { name: 'Import measurements' })).toBeVisible();
  await shot(lead, 'import-1-choose');

  await choose(lead, 'weeks.csv', csv(name, true));
  // The headers are matched for us: stream, week start, lead time, process time, %C&A, note.
  await expect(lead.getByLabel('Value stream (name or id)')).toHaveValue('0');
  await expect(lead.getByLabel('Period start (YYYY-MM-DD)')).toHaveValue('1');
  await expect(lead.getByLabel('Process time', { exact: true })).toHaveValue('3');
  await shot(lead, 'import-2-map');
  await lead.getByRole('button', { name: 'Check the rows' }).click();

  const problems = lead.getByRole('table', { name: 'Problems in the file' });
  await expect(problems).toContainText('Process time cannot be longer than lead time.');
  await expect(problems.getByRole('row')).toHaveCount(2); // header + row 3
  await expect(problems.getByRole('row').nth(1)).toContainText('3');
  await expect(lead.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await shot(lead, 'import-3-problems');

  // Nothing was saved.
  const listed = await lead.request.get(
    `/api/trpc/measurements.list?input=${trpcQueryInput({ orgSlug: org, streamId })}`,
  );
  expect(listed.status()).toBe(200);
  expect((await listed.json()).result.data.json).toEqual([]);

  await lead.goto(`/${org}/measurements/import`);
  await choose(lead, 'weeks.csv', csv(name, false));
  await lead.getByRole('button', { name: 'Check the rows' }).click();
  await expect(lead.getByText('3 ready')).toBeVisible();
  await expect(lead.getByRole('table', { name: 'The first rows to import' })).toContainText(
    '2025-03-17 – 2025-03-23',
  );
  await shot(lead, 'import-4-ready');
  await lead.getByRole('button', { name: 'Import 3 rows' }).click();
  const result = lead.getByRole('status').filter({ hasText: 'Imported weeks.csv' });
  await expect(result).toContainText('Added3');
  await shot(lead, 'import-5-done');

  // The same file again: all three are already there.
  await lead.getByRole('button', { name: 'Import another file' }).click();
  await choose(lead, 'weeks.csv', csv(name, false));
  await lead.getByRole('button', { name: 'Check the rows' }).click();
  await lead.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(lead.getByRole('status').filter({ hasText: 'Imported weeks.csv' })).toContainText(
    'Skipped (already there)3',
  );
  await expect(lead.getByRole('status').filter({ hasText: 'Imported weeks.csv' })).toContainText(
    'Added0',
  );

  await lead.getByRole('link', { name: 'See the measurements' }).click();
  await lead.goto(`/${org}/measurements?stream=${streamId}`);
  await expect(lead.getByRole('row').filter({ hasText: name })).toHaveCount(3);
  await shot(lead, 'import-6-table');
});
