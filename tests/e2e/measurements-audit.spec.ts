import type { Page } from '@playwright/test';
import {
  createStream,
  DEMO_PASSWORD,
  expect,
  screenshot,
  test,
  trpcMutation,
  trpcQueryInput,
  uniqueId,
} from './fixtures';

/** Seeded members of Northwind Retail. */
const adam = { email: 'admin@northwind.example', password: DEMO_PASSWORD };
const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const victor = { email: 'viewer@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/** Saves a measurement through the API as the page's user; returns its id. */
async function logWeek(page: Page, measurement: Record<string, unknown>): Promise<string> {
  const { id } = await trpcMutation<{ id: string }>(page, 'measurements.save', {
    orgSlug: org,
    measurement,
    replace: false,
  });
  return id;
}

test('an admin edits a measurement in the stream’s calendar and reads the change, before → after, in the audit trail; a viewer cannot', async ({
  openPage,
}) => {
  // Three people, a dozen pages; run first, it also waits for the demo data to be seeded.
  test.setTimeout(90_000);
  const admin = await openPage(adam);
  const name = `Claims intake ${uniqueId()}`;
  const streamId = await createStream(admin, org, { name, type: 'supporting' });
  // A current map with a 7.5-hour working day: its days are the measurements' days.
  await trpcMutation(admin, 'maps.save', {
    orgSlug: org,
    streamId,
    state: 'current',
    calendar: { hoursPerDay: 7.5, daysPerWeek: 5 },
    steps: [
      {
        name: 'Register',
        processTimeSeconds: 600,
        leadTimeSeconds: 3_600,
        pctCompleteAccurate: 100,
        people: null,
        wastes: [],
        notes: '',
      },
    ],
    note: 'First walk',
  });
  const id = await logWeek(admin, {
    streamId,
    periodStart: '2025-06-02',
    periodEnd: '2025-06-08',
    leadTimeSeconds: 54_000,
    throughput: 40,
  });
  // Another week, logged by mistake and deleted.
  const mistake = await logWeek(admin, {
    streamId,
    stepName: 'Register',
    periodStart: '2025-06-09',
    periodEnd: '2025-06-15',
    throughput: 12,
    wasteWaitingHours: 6,
  });
  await trpcMutation(admin, 'measurements.remove', { orgSlug: org, id: mistake });

  // The edit form loads that one measurement, durations in the stream's working days.
  await admin.goto(`/${org}/measurements/new?id=${id}`);
  await expect(admin.getByRole('heading', { level: 1, name: 'Edit a measurement' })).toBeVisible();
  const leadTime = admin.getByLabel('Lead time', { exact: true });
  await expect(leadTime).toHaveValue('2');
  await expect(admin.getByLabel('Lead time unit')).toHaveValue('days');
  await expect(leadTime).toHaveAccessibleDescription('Working days of 7.5 h, weeks of 5 d');
  await expect(admin.getByTestId('calendar-note')).toHaveText(
    `Days and weeks are working days of 7.5 h, weeks of 5 d, as in the current map of ${name}.`,
  );
  await expect(admin.getByLabel('Throughput')).toHaveValue('40');
  await screenshot(admin, 'measurements-edit-form');
  await leadTime.fill('1');
  await admin.getByLabel('Throughput').fill('55');
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();

  // From the measurements page to the audit trail, narrowed to the stream (kept in the URL).
  await admin.goto(`/${org}/measurements?stream=${streamId}`);
  await expect(admin.getByRole('row').filter({ hasText: name })).toContainText('1 d');
  await admin.getByRole('link', { name: 'Audit trail' }).click();
  await admin.waitForURL(`/${org}/measurements/audit`);
  await expect(admin.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await admin.getByLabel('Stream').selectOption({ label: name });
  await admin.waitForURL((url) => url.searchParams.get('stream') === streamId);
  const entries = admin.getByTestId('audit-entry');
  await expect(entries).toHaveCount(2);
  // Newest first: the edit, then the deletion with what it held.
  const deleted = entries.nth(1);
  await expect(deleted).toContainText('Deleted');
  await expect(deleted).toContainText('Register · Jun 9–15, 2025');
  await expect(deleted.getByRole('term')).toHaveText([
    'Throughput',
    'Waiting waste',
    'Method',
    'Source',
  ]);
  await expect(deleted.getByRole('definition')).toHaveText(['12', '6 h', 'Observed', 'Form']);
  const entry = entries.first();
  await expect(entry).toContainText('Changed');
  await expect(entry).toContainText(name);
  await expect(entry).toContainText('Whole stream · Jun 2–8, 2025');
  await expect(entry).toContainText('Adam Admin');
  const changed = entry.getByRole('definition');
  await expect(changed).toHaveText(['2 d → 1 d', '40 → 55']);
  await expect(entry.getByRole('term')).toHaveText(['Lead time', 'Throughput']);
  await screenshot(admin, 'measurements-audit-admin');

  // The stream's page leads there too.
  await admin.goto(`/${org}/streams/${streamId}`);
  await admin.getByRole('link', { name: 'Audit trail of its measurements' }).click();
  await admin.waitForURL(
    (url) =>
      url.pathname === `/${org}/measurements/audit` && url.searchParams.get('stream') === streamId,
  );
  await expect(admin.getByTestId('audit-entry')).toHaveCount(2);

  // A viewer: no link, a refusal on the page, and a 403 from the API.
  const viewer = await openPage(victor);
  await viewer.goto(`/${org}/measurements`);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Measurements' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await viewer.goto(`/${org}/measurements/audit?stream=${streamId}`);
  await expect(viewer.getByText('Only owners and admins read the audit trail.')).toBeVisible();
  await expect(viewer.getByTestId('audit-entry')).toHaveCount(0);
  await expect(viewer.getByText(name)).toHaveCount(0);
  const refused = await viewer.request.get(
    `/api/trpc/measurements.audit?input=${trpcQueryInput({ orgSlug: org, streamId })}`,
  );
  expect(refused.status()).toBe(403);
  await viewer.goto(`/${org}/streams/${streamId}`);
  await expect(viewer.getByRole('link', { name: 'Measurements →' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Audit trail of its measurements' })).toHaveCount(
    0,
  );
});

test('the measurements table sorts by lead time both ways, by mouse and keyboard, empty last, and keeps the sort in the URL', async ({
  openPage,
}) => {
  const lead = await openPage(lena);
  const name = `Spare parts ${uniqueId()}`;
  const streamId = await createStream(lead, org, { name, type: 'fulfillment' });
  const week = (start: string, end: string) => ({ streamId, periodStart: start, periodEnd: end });
  await logWeek(lead, {
    ...week('2025-03-03', '2025-03-09'),
    leadTimeSeconds: 10_800,
    throughput: 5,
  }); // 3 h
  await logWeek(lead, {
    ...week('2025-03-10', '2025-03-16'),
    leadTimeSeconds: 57_600,
    throughput: 9,
  }); // 2 d of 8 h
  await logWeek(lead, {
    ...week('2025-03-17', '2025-03-23'),
    leadTimeSeconds: 1_800,
    throughput: 7,
  }); // 30 min
  await logWeek(lead, { ...week('2025-03-24', '2025-03-30'), throughput: 3 }); // no lead time

  await lead.goto(`/${org}/measurements?stream=${streamId}`);
  const table = lead.getByRole('table', { name: 'Measurements' });
  const leadTimes = table.locator('tbody td[data-column="lead"]');
  const header = table.getByRole('columnheader', { name: 'Lead time' });
  const period = table.getByRole('columnheader', { name: 'Period' });
  // Newest period first by default.
  await expect(leadTimes).toHaveText(['—', '30 min', '2 d', '3 h']);
  await expect(period).toHaveAttribute('aria-sort', 'descending');
  await expect(header).not.toHaveAttribute('aria-sort', /.+/);

  // A click: longest first (numbers sort descending first); the empty one stays last.
  await header.getByRole('button').click();
  await expect(leadTimes).toHaveText(['2 d', '3 h', '30 min', '—']);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(period).not.toHaveAttribute('aria-sort', /.+/);
  await expect(lead).toHaveURL(/[?&]sort=-lead/);
  await screenshot(lead, 'measurements-table-sorted', { fullPage: false });

  // The keyboard, on the same button: the other way round.
  await header.getByRole('button').focus();
  await lead.keyboard.press('Enter');
  await expect(leadTimes).toHaveText(['30 min', '3 h', '2 d', '—']);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(lead).toHaveURL(/[?&]sort=lead(&|$)/);

  // The sort survives a reload, with the filters.
  await lead.reload();
  await expect(leadTimes).toHaveText(['30 min', '3 h', '2 d', '—']);
  await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(4);
  // Sorted or not, the lead who owns the stream can still edit and delete each row.
  await expect(table.getByRole('link', { name: /^Edit / })).toHaveCount(4);
  await expect(table.getByRole('button', { name: /^Delete / })).toHaveCount(4);
});
