/**
 * What saving, replacing, changing and removing measurements does: one measurement per stream,
 * step and period (CONFLICT on periodStart, even for saves at the same moment), every change and
 * deletion audited with what it was before and after, and the list and previous queries.
 */
import { expect, it } from 'vitest';
import { expectFieldError } from './errors';
import { forEachDriver, makeOrgWithRoles } from './harness';
import {
  listAudit,
  listMeasurements,
  measurement,
  measurementState,
  saveMeasurement,
  week,
} from './measurement-factories';
import { as, makeStream } from './stream-factories';

forEachDriver('measurements', (t) => {
  it('stores what was sent, with its defaults, source form and who entered it', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id, replaced } = await saveMeasurement(t.db, org, streamId, {
      by: 'admin',
      overrides: { waitTimeSeconds: 1.2345, note: '  busy week ' },
    });
    expect(replaced).toBe(false);
    const [row] = await listMeasurements(t.db, org);
    expect(row).toMatchObject({
      id,
      streamId,
      stepName: '',
      ...week,
      leadTimeSeconds: 36_000,
      processTimeSeconds: 3_600,
      pctCompleteAccurate: 90,
    });
    expect(row).toMatchObject({
      waitTimeSeconds: 1.235,
      throughput: null,
      defects: null,
      method: 'observed',
      source: 'form',
      note: 'busy week',
    });
    expect(row?.enteredBy).toBe(org.users.admin.id);
  });

  it('a second measurement of the same stream, step and period is a CONFLICT on periodStart', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    await saveMeasurement(t.db, org, streamId);
    await saveMeasurement(t.db, org, streamId, { overrides: { stepName: 'Pack' } });
    const before = await measurementState(t.db, org);
    await expectFieldError(
      saveMeasurement(t.db, org, streamId, { overrides: { leadTimeSeconds: 9_999 } }),
      'periodStart',
      'CONFLICT',
    );
    await expectFieldError(
      saveMeasurement(t.db, org, streamId, { overrides: { stepName: ' Pack ', wip: 2 } }),
      'periodStart',
      'CONFLICT',
    );
    expect(await measurementState(t.db, org)).toEqual(before);
    // Another step or another period is a measurement of its own.
    await saveMeasurement(t.db, org, streamId, { overrides: { stepName: 'Ship' } });
    await saveMeasurement(t.db, org, streamId, { overrides: { periodEnd: '2026-01-12' } });
    expect(await listMeasurements(t.db, org, { streamId })).toHaveLength(4);
  });

  it('with replace, the second replaces the first, audited with before and after', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, streamId);
    const result = await saveMeasurement(t.db, org, streamId, {
      by: 'admin',
      replace: true,
      overrides: { leadTimeSeconds: 7_200, processTimeSeconds: null, defects: 3 },
    });
    expect(result).toEqual({ id, replaced: true });
    expect(await listMeasurements(t.db, org)).toMatchObject([
      {
        id,
        leadTimeSeconds: 7_200,
        processTimeSeconds: null,
        defects: 3,
        enteredBy: org.users.admin.id,
      },
    ]);
    const audit = await listAudit(t.db, org);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      measurementId: id,
      streamId,
      action: 'update',
      actorName: org.users.admin.name,
    });
    expect(audit[0]?.before).toMatchObject({
      id,
      leadTimeSeconds: 36_000,
      processTimeSeconds: 3_600,
      defects: null,
    });
    expect(audit[0]?.after).toMatchObject({
      id,
      leadTimeSeconds: 7_200,
      processTimeSeconds: null,
      defects: 3,
    });
    // replace with nothing to replace simply saves.
    expect(
      await saveMeasurement(t.db, org, streamId, {
        replace: true,
        overrides: { stepName: 'Pack' },
      }),
    ).toMatchObject({ replaced: false });
  });

  it('update changes the row and writes an audit record; a clash with another period is a CONFLICT', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org, { ownedBy: 'lead' });
    const { id } = await saveMeasurement(t.db, org, streamId);
    const { id: later } = await saveMeasurement(t.db, org, streamId, {
      overrides: { periodStart: '2026-01-12', periodEnd: '2026-01-18' },
    });
    await as(t.db, org, 'lead').measurements.update({
      orgSlug: org.org.slug,
      id,
      measurement: measurement(streamId, { throughput: 12, method: 'estimated' }),
    });
    const rows = await listMeasurements(t.db, org);
    expect(rows.find((r) => r.id === id)).toMatchObject({
      throughput: 12,
      method: 'estimated',
      leadTimeSeconds: 36_000,
    });
    const audit = await listAudit(t.db, org);
    expect(audit).toMatchObject([
      {
        measurementId: id,
        action: 'update',
        actorName: org.users.lead.name,
        before: { throughput: null, method: 'observed' },
        after: { throughput: 12, method: 'estimated' },
      },
    ]);
    const before = await measurementState(t.db, org);
    const clash = measurement(streamId, { periodStart: '2026-01-12', periodEnd: '2026-01-18' });
    await expectFieldError(
      as(t.db, org, 'owner').measurements.update({ orgSlug: org.org.slug, id, measurement: clash }),
      'periodStart',
      'CONFLICT',
    );
    expect(await measurementState(t.db, org)).toEqual(before);
    // Saving a row onto its own period is no clash.
    await as(t.db, org, 'owner').measurements.update({
      orgSlug: org.org.slug,
      id: later,
      measurement: clash,
    });
  });

  it('remove deletes the row and audits it as a delete', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, streamId);
    const { id: kept } = await saveMeasurement(t.db, org, streamId, {
      overrides: { stepName: 'Pack' },
    });
    await as(t.db, org, 'admin').measurements.remove({ orgSlug: org.org.slug, id });
    expect((await listMeasurements(t.db, org)).map((r) => r.id)).toEqual([kept]);
    expect(await listAudit(t.db, org)).toMatchObject([
      {
        measurementId: id,
        streamId,
        action: 'delete',
        after: null,
        before: { id, leadTimeSeconds: 36_000 },
        actorName: org.users.admin.name,
      },
    ]);
  });

  it('the audit list filters by stream', async () => {
    const org = await makeOrgWithRoles(t.db);
    const s1 = await makeStream(t.db, org);
    const s2 = await makeStream(t.db, org);
    const { id: m1 } = await saveMeasurement(t.db, org, s1);
    const { id: m2 } = await saveMeasurement(t.db, org, s2);
    await as(t.db, org, 'owner').measurements.remove({ orgSlug: org.org.slug, id: m1 });
    await as(t.db, org, 'owner').measurements.update({
      orgSlug: org.org.slug,
      id: m2,
      measurement: measurement(s2, { wip: 5 }),
    });
    expect((await listAudit(t.db, org, s1)).map((a) => [a.measurementId, a.action])).toEqual([
      [m1, 'delete'],
    ]);
    expect((await listAudit(t.db, org, s2)).map((a) => [a.measurementId, a.action])).toEqual([
      [m2, 'update'],
    ]);
    expect(await listAudit(t.db, org)).toHaveLength(2);
  });

  it('list filters by stream, by periods overlapping from/to, and by source', async () => {
    const org = await makeOrgWithRoles(t.db);
    const s1 = await makeStream(t.db, org);
    const s2 = await makeStream(t.db, org);
    const jan = await saveMeasurement(t.db, org, s1, {
      overrides: { periodStart: '2026-01-01', periodEnd: '2026-01-31' },
    });
    const feb = await saveMeasurement(t.db, org, s1, {
      overrides: { periodStart: '2026-02-01', periodEnd: '2026-02-28' },
    });
    const mar = await saveMeasurement(t.db, org, s2, {
      overrides: { periodStart: '2026-03-01', periodEnd: '2026-03-31' },
    });
    const ids = async (filters: Parameters<typeof listMeasurements>[2]) =>
      (await listMeasurements(t.db, org, filters)).map((r) => r.id);
    expect(await ids({})).toEqual([mar.id, feb.id, jan.id]);
    expect(await ids({ streamId: s1 })).toEqual([feb.id, jan.id]);
    expect(await ids({ streamId: s2 })).toEqual([mar.id]);
    expect(await ids({ from: '2026-01-31', to: '2026-02-01' })).toEqual([feb.id, jan.id]);
    expect(await ids({ from: '2026-02-15' })).toEqual([mar.id, feb.id]);
    expect(await ids({ to: '2026-01-15' })).toEqual([jan.id]);
    expect(await ids({ from: '2026-04-01' })).toEqual([]);
    expect(await ids({ source: 'form' })).toHaveLength(3);
    expect(await ids({ source: 'csv' })).toEqual([]);
    const list = await as(t.db, org, 'viewer').measurements.list({
      orgSlug: org.org.slug,
      streamId: s2,
    });
    expect(list).toMatchObject([
      { streamName: expect.any(String), enteredByName: org.users.owner.name },
    ]);
  });

  it('previous is the latest earlier period of the same stream and step', async () => {
    const org = await makeOrgWithRoles(t.db);
    const s1 = await makeStream(t.db, org);
    const s2 = await makeStream(t.db, org);
    const period = (d: number) => ({
      periodStart: `2026-01-${String(d).padStart(2, '0')}`,
      periodEnd: `2026-01-${String(d + 6).padStart(2, '0')}`,
    });
    const w1 = await saveMeasurement(t.db, org, s1, { overrides: period(5) });
    const w2 = await saveMeasurement(t.db, org, s1, { overrides: period(12) });
    const pack = await saveMeasurement(t.db, org, s1, {
      overrides: { ...period(19), stepName: 'Pack' },
    });
    await saveMeasurement(t.db, org, s2, { overrides: period(19) });
    const previous = (params: { streamId: string; stepName?: string; before: string }) =>
      as(t.db, org, 'viewer').measurements.previous({ orgSlug: org.org.slug, ...params });
    expect(await previous({ streamId: s1, before: '2026-01-26' })).toMatchObject({
      id: w2.id,
      ...period(12),
    });
    expect(await previous({ streamId: s1, before: '2026-01-12' })).toMatchObject({ id: w1.id });
    expect(await previous({ streamId: s1, before: '2026-01-05' })).toBeNull();
    expect(await previous({ streamId: s1, stepName: 'Pack', before: '2026-02-01' })).toMatchObject({
      id: pack.id,
      stepName: 'Pack',
    });
    expect(await previous({ streamId: s1, stepName: 'Ship', before: '2026-02-01' })).toBeNull();
  });

  it('three saves of the same period at the same moment store exactly one; the others are CONFLICT on periodStart', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) => saveMeasurement(t.db, org, streamId, { overrides: { wip: n } })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        await expectFieldError(Promise.reject(r.reason), 'periodStart', 'CONFLICT');
    }
    const rows = await listMeasurements(t.db, org);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(ok[0]?.status === 'fulfilled' ? ok[0].value.id : undefined);
    expect(await listAudit(t.db, org)).toEqual([]);
  });

  it('with replace, saves of one new period at the same moment all succeed: one row, the later ones audited as replacing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        saveMeasurement(t.db, org, streamId, { replace: true, overrides: { wip: n } }),
      ),
    );
    const rows = await listMeasurements(t.db, org);
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([rows[0]?.id]));
    expect(results.filter((r) => !r.replaced)).toHaveLength(1);
    const audit = await listAudit(t.db, org);
    expect(audit).toHaveLength(3);
    // Each replacement's "before" is what the one before it left: a chain from the first save
    // to the row that stands.
    const befores = audit.map((a) => (a.before as { wip: number }).wip).sort();
    const afters = audit.map((a) => (a.after as { wip: number }).wip).sort();
    const first = [1, 2, 3, 4].find((n) => !afters.includes(n));
    const last = [1, 2, 3, 4].find((n) => !befores.includes(n));
    expect(first).toBeDefined();
    expect(rows[0]?.wip).toBe(last);
  });
});
