// Editing a saved map: the steps editor's keyboard and its refusals (the guide is streams.spec.ts).
import {
  alertOf,
  createStream,
  DEMO_PASSWORD,
  expect,
  screenshot,
  test,
  trpcQueryInput,
  uniqueId,
  type MapStepInput,
} from './fixtures';

/** Seeded: Lena Lead, a team lead of Northwind Retail. */
const lena = { email: 'lead@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/** Four steps A, B, C, D of an hour each (10 minutes of work), saved as version 1. */
function simpleSteps(names: readonly string[]): MapStepInput[] {
  return names.map((name) => ({
    name,
    processTimeSeconds: 600,
    leadTimeSeconds: 3600,
    processTimeUnit: 'minutes',
    leadTimeUnit: 'hours',
  }));
}

test('steps are reordered with the keyboard in the map editor, and the new order is saved as version 2', async ({
  openPage,
}) => {
  const page = await openPage(lena);
  const name = `Gift wrapping ${uniqueId()}`;
  const id = await createStream(
    page,
    org,
    { name },
    simpleSteps(['Receive', 'Wrap', 'Label', 'Ship']),
  );

  await page.goto(`/${org}/streams/${id}/map/current`);
  await expect(page.getByRole('heading', { level: 1, name: 'Current-state map' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Steps of the current-state map' });
  /** The steps, in order, as the list names them ("Step 2 of 4: Wrap"). */
  const expectOrder = async (names: string[]) => {
    await expect(list.getByRole('listitem')).toHaveCount(names.length);
    for (const [i, stepName] of names.entries()) {
      await expect(list.getByRole('listitem').nth(i)).toHaveAccessibleName(
        `Step ${i + 1} of ${names.length}: ${stepName}`,
      );
    }
  };

  // Alt+ArrowDown in the first step's name moves it down one place; the focus stays in it.
  const receive = page.getByLabel('Name of step 1', { exact: true });
  await expect(receive).toHaveValue('Receive');
  await receive.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expectOrder(['Wrap', 'Receive', 'Label', 'Ship']);
  await expect(page.getByLabel('Name of step 2', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Name of step 2', { exact: true })).toHaveValue('Receive');
  await expect(page.getByText('Moved “Receive” to position 2 of 4.')).toBeAttached();

  // The Move up button, from the keyboard: Ship goes before Label.
  await page.getByRole('button', { name: 'Move step 4 (Ship) up' }).focus();
  await page.keyboard.press('Enter');
  await expectOrder(['Wrap', 'Receive', 'Ship', 'Label']);
  await expect(page.getByRole('button', { name: 'Move step 3 (Ship) up' })).toBeFocused();
  await screenshot(page, 'streams-map-editor-reordered-1366x800-viewport', { fullPage: false });

  await page.getByLabel('What changed?').fill('Wrap before receiving the paperwork');
  await page.getByRole('button', { name: 'Save new version' }).click();
  await page.waitForURL(`/${org}/streams/${id}`);
  await expect(
    page
      .getByRole('region', { name: 'Current state', exact: true })
      .getByText(/^Version 2 · saved /),
  ).toBeVisible();

  await page.getByRole('link', { name: 'all versions' }).click();
  await page.waitForURL(`/${org}/streams/${id}/versions`);
  await expect(page.getByRole('heading', { level: 1, name: 'Map versions' })).toBeVisible();
  const versions = page.getByRole('table', { name: 'Saved map versions' });
  await expect(versions.getByRole('row')).toHaveCount(3); // the header and two versions
  await expect(versions.getByRole('row').nth(1)).toContainText('v2');
  await expect(versions.getByRole('row').nth(1)).toContainText(
    'Wrap before receiving the paperwork',
  );
  await expect(versions.getByRole('row').nth(2)).toContainText('v1');
  // By default the oldest and the latest are compared: v2's drawing lists the steps in the new order.
  await expect(page.getByRole('img', { name: 'v2: value stream map' })).toHaveAccessibleDescription(
    /^4 steps: Wrap, Receive, Ship, Label\./,
  );
  await expect(page.getByRole('img', { name: 'v1: value stream map' })).toHaveAccessibleDescription(
    /^4 steps: Receive, Wrap, Label, Ship\./,
  );

  await versions.getByRole('button', { name: 'v2' }).click();
  const v2 = page
    .getByRole('figure')
    .filter({ has: page.getByRole('img', { name: 'Current state v2: value stream map' }) });
  await v2.getByText('Map as a table').click();
  await expect(
    v2.getByRole('table', { name: 'Current state v2: steps and totals' }).getByRole('rowheader'),
  ).toHaveText([
    'WrapBottleneck', // equal waits: the first is the bottleneck
    'Receive',
    'Ship',
    'Label',
    'Total (4 steps)',
  ]);
  await screenshot(page, 'streams-versions-1366');
});

test('a process time longer than the lead time is refused on its field, and no version is saved', async ({
  openPage,
}) => {
  const page = await openPage(lena);
  const name = `Returns desk ${uniqueId()}`;
  const id = await createStream(page, org, { name }, simpleSteps(['Log the return', 'Refund']));

  await page.goto(`/${org}/streams/${id}/map/current`);
  const refund = page.getByRole('listitem', { name: 'Step 2 of 2: Refund', exact: true });
  const processTime = refund.getByLabel('Process time', { exact: true });
  await expect(processTime).toHaveValue('10');
  await expect(refund.getByLabel('Lead time', { exact: true })).toHaveValue('1');
  await processTime.fill('3');
  await refund.getByLabel('Process time unit, step 2').selectOption('hours');
  await refund.getByLabel('Lead time', { exact: true }).fill('2');

  await page.getByRole('button', { name: 'Save new version' }).click();
  await expect(processTime).toHaveAttribute('aria-invalid', 'true');
  await expect(processTime).toHaveAccessibleDescription(
    'Process time cannot be longer than lead time.',
  );
  await expect(processTime).toBeFocused();
  await expect(alertOf(page)).toHaveText(
    'Process time cannot be longer than lead time. Fix it to save.',
  );
  await expect(page.getByLabel('Process time', { exact: true }).first()).not.toHaveAttribute(
    'aria-invalid',
  );
  await expect(
    page.getByText(
      'The totals appear when every step has a name, a process time and a lead time (1 field needs attention).',
    ),
  ).toBeVisible();
  await screenshot(page, 'streams-map-editor-refused-1366');
  await screenshot(page, 'streams-map-editor-refused-1366x800-viewport', { fullPage: false });
  expect(new URL(page.url()).pathname).toBe(`/${org}/streams/${id}/map/current`);

  // The server refuses it too, on the same field, when the form is bypassed.
  const response = await page.request.post('/api/trpc/maps.save', {
    data: {
      json: {
        orgSlug: org,
        streamId: id,
        state: 'current',
        calendar: { hoursPerDay: 8, daysPerWeek: 5 },
        steps: [
          {
            name: 'Refund',
            processTimeSeconds: 10_800,
            leadTimeSeconds: 7_200,
            pctCompleteAccurate: 100,
            people: null,
          },
        ],
        note: '',
      },
    },
  });
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({
    error: {
      json: {
        data: {
          code: 'BAD_REQUEST',
          fieldErrors: { 'steps.0.processTime': ['Process time cannot be longer than lead time.'] },
        },
      },
    },
  });

  // Nothing new was saved: version 1 is still the only one.
  const versionsPage = await openPage(lena);
  await versionsPage.goto(`/${org}/streams/${id}/versions`);
  const versions = versionsPage.getByRole('table', { name: 'Saved map versions' });
  await expect(versions.getByRole('row')).toHaveCount(2);
  await expect(versions.getByRole('row').nth(1)).toContainText('v1');
  const saved = await versionsPage.request.get(
    `/api/trpc/maps.versions?input=${trpcQueryInput({ orgSlug: org, streamId: id })}`,
  );
  expect((await saved.json()) as unknown).toMatchObject({
    result: { data: { json: [{ version: 1 }] } },
  });
  expect(
    ((await saved.json()) as { result: { data: { json: unknown[] } } }).result.data.json,
  ).toHaveLength(1);

  // Fixed, it saves.
  await refund.getByLabel('Lead time', { exact: true }).fill('4');
  await expect(processTime).not.toHaveAttribute('aria-invalid');
  await page.getByRole('button', { name: 'Save new version' }).click();
  await page.waitForURL(`/${org}/streams/${id}`);
  await expect(
    page
      .getByRole('region', { name: 'Current state', exact: true })
      .getByText(/^Version 2 · saved /),
  ).toBeVisible();
});
