/**
 * The portfolio and stream dashboards through the tRPC caller, on figures worked out by hand:
 * medians, flow efficiency as a ratio of sums, per-week rates, the waste baseline, the trend
 * against the weeks before and the "got worse" flag; filters; roles and other organizations.
 */
import superjson from 'superjson';
import { expect, it } from 'vitest';
import { computeMap } from '@/lib/vsm/map';
import { H, log, mar, march } from './dashboard-factories';
import { expectCode, expectFieldError } from './errors';
import { forEachDriver, makeOrgWithRoles } from './harness';
import { as, devFields, makeStream, saveMap, step } from './stream-factories';

/** The four weeks before March 2025 (3 Feb – 2 Mar). */
const feb = ['2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24'];
const marchLeads = [12, 13, 15, 16];

forEachDriver('dashboards', (t) => {
  /**
   * Stream A (fulfillment, unowned): February LT 10 h, PT 1 h, 10 items, 20 h waiting a week;
   * March LT 12, 13, 15, 16 h, PT 2 h, 12 items, 10 h waiting.
   * Stream B (development, owned by the lead): two March weeks, LT 100 h, PT 50 h.
   */
  async function setup() {
    const org = await makeOrgWithRoles(t.db);
    const a = await makeStream(t.db, org, { fields: { name: 'A orders' } });
    const b = await makeStream(t.db, org, {
      ownedBy: 'lead',
      fields: devFields({ name: 'B platform' }),
    });
    for (const w of feb)
      await log(t.db, org, a, w, {
        leadTimeSeconds: 10 * H,
        processTimeSeconds: H,
        throughput: 10,
        wasteWaitingHours: 20,
      });
    for (const [i, w] of mar.entries())
      await log(t.db, org, a, w, {
        leadTimeSeconds: (marchLeads[i] ?? 0) * H,
        processTimeSeconds: 2 * H,
        throughput: 12,
        wasteWaitingHours: 10,
      });
    for (const w of mar.slice(0, 2))
      await log(t.db, org, b, w, { leadTimeSeconds: 100 * H, processTimeSeconds: 50 * H });
    // A step-level row must not count as a week of the stream.
    await log(t.db, org, a, '2025-03-03', { stepName: 'Packing', leadTimeSeconds: 999 * H });
    return { org, a, b };
  }

  it('computes the cards and each stream’s figures from the weeks, against the weeks before', async () => {
    const { org, a, b } = await setup();
    const p = await as(t.db, org, 'viewer').dashboards.portfolio({
      orgSlug: org.org.slug,
      ...march,
    });
    expect(p.range).toMatchObject({
      from: '2025-03-03',
      to: '2025-03-30',
      prevFrom: '2025-02-03',
      prevTo: '2025-03-02',
    });
    // Sent as plain JSON (server/transformer.ts): nothing in it that superjson would have to encode
    // (it would also note objects shared between places, which arrive as equal copies instead).
    expect(superjson.serialize(p).meta?.values).toBeUndefined();
    const sa = p.streams.find((s) => s.id === a);
    const sb = p.streams.find((s) => s.id === b);
    // A: median of 12, 13, 15, 16 h = 14 h, against 10 h: +40%, worse. Flow: 8 h / 56 h; before 4 h / 40 h.
    expect(sa?.lead).toEqual({ value: 14 * H, previous: 10 * H, change: 40, trend: 'worse' });
    expect(sa?.flow.value).toBeCloseTo((100 * 8) / 56, 2);
    expect(sa?.flow.previous).toBeCloseTo(10, 6);
    expect(sa?.throughput).toEqual({ value: 12, previous: 10, change: 20, trend: 'better' });
    expect(sa?.waste).toEqual({ value: 10, previous: 20, change: -50, trend: 'better' });
    // Baseline: the first 13 weeks with waste (all 8 here): (4 × 20 + 4 × 10) / 8 = 15 h a week; now 10: 33.3% less.
    expect(sa?.wasteVsBaseline).toBeCloseTo(100 / 3, 2);
    expect(sa?.worse).toEqual(['Lead time up 40%']);
    expect(sb?.lead).toEqual({ value: 100 * H, previous: null, change: null, trend: null });
    expect(sb?.weeks).toBe(2);
    // Cards: median of the streams' medians (14 h, 100 h) = 57 h; flow (8 + 100) / (56 + 200).
    expect(p.cards.streams).toEqual({ count: 2, measured: 2 });
    expect(p.cards.medianLead.value).toBe(57 * H);
    expect(p.cards.flowEfficiency.value).toBeCloseTo((100 * 108) / 256, 2);
    expect(p.cards.throughputPerWeek).toMatchObject({ value: 12, previous: 10 });
    expect(p.cards.wasteVsBaseline.value).toBeCloseTo(100 / 3, 2);
    expect(p.worse).toEqual([{ id: a, name: 'A orders', reasons: ['Lead time up 40%'] }]);
    expect(p.range.weeks).toEqual(mar);
    expect(sa?.leads).toEqual(marchLeads.map((l) => l * H));
  });

  it('filters by kind, type and owner, and says so when nothing matches', async () => {
    const { org, a, b } = await setup();
    const caller = as(t.db, org, 'lead');
    const ids = async (f: object) =>
      (await caller.dashboards.portfolio({ orgSlug: org.org.slug, ...march, ...f })).streams.map(
        (s) => s.id,
      );
    expect(await ids({ kind: 'development' })).toEqual([b]);
    expect(await ids({ type: 'fulfillment' })).toEqual([a]);
    expect(await ids({ ownerId: org.users.lead.id })).toEqual([b]);
    expect(await ids({ type: 'manufacturing' })).toEqual([]);
    await as(t.db, org, 'owner').streams.archive({ orgSlug: org.org.slug, id: a });
    expect(await ids({})).toEqual([b]);
  });

  it('each stream’s bottleneck and weakest step come from its latest current map, ties to the earlier step, as computeMap says', async () => {
    const { org, a, b } = await setup();
    const hours = (name: string, lead: number, process: number, pct: number) =>
      step({
        name,
        leadTimeSeconds: lead * H,
        processTimeSeconds: process * H,
        leadTimeUnit: 'hours',
        processTimeUnit: 'hours',
        pctCompleteAccurate: pct,
      });
    // Version 1, then version 2: only the latest counts. Pack and Ship both wait 6 h; Pick and Ship are both at 80%.
    await saveMap(t.db, org, a, { steps: [hours('Old', 50, 1, 10)] });
    const latest = [hours('Pick', 3, 1, 80), hours('Pack', 7, 1, 95), hours('Ship', 8, 2, 80)];
    await saveMap(t.db, org, a, { steps: latest });
    // A future state is not the current map.
    await saveMap(t.db, org, a, { state: 'future', steps: [hours('Future', 90, 1, 5)] });
    const p = await as(t.db, org, 'viewer').dashboards.portfolio({
      orgSlug: org.org.slug,
      ...march,
    });
    const sa = p.streams.find((s) => s.id === a);
    const totals = computeMap(
      latest.map((s) => ({
        name: s.name,
        leadTimeSeconds: s.leadTimeSeconds,
        processTimeSeconds: s.processTimeSeconds,
        pctCompleteAccurate: s.pctCompleteAccurate ?? 0,
        people: 1,
        wastes: [],
        notes: '',
      })),
    );
    if (!totals.ok) throw new Error('the map should compute');
    expect(sa?.bottleneck).toEqual({
      name: totals.totals.bottleneck.name,
      waitTimeSeconds: totals.totals.bottleneck.waitTimeSeconds,
    });
    expect(sa?.bottleneck).toEqual({ name: 'Pack', waitTimeSeconds: 6 * H });
    expect(sa?.weakest).toEqual({
      name: totals.totals.weakest.name,
      pctCompleteAccurate: totals.totals.weakest.pctCompleteAccurate,
    });
    expect(sa?.weakest).toEqual({ name: 'Pick', pctCompleteAccurate: 80 });
    // B has no map: no bottleneck, the default calendar.
    const sb = p.streams.find((s) => s.id === b);
    expect(sb?.bottleneck).toBeNull();
    expect(sb?.calendar).toEqual({ hoursPerDay: 8, daysPerWeek: 5 });
  });

  it('the stream dashboard has its weeks, baseline, map totals, targets from the future-state map, and an XmR chart', async () => {
    const { org, a } = await setup();
    await saveMap(t.db, org, a, {
      steps: [
        step({
          name: 'Pick',
          leadTimeSeconds: 4 * H,
          processTimeSeconds: H,
          leadTimeUnit: 'hours',
          processTimeUnit: 'hours',
        }),
        step({
          name: 'Ship',
          leadTimeSeconds: 8 * H,
          processTimeSeconds: H,
          leadTimeUnit: 'hours',
          processTimeUnit: 'hours',
        }),
      ],
    });
    await saveMap(t.db, org, a, {
      state: 'future',
      steps: [
        step({
          name: 'Pick',
          leadTimeSeconds: 2 * H,
          processTimeSeconds: H,
          leadTimeUnit: 'hours',
          processTimeUnit: 'hours',
        }),
      ],
    });
    const d = await as(t.db, org, 'viewer').dashboards.stream({
      orgSlug: org.org.slug,
      id: a,
      ...march,
    });
    expect(superjson.serialize(d).meta?.values).toBeUndefined();
    expect(d.weeks.map((w) => w.week)).toEqual(mar);
    expect(d.current).toMatchObject({ weeks: 4, medianLead: 14 * H });
    expect(d.previous).toMatchObject({ weeks: 4, medianLead: 10 * H });
    expect(d.baseline).toMatchObject({ weeks: 8, from: '2025-02-03', wastePerWeek: 15 });
    expect(d.map).toMatchObject({ lead: 12 * H, process: 2 * H, bottleneck: { name: 'Ship' } });
    expect(d.targets).toMatchObject({ lead: 2 * H, flowEfficiency: 50 });
    // XmR of 12, 13, 15, 16 h: centre 14 h, moving ranges 1, 2, 1 (mean 4/3 h): limits 14 ± 2.66 × 4/3 h.
    expect(d.xmr?.centre).toBeCloseTo(14 * H, 6);
    expect(d.xmr?.unpl).toBeCloseTo(14 * H + 2.66 * (4 / 3) * H, 3);
    expect(d.xmr?.weeks).toEqual(mar);
  });

  it('refuses a custom range without dates or backwards, on its field', async () => {
    const org = await makeOrgWithRoles(t.db);
    const caller = as(t.db, org, 'owner');
    await expectFieldError(
      caller.dashboards.portfolio({ orgSlug: org.org.slug, range: 'custom', to: '2025-03-30' }),
      'from',
    );
    await expectFieldError(
      caller.dashboards.portfolio({
        orgSlug: org.org.slug,
        range: 'custom',
        from: '2025-03-30',
        to: '2025-03-01',
      }),
      'to',
    );
    await expectFieldError(
      caller.dashboards.portfolio({
        orgSlug: org.org.slug,
        range: 'custom',
        from: '2020-01-01',
        to: '2025-03-01',
      }),
      'to',
    );
  });

  it('another organization gets NOT_FOUND for the dashboards and for a stream id; signed out, UNAUTHORIZED', async () => {
    const { org, a } = await setup();
    const other = await makeOrgWithRoles(t.db);
    await expectCode(
      as(t.db, other, 'owner').dashboards.portfolio({ orgSlug: org.org.slug, ...march }),
      'NOT_FOUND',
    );
    await expectCode(
      as(t.db, other, 'owner').dashboards.stream({ orgSlug: org.org.slug, id: a, ...march }),
      'NOT_FOUND',
    );
    await expectCode(
      as(t.db, other, 'owner').dashboards.stream({ orgSlug: other.org.slug, id: a, ...march }),
      'NOT_FOUND',
    );
    const mine = await as(t.db, other, 'owner').dashboards.portfolio({
      orgSlug: other.org.slug,
      ...march,
    });
    expect(mine.streams).toEqual([]);
    const { callerFor } = await import('./harness');
    await expectCode(
      callerFor(t.db, null).dashboards.portfolio({ orgSlug: org.org.slug, ...march }),
      'UNAUTHORIZED',
    );
  });
});
