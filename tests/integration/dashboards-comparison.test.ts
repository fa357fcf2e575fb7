/**
 * Operational vs development through the tRPC caller, on figures worked out by hand: each group's
 * figures, each stream's own, and the links with before/after of development improvements; roles,
 * other organizations and bad input.
 */
import { expect, it } from 'vitest';
import { H, improve, log, mar, march } from './dashboard-factories';
import { expectCode, expectFieldError } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles } from './harness';
import { as, devFields, makeStream, streamFields } from './stream-factories';

forEachDriver('dashboards.comparison', (t) => {
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
    const c = await as(t.db, org, 'viewer').dashboards.comparison({
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
    const c = await as(t.db, org, 'lead').dashboards.comparison({
      orgSlug: org.org.slug,
      ...march,
    });
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

  it('counts neither an archived stream nor a draft, nor a link to an archived stream', async () => {
    const { org, a, b, d, e } = await comparisonSetup();
    const owner = as(t.db, org, 'owner');
    await owner.streams.archive({ orgSlug: org.org.slug, id: b });
    await owner.streams.saveDraft({
      orgSlug: org.org.slug,
      fields: streamFields({ name: 'F draft' }),
      guide: { step: 1 },
    });
    const c = await owner.dashboards.comparison({ orgSlug: org.org.slug, ...march });
    expect(c.streams.map((s) => s.id)).toEqual([a, d, e]);
    expect(c.groups.find((g) => g.key === 'operational')).toMatchObject({
      streams: 1,
      medianLead: 13 * H,
    });
    await owner.streams.archive({ orgSlug: org.org.slug, id: a });
    const after = await owner.dashboards.comparison({ orgSlug: org.org.slug, ...march });
    expect(after.links.find((l) => l.id === d)?.feeds).toEqual([]);
  });

  it('says nothing is measured rather than inventing zeros', async () => {
    const org = await makeOrgWithRoles(t.db);
    const c = await as(t.db, org, 'owner').dashboards.comparison({
      orgSlug: org.org.slug,
      ...march,
    });
    expect(c.streams).toEqual([]);
    expect(c.links).toEqual([]);
    expect(c.groups.every((g) => g.streams === 0 && g.medianLead === null)).toBe(true);
  });

  it('refuses bad input on its field', async () => {
    const org = await makeOrgWithRoles(t.db);
    const caller = as(t.db, org, 'owner');
    const slug = org.org.slug;
    await expectFieldError(
      caller.dashboards.comparison({
        orgSlug: slug,
        range: 'custom',
        from: '2025-03-30',
        to: '2025-03-01',
      }),
      'to',
    );
    await expectFieldError(
      caller.dashboards.comparison({ orgSlug: slug, range: 'custom', to: '2025-03-01' }),
      'from',
    );
  });

  it('another organization gets NOT_FOUND, signed out is UNAUTHORIZED', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    await expectCode(
      as(t.db, other, 'owner').dashboards.comparison({ orgSlug: org.org.slug, ...march }),
      'NOT_FOUND',
    );
    await expectCode(
      callerFor(t.db, null).dashboards.comparison({ orgSlug: org.org.slug, ...march }),
      'UNAUTHORIZED',
    );
  });
});
