// What a person trips over (issue 15): the calendar of every duration and the unit switch, a
// working day kept exactly, steps reopened as entered, 404s with a header, fields' descriptions,
// the header on a phone, the portfolio's width and the scroll hints.
import {
  createStream,
  DEMO_PASSWORD,
  expect,
  screenshot,
  test,
  trpcQueryInput,
  uniqueId,
} from './fixtures';

const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const owner = { email: 'owner@northwind.example', password: DEMO_PASSWORD };
const acmeAdmin = { email: 'admin@acme.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

test('the stream page says what a day is, and durations switch between working days, hours and calendar days', async ({
  openPage,
}) => {
  const page = await openPage(lena);
  const id = await createStream(page, org, { name: `Claims ${uniqueId()}` }, [
    {
      name: 'Assess',
      processTimeSeconds: 3600,
      leadTimeSeconds: 3 * 8 * 3600, // 3 working days of 8 h
      processTimeUnit: 'hours',
      leadTimeUnit: 'days',
    },
  ]);
  await page.goto(`/${org}/streams/${id}`);
  const current = page.getByRole('region', { name: 'Current state', exact: true });
  const note = page.getByTestId('calendar-note');
  await expect(note).toHaveText('Working days: 1 day = 8 h of work, 1 week = 5 days.');
  await expect(current).toContainText('3 d');
  // The drawn map's legend says it too.
  await expect(page.getByTestId('map-calendar')).toHaveText(
    'Working days: 1 day = 8 h of work, 1 week = 5 days.',
  );

  const units = page.getByRole('group', { name: 'Show durations in' });
  await units.getByText('Hours', { exact: true }).click();
  await expect(page).toHaveURL(/units=hours/);
  await expect(note).toHaveText('Durations in hours of work: no working day applied.');
  await expect(current).toContainText('24 h');
  await expect(page.getByTestId('map-calendar')).toHaveText(
    'Durations in hours of work: no working day applied.',
  );

  await units.getByText('Calendar days', { exact: true }).click();
  await expect(page).toHaveURL(/units=calendar/);
  await expect(note).toHaveText('Durations in calendar days: 1 day = 24 h.');
  await expect(current).toContainText('1 d'); // 24 hours of work is one calendar day

  // The choice is in the address: a shared link opens in the same unit.
  await page.reload();
  await expect(note).toHaveText('Durations in calendar days: 1 day = 24 h.');
});

test('the portfolio says that its streams work different days, and writes their median in hours', async ({
  openPage,
}) => {
  const page = await openPage(owner);
  await page.goto(`/${org}/dashboards`);
  // The seed's streams keep different calendars (a 24 h shop floor, 7.5 h offices).
  await expect(page.getByTestId('calendar-note')).toHaveText(
    /^Calendars differ: each stream converted with its own working day \(.+ a day, .+ a week\)\.$/,
  );
  const headline = page.getByRole('region', { name: 'Headline figures' });
  await expect(headline.getByRole('link', { name: /Median lead time/ })).toContainText(/\d h\b/);
});

test('a working day is kept exactly as typed, and a step reopens in wait time, in the unit it was typed in', async ({
  openPage,
}) => {
  const page = await openPage(lena);
  const id = await createStream(page, org, { name: `Approvals ${uniqueId()}` }, [
    {
      name: 'Approve',
      processTimeSeconds: 60,
      leadTimeSeconds: 3600,
      processTimeUnit: 'minutes',
      leadTimeUnit: 'hours',
    },
  ]);
  await page.goto(`/${org}/streams/${id}/map/current`);
  await page.getByLabel('Hours per working day').fill('15.3333333');
  await page
    .getByRole('group', { name: 'For each step, enter' })
    .getByText('Wait time', { exact: true })
    .click();
  const step = page.getByRole('listitem', { name: 'Step 1 of 1: Approve', exact: true });
  await step.getByLabel('Process time', { exact: true }).fill('1');
  await step.getByLabel('Process time unit, step 1').selectOption('seconds');
  await step.getByLabel('Wait time', { exact: true }).fill('5');
  await step.getByLabel('Wait time unit, step 1').selectOption('days');
  await page.getByRole('button', { name: 'Save new version' }).click();
  await page.waitForURL(`/${org}/streams/${id}`);

  await page.goto(`/${org}/streams/${id}/map/current`);
  await expect(page.getByLabel('Hours per working day')).toHaveValue('15.3333333');
  await expect(page.getByRole('radio', { name: 'Wait time' })).toBeChecked();
  const reopened = page.getByRole('listitem', { name: 'Step 1 of 1: Approve', exact: true });
  await expect(reopened.getByLabel('Wait time', { exact: true })).toHaveValue('5');
  await expect(reopened.getByLabel('Wait time unit, step 1')).toHaveValue('days');
  await expect(reopened.getByLabel('Process time', { exact: true })).toHaveValue('1');
  await expect(reopened.getByLabel('Process time unit, step 1')).toHaveValue('seconds');
});

test('another organization’s measurement is a 404 with the header, to switch organization or sign out', async ({
  openPage,
}) => {
  const acme = await openPage(acmeAdmin);
  const listed = await acme.request.get(
    `/api/trpc/measurements.list?input=${trpcQueryInput({ orgSlug: 'acme-motors' })}`,
  );
  const rows = (
    (await listed.json()) as { result: { data: { json: { measurement: { id: string } }[] } } }
  ).result.data.json;
  const foreign = rows[0]?.measurement.id;
  expect(foreign).toBeTruthy();

  const page = await openPage(lena);
  const response = await page.goto(`/${org}/measurements/new?id=${foreign}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('That measurement was not found')).toHaveCount(0);
  // The header: the product, the organizations one belongs to, and the account menu.
  await expect(page.getByRole('link', { name: 'Valuestream' })).toBeVisible();
  await page.getByRole('button', { name: 'Choose an organization' }).click();
  await expect(page.getByRole('menuitem', { name: /Northwind Retail/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await screenshot(page, 'edges-404-with-header');
});

test('a field with an error is described by its error only, never by a hint that has gone', async ({
  openPage,
}) => {
  const page = await openPage(lena);
  await page.goto('/orgs/new');
  const name = page.getByLabel('Organization name');
  await expect(name).toHaveAccessibleDescription('Your company or team.');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const ids = ((await name.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  await expect(name).not.toHaveAccessibleDescription(/Your company or team/);
});

test('on a phone the header shows the product name beside the organization and the account', async ({
  openPage,
}) => {
  const page = await openPage(lena);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${org}`);
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Valuestream' })).toBeVisible();
  await expect(header.getByRole('button', { name: /^Organization: / })).toBeVisible();
  await expect(header.getByRole('button', { name: /^Account menu for / })).toBeVisible();
});

test('the portfolio table fits a 1440 px screen; on a phone it scrolls under a stream column that stays', async ({
  openPage,
}) => {
  const page = await openPage(owner);
  const table = page.getByRole('table', { name: 'Value streams' });
  const region = page.getByRole('region', { name: 'Value streams: table' });
  for (const width of [1280, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/${org}/dashboards`);
    await expect(table.getByRole('row')).not.toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: /Got worse/ })).toBeInViewport();
    const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits, `the table fits at ${width} px`).toBe(true);
    await expect(page.getByText(/^Scroll sideways/)).toHaveCount(0);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${org}/dashboards`);
  await expect(
    page.getByText('Scroll sideways for every column; the stream stays in view →'),
  ).toBeVisible();
  const stream = table.getByRole('link', { name: 'Customer service' });
  await region.scrollIntoViewIfNeeded();
  const before = await stream.boundingBox();
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(table.getByRole('columnheader', { name: /Got worse/ })).toBeInViewport();
  const after = await stream.boundingBox();
  expect(after?.x).toBe(before?.x);
  await screenshot(page, 'edges-portfolio-phone-scrolled', { fullPage: false });
});

test('the map says to scroll sideways only when it does not fit', async ({ openPage }) => {
  const page = await openPage(lena);
  const steps = ['Receive', 'Check', 'Fix', 'Test', 'Ship'].map((name) => ({
    name,
    processTimeSeconds: 600,
    leadTimeSeconds: 3600,
  }));
  const id = await createStream(page, org, { name: `Repairs ${uniqueId()}` }, steps);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/${org}/streams/${id}`);
  const hint = page.getByText('Scroll sideways to see every step and the totals →');
  const svg = page.getByRole('img', { name: 'Current state: value stream map' });
  await expect(svg).toBeVisible();
  const region = page.getByRole('region', { name: 'Current state: drawn map' });
  const minWidth = await svg.evaluate((el) => parseFloat(getComputedStyle(el).minWidth));

  // Just wide enough for the drawing at its narrowest (its box: 8 px padding and a border each
  // side, 18 px): nothing to scroll, so no hint.
  const target = minWidth + 20;
  let width = 1440;
  for (let i = 0; i < 4; i++) {
    const box = await region.boundingBox();
    if (!box || Math.abs(box.width - target) < 1) break;
    width = Math.round(width + target - box.width);
    await page.setViewportSize({ width, height: 900 });
  }
  expect(Math.abs(((await region.boundingBox())?.width ?? 0) - target)).toBeLessThan(1);
  await expect.poll(() => region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await expect(hint).toHaveCount(0);

  // Narrower: the drawing scrolls, and the hint says so.
  await page.setViewportSize({ width: width - 60, height: 900 });
  await expect(hint).toBeVisible();
});
