import { DEMO_PASSWORD, expect, expectTotals, screenshot, test, uniqueId } from './fixtures';
import type { Page } from '@playwright/test';

/** Seeded: Lena Lead, a team lead of Northwind Retail. */
const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/**
 * The map registered through the guide, in mixed units. With the default 8-hour working day
 * (1 d = 8 h = 28,800 s), by hand:
 *
 *   step             process time      lead time          wait time
 *   Take the order   30 s   =     30 s  60 min =  3,600 s    3,570 s
 *   Check stock      4 min  =    240 s  2 h    =  7,200 s    6,960 s   (%C&A 90)
 *   Pick the items   10 min =    600 s  1 d    = 28,800 s   28,200 s
 *   Pack and label   90 min =  5,400 s  3 d    = 86,400 s   81,000 s = 2.8125 d  <- largest wait: the bottleneck
 *   Hand to carrier  30 s   =     30 s  1 h    =  3,600 s    3,570 s   (%C&A 95)
 *   total                      6,300 s         129,600 s   123,300 s
 *
 *   lead time       129,600 s / 28,800 = 4.5 d
 *   process time      6,300 s / 3,600  = 1.75 h
 *   wait time       123,300 s / 28,800 = 4.28125 d, shown to 2 decimals: 4.28 d
 *   flow efficiency   6,300 / 129,600  = 4.861…%, shown to 1 decimal: 4.9%
 *   rolled %C&A     90% × 95%          = 85.5%; the lowest is Check stock, 90%
 *   bottleneck wait  81,000 s          = 2.8125 d: 2.81 d
 *
 * The future state cuts Pack and label's lead time from 3 d to 1 d: 129,600 − 57,600 = 72,000 s = 2.5 d,
 * 2 d shorter, 57,600 / 129,600 = 44.4% shorter.
 */
const guideSteps = [
  { name: 'Take the order', pt: ['30', 'seconds'], lt: ['60', 'minutes'], pct: '100' },
  { name: 'Check stock', pt: ['4', 'minutes'], lt: ['2', 'hours'], pct: '90' },
  { name: 'Pick the items', pt: ['10', 'minutes'], lt: ['1', 'days'], pct: '100' },
  { name: 'Pack and label', pt: ['90', 'minutes'], lt: ['3', 'days'], pct: '95' },
  { name: 'Hand to carrier', pt: ['30', 'seconds'], lt: ['1', 'hours'], pct: '100' },
] as const;

const currentTotals = {
  'Lead time': ['4.5 d', '5 steps'],
  'Process time': ['1.75 h', 'Wait time 4.28 d'],
  'Flow efficiency': ['4.9%', 'Process time ÷ lead time'],
  'Rolled %C&A': ['85.5%', 'Done right the first time, end to end'],
  Bottleneck: ['Pack and label', 'Longest wait: 2.81 d'],
  'Lowest %C&A': ['Check stock', '90% complete and accurate'],
} as const;

const guideHeading = (page: Page, n: number, title: string) =>
  page.getByRole('heading', { level: 2, name: `Step ${n}. ${title}` });

/** Clicks Next and waits for the next step of the guide. */
async function nextStep(page: Page, n: number, title: string) {
  await page.getByRole('button', { name: `Next: ${title} →` }).click();
  await expect(guideHeading(page, n, title)).toBeVisible();
}

test('a team lead registers a stream through the guide, sees its map and totals, then plans a better future state', async ({
  openPage,
}) => {
  test.setTimeout(120_000);
  const page = await openPage(lena);
  const name = `Click and collect ${uniqueId()}`;
  const interview =
    'Packers: orders for collection wait for the 16:00 van, even when the store is next door.';

  await page.goto(`/${org}/streams`);
  await page.getByRole('link', { name: 'Register with the guide' }).click();
  await page.waitForURL(`/${org}/streams/new`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Identify a value stream' }),
  ).toBeVisible();

  // 1. Purpose.
  await expect(guideHeading(page, 1, 'Define the purpose')).toBeVisible();
  await page.getByLabel('Name of the stream').fill(name);
  await page.getByRole('radio', { name: /^Operational/ }).check();
  await page.getByLabel('Type of operational stream').selectOption({ label: 'Fulfillment' });
  await page.getByLabel('Customer', { exact: true }).fill('Shoppers who collect in store');
  await page.getByLabel('Value delivered').fill('Their order waiting at the counter the next day');
  await screenshot(page, 'streams-guide-1-purpose');

  // 2. High-level steps: the trigger and five named steps.
  await nextStep(page, 2, 'Map the high-level steps');
  await page.waitForURL(
    (url) =>
      url.pathname === `/${org}/streams/new` &&
      /^[0-9a-f-]{36}$/.test(url.searchParams.get('draft') ?? ''),
  );
  await page
    .getByLabel('Trigger: the customer request that starts the stream')
    .fill('A shopper chooses “collect in store” at checkout');
  for (const [i, step] of guideSteps.entries()) {
    const nameField = page.getByLabel(`Name of step ${i + 1}`, { exact: true });
    if (i > 0) {
      await page.getByRole('button', { name: '+ Add step' }).click();
      await expect(nameField).toBeFocused(); // a new step's name takes the focus
    }
    await nameField.fill(step.name);
  }
  await screenshot(page, 'streams-guide-2-high-level');

  // 3. Details, in mixed units; the totals follow as they are typed.
  await nextStep(page, 3, 'Analyze the details');
  await expect(page.getByLabel('Hours per working day')).toHaveValue('8');
  for (const [i, step] of guideSteps.entries()) {
    const n = i + 1;
    const row = page.getByRole('listitem', { name: `Step ${n} of 5: ${step.name}`, exact: true });
    await row.getByLabel('Process time', { exact: true }).fill(step.pt[0]);
    await row.getByLabel(`Process time unit, step ${n}`).selectOption(step.pt[1]);
    await row.getByLabel('Lead time', { exact: true }).fill(step.lt[0]);
    await row.getByLabel(`Lead time unit, step ${n}`).selectOption(step.lt[1]);
    await row.getByLabel('%C&A', { exact: true }).fill(step.pct);
  }
  const packRow = page.getByRole('listitem', { name: 'Step 4 of 5: Pack and label', exact: true });
  await expect(packRow.getByText('Wait time 2.81 d')).toBeVisible();
  await expectTotals(page.getByRole('region', { name: 'Totals of the map' }), currentTotals);
  await screenshot(page, 'streams-guide-3-details');

  // 4. Waste.
  await nextStep(page, 4, 'Identify waste');
  for (const [step, wastes] of [
    ['step 2 (Check stock)', ['Waiting']],
    ['step 4 (Pack and label)', ['Waiting', 'Inventory']],
  ] as const) {
    const picker = page.getByRole('group', { name: `Wastes seen at ${step}` });
    for (const waste of wastes) {
      await picker.locator('label').filter({ hasText: waste }).click();
      await expect(picker.getByRole('checkbox', { name: waste })).toBeChecked();
    }
  }
  await expect(
    page
      .getByRole('group', { name: 'Wastes seen at step 4 (Pack and label)' })
      .getByRole('checkbox', { checked: true }),
  ).toHaveCount(2);
  await screenshot(page, 'streams-guide-4-waste');

  // 5. The team's words.
  await nextStep(page, 5, 'Talk to team members');
  await page.getByLabel('Interview notes').fill(interview);
  await page
    .getByLabel('Notes on step 4')
    .fill('Parcels for the store wait with the courier parcels');
  await screenshot(page, 'streams-guide-5-team');

  // 6. The drawn map and its totals.
  await nextStep(page, 6, 'Map the stream');
  const guideMap = page.getByRole('region', { name: 'The current state' });
  await expect(
    guideMap.getByRole('img', { name: `Current state: ${name}: value stream map` }),
  ).toBeVisible();
  await expectTotals(guideMap, currentTotals);
  await screenshot(page, 'streams-guide-6-map');

  // 7. Improve, and save.
  await nextStep(page, 7, 'Improve and optimize');
  await expect(page.getByText('The longest wait is at Pack and label (2.81 d).')).toBeVisible();
  await expect(page.getByText('Waiting: 2 steps')).toBeVisible();
  await page
    .getByLabel('Improvements to try')
    .fill('Send collection orders with the store’s own morning run');
  await page.getByRole('button', { name: 'Save the stream' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is saved' })).toHaveText(
    new RegExp(`^${name} is saved, with its current-state map \\(version 1\\)\\.`),
  );
  await screenshot(page, 'streams-guide-7-saved');

  await page.getByRole('link', { name: 'Go to the stream' }).click();
  await page.waitForURL(new RegExp(`/${org}/streams/[0-9a-f-]{36}$`));
  const streamUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const current = page.getByRole('region', { name: 'Current state', exact: true });
  await expect(current.getByText(/^Version 1 · saved .* by Lena Lead/)).toBeVisible();
  await expectTotals(current, currentTotals);
  await expect(current.getByRole('img', { name: 'Current state: value stream map' })).toBeVisible();
  await expect(page.getByText(interview)).toBeVisible();
  // The text alternative of the drawing: the bottleneck flagged, the wastes tagged.
  await current.getByText('Map as a table').click();
  const packLine = current.getByRole('row', { name: /Pack and label/ });
  await expect(packLine.getByRole('rowheader')).toHaveText('Pack and labelBottleneck');
  await expect(packLine).toContainText('Waiting, Inventory');

  // The future state starts as a copy of the current one; Pack and label's lead time is cut to 1 d.
  await page.getByRole('button', { name: 'Start the future state from the current one' }).click();
  await page.waitForURL(`${streamUrl}/map/future`);
  await expect(page.getByRole('heading', { level: 1, name: 'Future-state map' })).toBeVisible();
  const futurePack = page.getByRole('listitem', {
    name: 'Step 4 of 5: Pack and label',
    exact: true,
  });
  await expect(futurePack.getByLabel('Lead time', { exact: true })).toHaveValue('3');
  await expect(futurePack.getByLabel('Lead time unit, step 4')).toHaveValue('days');
  await futurePack.getByLabel('Lead time', { exact: true }).fill('1');
  await page.getByLabel('What changed?').fill('Store orders go out with the morning run');
  const preview = page
    .getByRole('list', { name: 'Change from current to future state' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Lead time', exact: true }) });
  await expect(preview).toContainText('Better');
  await screenshot(page, 'streams-map-editor-future-1366');
  await screenshot(page, 'streams-map-editor-future-1366x800-viewport', { fullPage: false });
  await page.getByRole('button', { name: 'Save new version' }).click();

  await page.waitForURL(streamUrl);
  const compared = page.getByRole('region', { name: 'Current and future state', exact: true });
  await expect(compared.getByText(/^Future state version 2 · saved /)).toBeVisible();
  const leadTime = compared
    .getByRole('list', { name: 'Change from current to future state' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Lead time', exact: true }) });
  await expect(leadTime.getByText('Better')).toBeVisible();
  await expect(leadTime).not.toContainText('Worse');
  await expect(leadTime.getByText('−2 d (−44.4%)')).toBeVisible();
  await expect(leadTime).toContainText('From 4.5 d → to 2.5 d · shorter');
  await expect(
    compared.getByRole('img', { name: 'Current state: value stream map' }),
  ).toBeVisible();
  await expect(compared.getByRole('img', { name: 'Future state: value stream map' })).toBeVisible();
  // The current state's totals are unchanged.
  await expectTotals(current, currentTotals);
  await screenshot(page, 'streams-stream-page-compared-1366');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(leadTime.getByText('−2 d (−44.4%)')).toBeVisible();
  await screenshot(page, 'streams-stream-page-compared-390');
  await screenshot(page, 'streams-stream-page-compared-390x844-viewport', { fullPage: false });
});
