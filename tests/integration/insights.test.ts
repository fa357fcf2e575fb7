/**
 * Operational vs development and waste reduction through the tRPC caller, on figures worked out
 * by hand: each group's figures, the links with before/after of development improvements, the
 * waste baseline (default and chosen), the cumulative reduction and the improvements of the
 * range; roles, other organizations and bad input.
 */
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { improvements } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import type { MeasurementInput } from '@/lib/validation/measurements';
import { expectCode, expectFieldError } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { as, devFields, makeStream, streamFields } from './stream-factories';

const H = 3600;
/** March 2025, four whole weeks (Mon 3 – Sun 30). */
const march = { range: 'custom' as const, from: '2025-03-03', to: '2025-03-30' };
const mar = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];

const end = (start: string) =>
  new Date(Date.parse(start) + 6 * 86_400_000).toISOString().slice(0, 10);
const weeksFrom = (start: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + 7 * i * 86_400_000).toISOString().slice(0, 10),
  );

async function log(
  db: Db,
  t: TestOrg,
  streamId: string,
  start: string,
  values: Partial<MeasurementInput>,
) {
  await as(db, t, 'owner').measurements.save({
    orgSlug: t.org.slug,
    measurement: { streamId, periodStart: start, periodEnd: end(start), ...values },
  });
}

/** The improvements' CRUD is another piece of work: rows go straight in, inside the tenant transaction. */
async function improve(
  db: Db,
  t: TestOrg,
  streamId: string,
  v: {
    title: string;
    startedOn: string;
    completedOn?: string;
    windowWeeks?: number;
    waste?: 'waiting' | 'defects' | 'extra_processing';
  },
) {
  await withTenant(db, { orgId: t.org.id }, (tx) =>
    tx.insert(improvements).values({
      orgId: t.org.id,
      streamId,
      title: v.title,
      metric: 'lead_time',
      waste: v.waste ?? null,
      startedOn: v.startedOn,
      completedOn: v.completedOn ?? null,
      windowWeeks: v.windowWeeks ?? 8,
      createdBy: t.users.owner.id,
    }),
  );
}

forEachDriver('insights', (t) => {
  /**
   * A (fulfillment): March LT 10, 12, 14, 16 h, PT 2 h, 10 items, WIP 5, 5, 7, 7, %C&A 90, 90, 80, 80,
   * 10 h waiting; January (weeks 13, 20, 27) LT 20, 21, 22 h and 20 h waiting.
   * B (manufacturing): two March weeks, LT 20 h, PT 4 h, 4 items, WIP 2, %C&A 70, 6 h defects.
   * D (development, feeds A): four March weeks, LT 100 h, PT 50 h, 3 items, WIP 4, %C&A 60, 20 h
   * extra-processing. E (development): nothing measured, no link, no improvement.
   */
  async function comparisonSetup() {
    const org = await makeOrgWithRoles(t.db);
    const a = await makeStream(t.db, org, {
      fields: { name: 'A orders', customerInteraction: 'Direct: every order is a promise' },
    });
    const b = await makeStream(t.db, org, { fields: { name: 'B plant', type: 'manufacturing' } });
    const d = await makeStream(t.db, org, {
      fields: devFields({
        name: 'D warehouse system',
        customerInteraction: 'Indirect: builds the WMS',
      }),
    });
    const e = await makeStream(t.db, org, { fields: devFields({ name: 'E platform' }) });
    await as(t.db, org, 'owner').streams.setLinks({
      orgSlug: org.org.slug,
      id: d,
      operationalStreamIds: [a],
    });
    const leads = [10, 12, 14, 16];
    for (const [i, w] of mar.entries()) {
      await log(t.db, org, a, w, {
        leadTimeSeconds: (leads[i] ?? 0) * H,
        processTimeSeconds: 2 * H,
        throughput: 10,
        wip: i < 2 ? 5 : 7,
        pctCompleteAccurate: i < 2 ? 90 : 80,
        wasteWaitingHours: 10,
      });
      await log(t.db, org, d, w, {
        leadTimeSeconds: 100 * H,
        processTimeSeconds: 50 * H,
        throughput: 3,
        wip: 4,
        pctCompleteAccurate: 60,
        wasteExtraProcessingHours: 20,
      });
    }
    for (const w of mar.slice(0, 2))
      await log(t.db, org, b, w, {
        leadTimeSeconds: 20 * H,
        processTimeSeconds: 4 * H,
        throughput: 4,
        wip: 2,
        pctCompleteAccurate: 70,
        wasteDefectsHours: 6,
      });
    for (const [i, w] of ['2025-01-13', '2025-01-20', '2025-01-27'].entries())
      await log(t.db, org, a, w, { leadTimeSeconds: (20 + i) * H, wasteWaitingHours: 20 });
    // Before: the 3 weeks before the week of 5 Feb (13, 20, 27 Jan); after: the 3 weeks after the week of 26 Feb (3, 10, 17 Mar).
    await improve(t.db, org, d, {
      title: 'Wave release from the WMS',
      startedOn: '2025-02-05',
      completedOn: '2025-02-26',
      windowWeeks: 3,
    });
    await improve(t.db, org, d, { title: 'Trunk-based development', startedOn: '2025-03-12' });
    return { org, a, b, d, e };
  }

  it('puts the figures of each kind and type side by side', async () => {
    const { org, a, d } = await comparisonSetup();
    const c = await as(t.db, org, 'viewer').insights.comparison({
      orgSlug: org.org.slug,
      ...march,
    });
    expect(c.range).toMatchObject({ from: '2025-03-03', to: '2025-03-30' });
    const group = (key: string) => c.groups.find((g) => g.key === key);
    // Operational: median of 13 h and 20 h; flow (8 + 8) / (52 + 40); 10 + 4 items; WIP 6 + 2; %C&A median of 85 and 70; waste 10 + 6.
    const op = group('operational');
    expect(op).toMatchObject({
      by: 'kind',
      streams: 2,
      measured: 2,
      medianLead: 16.5 * H,
      throughputPerWeek: 14,
      wip: 8,
      pct: 77.5,
      wastePerWeek: 16,
    });
    expect(op?.flowEfficiency).toBeCloseTo((100 * 16) / 92, 6);
    expect(group('development')).toMatchObject({
      streams: 2,
      measured: 1,
      medianLead: 100 * H,
      flowEfficiency: 50,
      throughputPerWeek: 3,
      wip: 4,
      pct: 60,
      wastePerWeek: 20,
    });
    expect(group('fulfillment')).toMatchObject({
      by: 'type',
      streams: 1,
      medianLead: 13 * H,
      wip: 6,
      pct: 85,
      wastePerWeek: 10,
    });
    expect(group('manufacturing')).toMatchObject({
      streams: 1,
      medianLead: 20 * H,
      flowEfficiency: 20,
    });
    expect(group('software_delivery')).toMatchObject({
      streams: 0,
      measured: 0,
      medianLead: null,
      flowEfficiency: null,
      wastePerWeek: null,
    });
    // Each stream's own figures (the distributions) and its six lines.
    const sa = c.streams.find((s) => s.id === a);
    expect(sa).toMatchObject({
      kind: 'operational',
      type: 'fulfillment',
      weeks: 4,
      medianLead: 13 * H,
      throughputPerWeek: 10,
      wip: 6,
      pct: 85,
      wastePerWeek: 10,
    });
    expect(sa?.lines.customerInteraction).toBe('Direct: every order is a promise');
    expect(c.streams.find((s) => s.id === d)?.lines.customerInteraction).toBe(
      'Indirect: builds the WMS',
    );
  });

  it('shows what each development improvement did to the operational streams it feeds', async () => {
    const { org, a, d, e } = await comparisonSetup();
    const c = await as(t.db, org, 'lead').insights.comparison({ orgSlug: org.org.slug, ...march });
    const dev = c.links.find((l) => l.id === d);
    expect(dev?.feeds).toEqual([{ id: a, name: 'A orders', type: 'fulfillment' }]);
    expect(dev?.improvements.map((i) => i.title)).toEqual([
      'Trunk-based development',
      'Wave release from the WMS',
    ]);
    const wave = dev?.improvements[1];
    expect(wave?.windows).toEqual({
      before: { from: '2025-01-13', to: '2025-02-02' },
      after: { from: '2025-03-03', to: '2025-03-23' },
    });
    const effect = wave?.effects[0];
    expect(effect?.streamId).toBe(a);
    // Lead time 20, 21, 22 h before, 10, 12, 14 h after: the after median is below the before limits (21 ± 2.66 h).
    expect(effect?.lead).toMatchObject({
      beforeMedian: 21 * H,
      afterMedian: 12 * H,
      verdict: 'improved',
    });
    expect(effect?.lead.sentence).toMatch(
      /^Median lead time of A orders fell from .* a real improvement/,
    );
    expect(effect?.waste).toMatchObject({ beforeMedian: 20, afterMedian: 10, verdict: 'improved' });
    expect(effect?.waste.sentence).toContain('fell from 20 h a week to 10 h a week');
    // Not completed: no after window, so no verdict yet.
    expect(dev?.improvements[0]?.windows.after).toBeNull();
    expect(dev?.improvements[0]?.effects[0]?.lead.verdict).toBe('not enough data');
    expect(c.links.find((l) => l.id === e)).toEqual({
      id: e,
      name: 'E platform',
      feeds: [],
      improvements: [],
    });
  });

  /**
   * W1 (operational): 13 weeks from 2 Sep 2024 with 20 h waiting and 10 h defects (a week before
   * with lead time only); 6 and 13 Jan 2025 with 16 h waiting and 8 h defects; March: 3 Mar 10 + 5,
   * 10 Mar 12 + 3, nothing on 17 Mar, 24 Mar 8 + 2. W2 (development): 4 h extra-processing on 3 and 10 Mar.
   */
  async function wasteSetup() {
    const org = await makeOrgWithRoles(t.db);
    const w1 = await makeStream(t.db, org, { fields: streamFields({ name: 'W1 orders' }) });
    const w2 = await makeStream(t.db, org, { fields: devFields({ name: 'W2 platform' }) });
    await log(t.db, org, w1, '2024-08-26', { leadTimeSeconds: 10 * H });
    for (const w of weeksFrom('2024-09-02', 13))
      await log(t.db, org, w1, w, { wasteWaitingHours: 20, wasteDefectsHours: 10 });
    for (const w of ['2025-01-06', '2025-01-13'])
      await log(t.db, org, w1, w, { wasteWaitingHours: 16, wasteDefectsHours: 8 });
    for (const [w, waiting, defects] of [
      ['2025-03-03', 10, 5],
      ['2025-03-10', 12, 3],
      ['2025-03-24', 8, 2],
    ] as const)
      await log(t.db, org, w1, w, { wasteWaitingHours: waiting, wasteDefectsHours: defects });
    for (const w of mar.slice(0, 2)) await log(t.db, org, w2, w, { wasteExtraProcessingHours: 4 });
    await improve(t.db, org, w1, {
      title: 'Kanban pull at picking',
      startedOn: '2025-02-20',
      completedOn: '2025-03-12',
      waste: 'waiting',
    });
    await improve(t.db, org, w1, {
      title: 'Label printer at the bench',
      startedOn: '2025-03-18',
      waste: 'defects',
    });
    await improve(t.db, org, w1, {
      title: 'Old trial',
      startedOn: '2024-10-01',
      completedOn: '2024-10-20',
    });
    await improve(t.db, org, w2, {
      title: 'Fewer review rounds',
      startedOn: '2025-03-05',
      waste: 'extra_processing',
    });
    return { org, w1, w2 };
  }

  it('compares the portfolio’s waste with its first quarter of waste, week by week', async () => {
    const { org } = await wasteSetup();
    const r = await as(t.db, org, 'viewer').insights.waste({ orgSlug: org.org.slug, ...march });
    expect(r.stream).toBeNull();
    expect(r.firstWasteWeek).toBe('2024-09-02');
    // 13 weeks from 2 Sep 2024: 30 h a week (20 waiting, 10 defects).
    expect(r.baseline).toEqual({
      from: '2024-09-02',
      to: '2024-12-01',
      chosen: false,
      weeks: 13,
      perWeek: 30,
    });
    // March: 19, 19 and 10 h in the three weeks with waste.
    expect(r.current).toEqual({ weeks: 3, perWeek: 16 });
    expect(r.change).toBeCloseTo((100 * (16 - 30)) / 30, 6);
    const cat = (w: string) => r.categories.find((c) => c.key === w);
    expect(cat('waiting')).toEqual({ key: 'waiting', baseline: 20, current: 10, change: -50 });
    expect(cat('defects')?.current).toBeCloseTo(10 / 3, 6);
    expect(cat('extra_processing')).toMatchObject({ baseline: 0, change: null });
    expect(cat('extra_processing')?.current).toBeCloseTo(8 / 3, 6);
    // Saved against 30 h a week: 11, 11, (17 Mar unmeasured), 20 → 42 h.
    expect(r.weeks.map((w) => [w.week, w.total, w.cumulative])).toEqual([
      ['2025-03-03', 19, 11],
      ['2025-03-10', 19, 22],
      ['2025-03-17', null, 22],
      ['2025-03-24', 10, 42],
    ]);
    expect(r.cumulative).toBe(42);
    expect(r.improvements.map((i) => [i.number, i.title, i.startWeek, i.completedWeek])).toEqual([
      [1, 'Kanban pull at picking', '2025-02-17', '2025-03-10'],
      [2, 'Fewer review rounds', '2025-03-03', null],
      [3, 'Label printer at the bench', '2025-03-17', null],
    ]);
  });

  it('for one stream, against a chosen baseline snapped to whole weeks', async () => {
    const { org, w1 } = await wasteSetup();
    const r = await as(t.db, org, 'lead').insights.waste({
      orgSlug: org.org.slug,
      ...march,
      streamId: w1,
      baseline: { from: '2025-01-08', to: '2025-01-15' },
    });
    expect(r.stream).toMatchObject({ id: w1, name: 'W1 orders' });
    expect(r.baseline).toEqual({
      from: '2025-01-06',
      to: '2025-01-19',
      chosen: true,
      weeks: 2,
      perWeek: 24,
    });
    expect(r.current.weeks).toBe(3);
    expect(r.current.perWeek).toBeCloseTo(40 / 3, 6);
    // Against 24 h a week: 9 + 9 + 14.
    expect(r.cumulative).toBe(32);
    expect(r.improvements.map((i) => i.title)).toEqual([
      'Kanban pull at picking',
      'Label printer at the bench',
    ]);
    expect(r.improvements[0]?.waste).toBe('waiting');
  });

  it('says nothing is measured rather than inventing zeros', async () => {
    const org = await makeOrgWithRoles(t.db);
    const c = await as(t.db, org, 'owner').insights.comparison({ orgSlug: org.org.slug, ...march });
    expect(c.streams).toEqual([]);
    expect(c.links).toEqual([]);
    expect(c.groups.every((g) => g.streams === 0 && g.medianLead === null)).toBe(true);
    const w = await as(t.db, org, 'owner').insights.waste({ orgSlug: org.org.slug, ...march });
    expect(w).toMatchObject({
      firstWasteWeek: null,
      baseline: null,
      change: null,
      cumulative: null,
      improvements: [],
    });
    expect(w.weeks.every((x) => x.total === null)).toBe(true);
  });

  it('refuses bad input on its field', async () => {
    const org = await makeOrgWithRoles(t.db);
    const caller = as(t.db, org, 'owner');
    const slug = org.org.slug;
    await expectFieldError(
      caller.insights.comparison({
        orgSlug: slug,
        range: 'custom',
        from: '2025-03-30',
        to: '2025-03-01',
      }),
      'to',
    );
    await expectFieldError(
      caller.insights.comparison({ orgSlug: slug, range: 'custom', to: '2025-03-01' }),
      'from',
    );
    await expectFieldError(
      caller.insights.waste({
        orgSlug: slug,
        range: 'custom',
        from: '2025-03-30',
        to: '2025-03-01',
      }),
      'to',
    );
    await expectFieldError(
      caller.insights.waste({
        orgSlug: slug,
        ...march,
        baseline: { from: '2025-02-01', to: '2025-01-01' },
      }),
      'baseline.to',
    );
    await expectFieldError(
      caller.insights.waste({ orgSlug: slug, ...march, streamId: 'not-a-uuid' }),
      'streamId',
    );
  });

  it('another organization gets NOT_FOUND, a viewer can read, signed out is UNAUTHORIZED', async () => {
    const { org, w1 } = await wasteSetup();
    const other = await makeOrgWithRoles(t.db);
    const theirs = as(t.db, other, 'owner');
    await expectCode(theirs.insights.comparison({ orgSlug: org.org.slug, ...march }), 'NOT_FOUND');
    await expectCode(theirs.insights.waste({ orgSlug: org.org.slug, ...march }), 'NOT_FOUND');
    // Another organization's stream id, asked for in one's own organization, is unknown there.
    await expectCode(
      theirs.insights.waste({ orgSlug: other.org.slug, ...march, streamId: w1 }),
      'NOT_FOUND',
    );
    const mine = await theirs.insights.waste({ orgSlug: other.org.slug, ...march });
    expect(mine).toMatchObject({ firstWasteWeek: null, baseline: null, improvements: [] });
    expect(
      (
        await as(t.db, org, 'viewer').insights.waste({
          orgSlug: org.org.slug,
          ...march,
          streamId: w1,
        })
      ).current.weeks,
    ).toBe(3);
    await expectCode(
      callerFor(t.db, null).insights.comparison({ orgSlug: org.org.slug, ...march }),
      'UNAUTHORIZED',
    );
    await expectCode(
      callerFor(t.db, null).insights.waste({ orgSlug: org.org.slug, ...march }),
      'UNAUTHORIZED',
    );
  });
});
