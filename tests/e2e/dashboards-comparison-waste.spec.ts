// Runs in the "as-seeded" project, before the specs that add streams and weeks (playwright.config.ts):
// it may add improvements, never streams or measurements.
import { comparisonLines } from '@/lib/labels';
import { DEMO_PASSWORD, expect, screenshot, test } from './fixtures';

const leader = { email: 'owner@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/** Once the lazily loaded charts are drawn, back at the top (the header is sticky), for a whole-page picture. */
async function picture(page: import('@playwright/test').Page, name: string, charts: number) {
  await expect(page.locator('figure .recharts-wrapper')).toHaveCount(charts);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function downloadedText(download: Promise<import('@playwright/test').Download>) {
  const file = await download;
  const chunks = await (await file.createReadStream()).toArray();
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('a leader compares the operational streams with the development streams', async ({
  openPage,
}) => {
  const page = await openPage(leader);
  await page.goto(`/${org}/dashboards/comparison`);
  await expect(
    page.getByRole('heading', { name: 'Operational vs development', level: 1 }),
  ).toBeVisible();
  const views = page.getByRole('navigation', { name: 'Dashboard views' });
  await expect(views.getByRole('link', { name: 'Operational vs development' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Both groups side by side: the demo has four operational streams and two development streams.
  const table = page.getByRole('table', {
    name: 'Operational and development streams side by side',
  });
  await expect(table.getByRole('columnheader', { name: 'Operational', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Development', exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Streams/ }).getByRole('cell')).toHaveText([
    '4',
    '2',
    '2',
    'none',
    '1',
    '1',
  ]);
  await expect(table.getByRole('row', { name: /^Median lead time/ })).toContainText(/\d/);

  // Each stream as a dot, its data as a table; the figure is kept in the address.
  const strip = page.getByRole('figure', { name: 'Median lead time: each stream' });
  await expect(strip).toContainText(/operational: 4 streams/i);
  await page.getByRole('combobox', { name: 'Figure per stream' }).selectOption('wastePerWeek');
  await expect(page).toHaveURL(/metric=wastePerWeek/);
  await expect(page.getByRole('figure', { name: 'Waste h / wk: each stream' })).toBeVisible();

  // The six lines, as the streams describe themselves, beside the typical wording.
  const lines = page.getByRole('region', { name: 'Six lines of comparison' });
  for (const line of comparisonLines)
    await expect(lines.getByRole('heading', { name: line.label, level: 3 })).toBeVisible();
  await expect(lines).toContainText('Direct: every order is a promise to a shopper');
  await expect(lines).toContainText('Typically: Intangible: technical debt, over-engineering');

  // Development streams and what they feed.
  const wms = page.getByRole('article', { name: 'Warehouse management system' });
  await expect(wms).toContainText(
    'Feeds Inventory management (supporting), Online order fulfillment (fulfillment).',
  );
  await picture(page, 'dashboards-comparison', 1);

  // The side-by-side table as CSV, one row per group.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await downloadedText(download);
  expect(csv.name).toMatch(
    /^operational-vs-development-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  expect(csv.text.split('\n')[0]).toBe(
    'group,grouped_by,streams,streams_measured,median_lead_time_hours,flow_efficiency_pct,throughput_per_week,wip,pct_complete_accurate,waste_hours_per_week,from,to,hours_per_working_day,days_per_working_week',
  );
  expect(csv.text).toContain('Operational,kind,4,4,');
  expect(csv.text).toContain('Development,kind,2,2,');
});

test('a leader follows one stream’s waste against its baseline and downloads it', async ({
  openPage,
}) => {
  const page = await openPage(leader);
  await page.goto(`/${org}/dashboards/comparison?range=year`);
  await page
    .getByRole('navigation', { name: 'Dashboard views' })
    .getByRole('link', { name: 'Waste reduction' })
    .click();
  await expect(page.getByRole('heading', { name: 'Waste reduction', level: 1 })).toBeVisible();
  // The weeks chosen on one view carry over to the next.
  await expect(page).toHaveURL(/\/dashboards\/waste\?range=year/);
  await expect(page.getByRole('region', { name: 'Waste against the baseline' })).toContainText(
    'Baseline',
  );
  await picture(page, 'dashboards-waste-portfolio', 3);

  await page
    .getByRole('combobox', { name: 'Stream' })
    .selectOption({ label: 'Online order fulfillment' });
  await expect(page).toHaveURL(/stream=[0-9a-f-]{36}/);
  await expect(
    page.getByText(
      /^Online order fulfillment, weeks of .* Baseline: .* the first 13 weeks from the first week with waste recorded\.$/,
    ),
  ).toBeVisible();
  const trend = page.getByRole('figure', { name: 'Waste each week, by category (hours)' });
  await expect(trend).toContainText(/the dashed line is the baseline’s \d[\d,]* h a week/);
  // The chart is drawn: bars and the baseline's reference line.
  await expect(trend.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(trend.getByText(/^Baseline [\d,]+ h\/wk$/)).toBeVisible();
  const bars = page.getByRole('figure', {
    name: 'Waste by category: baseline and now (hours a week)',
  });
  await bars.getByText('Show the data as a table').click();
  await expect(bars.getByRole('table')).toContainText('Waiting');
  await expect(
    page.getByRole('figure', { name: 'Hours saved against the baseline, so far' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Improvements in these weeks' })).toBeVisible();
  await picture(page, 'dashboards-waste-stream', 3);

  // A chosen baseline replaces the default once both dates are in.
  await page.getByLabel('Baseline from').fill('2025-01-06');
  await expect(page.getByText('Enter both dates to use them.')).toBeVisible();
  await page.getByLabel('Baseline to').fill('2024-12-01');
  await expect(page.getByText('The baseline ends before it starts.')).toBeVisible();
  await page.getByLabel('Baseline to').fill('2025-03-30');
  await expect(page.getByText(/Baseline: 6 Jan 2025 to 30 Mar 2025 \(chosen\)\./)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await downloadedText(download);
  expect(csv.name).toMatch(
    /^waste-Online order fulfillment-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const [header, first] = csv.text.split('\n');
  expect(header).toBe(
    'week_start,stream,waste_defects_hours,waste_overproduction_hours,waste_waiting_hours,waste_non_utilized_talent_hours,waste_transportation_hours,waste_inventory_hours,waste_motion_hours,waste_extra_processing_hours,total_hours,baseline_hours_per_week,baseline_from,baseline_to,saved_hours,saved_hours_so_far',
  );
  expect(first).toMatch(/^\d{4}-\d{2}-\d{2},Online order fulfillment,/);
  expect(first).toContain(',2025-01-06,2025-03-30,');
});
