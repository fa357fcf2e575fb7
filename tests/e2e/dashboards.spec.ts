// Runs in the "as-seeded" project, before the specs that add streams and weeks (playwright.config.ts):
// it may add improvements, never streams or measurements.
import { DEMO_PASSWORD, expect, screenshot, test } from './fixtures';

const leader = { email: 'owner@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

test('a leader opens the portfolio, filters it, exports it, and drills into a stream’s charts', async ({
  openPage,
}) => {
  const page = await openPage(leader);
  await page.goto(`/${org}`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dashboards' })
    .click();
  await expect(page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible();

  // The demo's six streams, with figures computed from their weeks.
  const table = page.getByRole('table', { name: 'Value streams' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('region', { name: 'Headline figures' })).toContainText(
    '6 measured in these weeks',
  );
  await screenshot(page, 'dashboards-portfolio');

  // Filtering keeps the view in the address, so it can be shared.
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('development');
  await expect(page).toHaveURL(/kind=development/);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('Storefront platform');
  await expect(table).not.toContainText('Customer service');
  await page.getByRole('combobox', { name: 'Weeks' }).selectOption('year');
  await expect(page).toHaveURL(/range=year/);
  await expect(page.getByText(/^Weeks of .* compared with/)).toBeVisible();

  // Sorting by a column, with the keyboard.
  await table.getByRole('button', { name: /Median lead time/ }).press('Enter');
  await expect(table.getByRole('columnheader', { name: /Median lead time/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  // The table as CSV.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^portfolio-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  expect(csv.split('\n')[0]).toContain(
    'stream,kind,type,owner,weeks_measured,median_lead_time_hours',
  );
  expect(csv).toContain('Storefront platform,development');

  // Drill into a stream.
  await table.getByRole('link', { name: 'Storefront platform' }).click();
  await expect(page.getByRole('heading', { name: 'Storefront platform: dashboard' })).toBeVisible();
  await expect(
    page.getByRole('figure', { name: 'Lead time and process time (hours)' }),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Waste by category (hours)' })).toBeVisible();
  const xmr = page.getByRole('figure', { name: /process behaviour chart/ });
  await expect(xmr).toContainText(/natural limits/);
  await expect(page.getByRole('table', { name: 'Map totals and measured figures' })).toContainText(
    'Lead time',
  );
  // Every chart has its data as a table.
  await xmr.getByText('Show the data as a table').click();
  await expect(xmr.getByRole('table')).toBeVisible();
  await expect(page).toHaveURL(/range=year/);
  await screenshot(page, 'dashboards-stream');

  // The improvements of these weeks are marked, and each has its before and after.
  const marked = page.getByRole('region', { name: 'Improvements in these weeks' });
  await marked.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Before and after' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Lead time/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Lead time, week by week' })).toBeVisible();
  await screenshot(page, 'improvement-before-after');
});

/** The Monday `weeks` weeks before this week's, and the Friday after it (the demo data covers them). */
function weeksAgo(weeks: number) {
  const now = new Date();
  const monday =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
    ((now.getUTCDay() + 6) % 7) * 86_400_000 -
    weeks * 7 * 86_400_000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { monday: day(monday), friday: day(monday + 4 * 86_400_000) };
}

test('a lead records an improvement, fixes a missing title, and closes it as done', async ({
  openPage,
}) => {
  const week = weeksAgo(7);
  const page = await openPage({ email: 'lead@northwind.example', password: DEMO_PASSWORD });
  await page.goto(`/${org}/improvements`);
  await page.getByRole('link', { name: 'Record an improvement' }).click();
  await page.getByLabel('Stream', { exact: true }).selectOption({ label: 'Customer service' });
  await page.getByLabel('Started on').fill(week.monday);
  await page.getByRole('button', { name: 'Record the improvement' }).click();
  await expect(page.getByText('Name the improvement.')).toBeVisible();
  await page.getByLabel('Title').fill('Callbacks booked in one calendar');
  await page.getByLabel('Waste it targets').selectOption('waiting');
  await page.getByRole('button', { name: 'Record the improvement' }).click();
  await expect(
    page.getByRole('heading', { name: 'Callbacks booked in one calendar' }),
  ).toBeVisible();
  await expect(
    page.getByText('Still open: the weeks after start counting when it is completed.'),
  ).toBeVisible();
  await page.getByLabel('Completed on').fill(week.friday);
  await page.getByRole('button', { name: 'Close as done' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Lead time / })).toBeVisible();
  await expect(page.getByText('Open', { exact: true })).toHaveCount(0);
  await screenshot(page, 'improvement-closed');
});

test('a stream with no measurements says what to enter to see its charts', async ({ openPage }) => {
  const page = await openPage(leader);
  await page.goto(`/${org}/dashboards?range=custom&from=2001-01-01&to=2001-03-31`);
  await expect(page.getByText('No measurements in these weeks yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log a week' })).toBeVisible();
  await page.getByLabel('To', { exact: true }).fill('2000-12-01');
  await expect(page.getByText('The end date is before the start date.')).toBeVisible();
  await screenshot(page, 'dashboards-empty');
});
