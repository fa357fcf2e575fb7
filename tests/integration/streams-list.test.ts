/**
 * The streams list: search (literal `%`, `_` and `\`), kind and type filters, archived streams,
 * and the totals of each stream's latest current-state map.
 */
import { beforeAll, expect, it } from 'vitest';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { as, devFields, listNames, makeStream, saveMap, step } from './stream-factories';

/** The names as a set: the list is ordered by name, but `_`, `%` and case sort per the database's collation. */
const sorted = async (names: Promise<string[]>) => (await names).sort();

forEachDriver('streams list', (t) => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeOrgWithRoles(t.db);
    await makeStream(t.db, org, {
      fields: {
        name: '100% Done',
        type: 'fulfillment',
        customer: 'Retail shops',
        trigger: 'Order placed',
      },
    });
    await makeStream(t.db, org, {
      fields: {
        name: '100 Percent',
        type: 'manufacturing',
        customer: 'Distributors',
        trigger: 'Forecast',
      },
    });
    await makeStream(t.db, org, {
      fields: {
        name: 'snake_case',
        type: 'software_delivery',
        customer: 'Developers',
        trigger: 'Pull request',
      },
    });
    await makeStream(t.db, org, {
      fields: { name: 'snakeXcase', type: 'supporting', customer: 'Finance', trigger: 'Month end' },
    });
    await makeStream(t.db, org, {
      fields: devFields({
        name: 'Back\\slash platform',
        customer: 'Internal teams',
        trigger: 'Roadmap',
      }),
    });
    const archived = await makeStream(t.db, org, {
      fields: {
        name: 'Old orders',
        type: 'fulfillment',
        customer: 'Retail shops',
        trigger: 'Phone call',
      },
    });
    await as(t.db, org, 'owner').streams.archive({ orgSlug: org.org.slug, id: archived });
  });

  it('shows active streams by name; archived ones only with includeArchived', async () => {
    const all = [
      '100 Percent',
      '100% Done',
      'Back\\slash platform',
      'snake_case',
      'snakeXcase',
    ].sort();
    expect(await sorted(listNames(t.db, org))).toEqual(all);
    expect(await sorted(listNames(t.db, org, { includeArchived: false }))).toEqual(all);
    expect(await sorted(listNames(t.db, org, { includeArchived: true }))).toEqual(
      [...all, 'Old orders'].sort(),
    );
    const list = await as(t.db, org, 'viewer').streams.list({
      orgSlug: org.org.slug,
      includeArchived: true,
    });
    expect(list.find((s) => s.name === 'Old orders')?.archivedAt).toBeInstanceOf(Date);
    expect(list.find((s) => s.name === '100% Done')?.archivedAt).toBeNull();
  });

  it('searches name, customer and trigger, ignoring case and surrounding spaces', async () => {
    expect(await listNames(t.db, org, { search: 'DONE' })).toEqual(['100% Done']);
    expect(await listNames(t.db, org, { search: 'retail' })).toEqual(['100% Done']);
    expect(await listNames(t.db, org, { search: 'retail', includeArchived: true })).toEqual([
      '100% Done',
      'Old orders',
    ]);
    expect(await listNames(t.db, org, { search: '  pull REQ ' })).toEqual(['snake_case']);
    expect(await listNames(t.db, org, { search: 'month end' })).toEqual(['snakeXcase']);
    expect(await listNames(t.db, org, { search: 'nothing like this' })).toEqual([]);
    expect(await listNames(t.db, org, { search: '' })).toHaveLength(5);
  });

  it('treats %, _ and \\ in the search literally', async () => {
    expect(await listNames(t.db, org, { search: '100%' })).toEqual(['100% Done']);
    expect(await listNames(t.db, org, { search: '%' })).toEqual(['100% Done']);
    expect(await listNames(t.db, org, { search: 'snake_case' })).toEqual(['snake_case']);
    expect(await listNames(t.db, org, { search: '_' })).toEqual(['snake_case']);
    expect(await listNames(t.db, org, { search: '\\' })).toEqual(['Back\\slash platform']);
    expect(await listNames(t.db, org, { search: 'k\\s' })).toEqual(['Back\\slash platform']);
  });

  it('filters by kind and type, alone and with a search', async () => {
    expect(await listNames(t.db, org, { kind: 'development' })).toEqual(['Back\\slash platform']);
    expect(await sorted(listNames(t.db, org, { kind: 'operational' }))).toEqual(
      ['100 Percent', '100% Done', 'snake_case', 'snakeXcase'].sort(),
    );
    expect(await listNames(t.db, org, { type: 'manufacturing' })).toEqual(['100 Percent']);
    expect(await listNames(t.db, org, { type: 'fulfillment', includeArchived: true })).toEqual([
      '100% Done',
      'Old orders',
    ]);
    expect(
      await listNames(t.db, org, { kind: 'operational', type: 'supporting', search: 'snake' }),
    ).toEqual(['snakeXcase']);
    expect(await listNames(t.db, org, { kind: 'development', type: 'supporting' })).toEqual([]);
  });

  it('totals come from the latest current-state map: exact lead time, process time and flow efficiency', async () => {
    const mapped = await makeStream(t.db, org, { fields: { name: 'Mapped' } });
    // Version 1 (superseded) and a future state must not count.
    await saveMap(t.db, org, mapped, {
      steps: [step({ processTimeSeconds: 1, leadTimeSeconds: 2 })],
    });
    await saveMap(t.db, org, mapped, {
      calendar: { hoursPerDay: 7.5, daysPerWeek: 4 },
      steps: [
        step({
          name: 'Take order',
          processTimeSeconds: 300,
          leadTimeSeconds: 900,
          pctCompleteAccurate: 90,
        }),
        step({
          name: 'Ship',
          processTimeSeconds: 600,
          leadTimeSeconds: 2100,
          pctCompleteAccurate: 80,
        }),
      ],
    });
    await saveMap(t.db, org, mapped, {
      state: 'future',
      steps: [step({ processTimeSeconds: 5, leadTimeSeconds: 5 })],
    });
    const unmapped = await makeStream(t.db, org, { fields: { name: 'Unmapped' } });

    const list = await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug });
    const row = list.find((s) => s.id === mapped);
    expect(row?.calendar).toEqual({ hoursPerDay: 7.5, daysPerWeek: 4 });
    expect(row?.totals).toMatchObject({
      totalLeadTimeSeconds: 3000,
      totalProcessTimeSeconds: 900,
      totalWaitTimeSeconds: 2100,
      flowEfficiency: 0.3,
      rolledPctCompleteAccurate: 72,
      stepCount: 2,
      bottleneck: { index: 1, name: 'Ship', waitTimeSeconds: 1500 },
      weakest: { index: 1, name: 'Ship', pctCompleteAccurate: 80 },
    });
    expect(list.find((s) => s.id === unmapped)).toMatchObject({ calendar: null, totals: null });

    // A new current version replaces the totals.
    await saveMap(t.db, org, mapped, {
      steps: [step({ processTimeSeconds: 0.5, leadTimeSeconds: 2 })],
    });
    const again = (
      await as(t.db, org, 'owner').streams.list({ orgSlug: org.org.slug, search: 'Mapped' })
    ).find((s) => s.id === mapped);
    expect(again?.totals).toMatchObject({
      totalLeadTimeSeconds: 2,
      totalProcessTimeSeconds: 0.5,
      flowEfficiency: 0.25,
      stepCount: 1,
    });
    expect(again?.calendar).toEqual({ hoursPerDay: 8, daysPerWeek: 5 });
  });

  it('totals of one organization’s maps never show in another’s list', async () => {
    const other = await makeOrgWithRoles(t.db);
    const theirs = await makeStream(t.db, other);
    await saveMap(t.db, other, theirs, {
      steps: [step({ processTimeSeconds: 10, leadTimeSeconds: 40 })],
    });
    const ours = await as(t.db, org, 'owner').streams.list({
      orgSlug: org.org.slug,
      includeArchived: true,
    });
    expect(ours.map((s) => s.id)).not.toContain(theirs);
    const list = await as(t.db, other, 'owner').streams.list({ orgSlug: other.org.slug });
    expect(list.map((s) => [s.id, s.totals?.totalLeadTimeSeconds])).toEqual([[theirs, 40]]);
  });
});
