/**
 * Waste reduction through the tRPC caller, on figures worked out by hand: the baseline (default
 * and chosen), the cumulative reduction and the improvements of the range; roles, other
 * organizations and bad input.
 */
import { expect, it } from 'vitest';
import { H, improve, log, mar, march, weeksFrom } from './dashboard-factories';
import { expectCode, expectFieldError } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles } from './harness';
import { as, devFields, makeStream, streamFields } from './stream-factories';

forEachDriver('dashboards.waste', (t) => {
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
    const r = await as(t.db, org, 'viewer').dashboards.waste({ orgSlug: org.org.slug, ...march });
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
    const r = await as(t.db, org, 'lead').dashboards.waste({
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

  it('leaves an archived stream out of the portfolio, yet reads it when it is named', async () => {
    const { org, w2 } = await wasteSetup();
    const owner = as(t.db, org, 'owner');
    await owner.streams.archive({ orgSlug: org.org.slug, id: w2 });
    const all = await owner.dashboards.waste({ orgSlug: org.org.slug, ...march });
    expect(all.categories.find((c) => c.key === 'extra_processing')?.current).toBe(0);
    expect(all.improvements.map((i) => i.title)).toEqual([
      'Kanban pull at picking',
      'Label printer at the bench',
    ]);
    const one = await owner.dashboards.waste({ orgSlug: org.org.slug, ...march, streamId: w2 });
    expect(one.current).toEqual({ weeks: 2, perWeek: 4 });
    expect(one.improvements.map((i) => i.title)).toEqual(['Fewer review rounds']);
  });

  it('says nothing is measured rather than inventing zeros', async () => {
    const org = await makeOrgWithRoles(t.db);
    const w = await as(t.db, org, 'owner').dashboards.waste({ orgSlug: org.org.slug, ...march });
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
      caller.dashboards.waste({
        orgSlug: slug,
        range: 'custom',
        from: '2025-03-30',
        to: '2025-03-01',
      }),
      'to',
    );
    await expectFieldError(
      caller.dashboards.waste({
        orgSlug: slug,
        ...march,
        baseline: { from: '2025-02-01', to: '2025-01-01' },
      }),
      'baseline.to',
    );
    await expectFieldError(
      caller.dashboards.waste({ orgSlug: slug, ...march, streamId: 'not-a-uuid' }),
      'streamId',
    );
  });

  it('another organization gets NOT_FOUND, a viewer can read, signed out is UNAUTHORIZED', async () => {
    const { org, w1 } = await wasteSetup();
    const other = await makeOrgWithRoles(t.db);
    const theirs = as(t.db, other, 'owner');
    await expectCode(theirs.dashboards.waste({ orgSlug: org.org.slug, ...march }), 'NOT_FOUND');
    // Another organization's stream id, asked for in one's own organization, is unknown there.
    await expectCode(
      theirs.dashboards.waste({ orgSlug: other.org.slug, ...march, streamId: w1 }),
      'NOT_FOUND',
    );
    const mine = await theirs.dashboards.waste({ orgSlug: other.org.slug, ...march });
    expect(mine).toMatchObject({ firstWasteWeek: null, baseline: null, improvements: [] });
    expect(
      (
        await as(t.db, org, 'viewer').dashboards.waste({
          orgSlug: org.org.slug,
          ...march,
          streamId: w1,
        })
      ).current.weeks,
    ).toBe(3);
    await expectCode(
      callerFor(t.db, null).dashboards.waste({ orgSlug: org.org.slug, ...march }),
      'UNAUTHORIZED',
    );
  });
});
