/**
 * Saving maps: versions, millisecond durations, the future state started from the current one,
 * and concurrent saves.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { expectCode } from './errors';
import { forEachDriver, makeOrgWithRoles } from './harness';
import { as, makeStream, saveMap, snapshot, step } from './stream-factories';

/** The one row of `db.execute` on either driver (postgres.js returns an array, PGlite `{ rows }`). */
async function oneRow(db: Db, query: ReturnType<typeof sql>): Promise<unknown> {
  const result: unknown = await db.execute(query);
  const rows: unknown = Array.isArray(result)
    ? result
    : result && typeof result === 'object' && 'rows' in result
      ? result.rows
      : undefined;
  return Array.isArray(rows) ? rows[0] : undefined;
}

forEachDriver('maps', (t) => {
  it('saving twice gives versions 1 and 2, each retrievable, listed newest first with step counts', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const maps = as(t.db, org, 'owner').maps;
    const q = { orgSlug: org.org.slug, streamId: id };

    const first = await maps.save({
      ...q,
      state: 'current',
      calendar: { hoursPerDay: 8, daysPerWeek: 5 },
      steps: [step({ name: 'Only' })],
      note: 'first try',
    });
    const second = await saveMap(t.db, org, id, {
      calendar: { hoursPerDay: 7.5, daysPerWeek: 4.5 },
      steps: [step({ name: 'A' }), step({ name: 'B' }), step({ name: 'C' })],
    });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.id).not.toBe(second.id);

    const v1 = await maps.get({ ...q, state: 'current', version: 1 });
    const v2 = await maps.get({ ...q, state: 'current', version: 2 });
    expect(v1).toMatchObject({
      id: first.id,
      version: 1,
      note: 'first try',
      hoursPerDay: 8,
      daysPerWeek: 5,
    });
    expect(v1?.steps.map((s) => [s.position, s.name])).toEqual([[0, 'Only']]);
    expect(v2).toMatchObject({
      id: second.id,
      version: 2,
      note: '',
      hoursPerDay: 7.5,
      daysPerWeek: 4.5,
    });
    expect(v2?.steps.map((s) => [s.position, s.name])).toEqual([
      [0, 'A'],
      [1, 'B'],
      [2, 'C'],
    ]);
    expect(await maps.get({ ...q, state: 'current' })).toEqual(v2);

    // The future state has versions of its own.
    expect((await saveMap(t.db, org, id, { state: 'future' })).version).toBe(1);
    expect(
      (await maps.versions(q)).map((v) => ({
        state: v.state,
        version: v.version,
        stepCount: v.stepCount,
        note: v.note,
      })),
    ).toEqual([
      { state: 'current', version: 2, stepCount: 3, note: '' },
      { state: 'current', version: 1, stepCount: 1, note: 'first try' },
      { state: 'future', version: 1, stepCount: 1, note: '' },
    ]);
  });

  it('a step keeps every field as saved', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const saved = step({
      name: '  Pick and pack ',
      processTimeSeconds: 90,
      leadTimeSeconds: 7200,
      processTimeUnit: 'seconds',
      leadTimeUnit: 'hours',
      pctCompleteAccurate: 97.5,
      people: null,
      wastes: ['waiting', 'motion'],
      notes: 'Forklift shared with returns',
    });
    await saveMap(t.db, org, id, { steps: [saved] });
    const map = await as(t.db, org, 'viewer').maps.get({
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current',
    });
    expect(map?.steps[0]).toMatchObject({ ...saved, name: 'Pick and pack' });
  });

  it('a working calendar comes back exactly as typed (15.3333333 h, 4.75 days), and a step as entered in wait time', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const exact = { hoursPerDay: 15.3333333, daysPerWeek: 4.75 };
    const waited = step({
      processTimeSeconds: 1,
      leadTimeSeconds: 276_000.999,
      processTimeUnit: 'seconds',
      leadTimeUnit: 'days',
      timeEntry: 'wait',
    });
    await saveMap(t.db, org, id, { calendar: exact, steps: [waited, step()] });
    const map = await as(t.db, org, 'viewer').maps.get({
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current',
    });
    expect(map).toMatchObject(exact);
    expect(map?.steps.map((s) => s.timeEntry)).toEqual(['wait', 'lead']);
    expect(map?.steps[0]).toMatchObject({ leadTimeSeconds: 276_000.999, leadTimeUnit: 'days' });
  });

  it('durations keep millisecond precision: 0.1 h is 360 s, 1.1 h 3960 s (no float noise), 1.2345 s becomes 1.235 s', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const hours = (n: number) => n * 3600;
    expect(hours(1.1)).not.toBe(3960); // 3960.0000000000005: the float noise the server must not store
    await saveMap(t.db, org, id, {
      steps: [
        step({
          processTimeSeconds: hours(0.1),
          leadTimeSeconds: hours(1.1),
          processTimeUnit: 'hours',
          leadTimeUnit: 'hours',
        }),
        step({
          processTimeSeconds: 1.2345,
          leadTimeSeconds: 1.2344 + 1,
          processTimeUnit: 'seconds',
          leadTimeUnit: 'seconds',
        }),
        step({
          processTimeSeconds: 0.001,
          leadTimeSeconds: 123456789.987,
          processTimeUnit: 'seconds',
          leadTimeUnit: 'weeks',
        }),
      ],
    });
    const map = await as(t.db, org, 'viewer').maps.get({
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current',
    });
    expect(map?.steps.map((s) => [s.processTimeSeconds, s.leadTimeSeconds])).toEqual([
      [360, 3960],
      [1.235, 2.234],
      [0.001, 123456789.987],
    ]);
    const list = await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug });
    expect(list[0]?.totals).toMatchObject({
      totalProcessTimeSeconds: 361.236,
      totalLeadTimeSeconds: 123460752.221,
    });

    // The column itself rounds half away from zero to 3 decimals, as the server does before it.
    expect(
      await oneRow(
        t.db,
        sql`select (1.2345)::numeric(18,3)::text as a, (1.2344)::numeric(18,3)::text as b, (0.0005)::numeric(18,3)::text as c`,
      ),
    ).toEqual({
      a: '1.235',
      b: '1.234',
      c: '0.001',
    });
  });

  it('process time equal to lead time, and zero durations, are fine', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    await saveMap(t.db, org, id, {
      steps: [
        step({ processTimeSeconds: 0, leadTimeSeconds: 0 }),
        step({ processTimeSeconds: 30, leadTimeSeconds: 30 }),
      ],
    });
    const [row] = await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug });
    expect(row?.totals).toMatchObject({
      totalLeadTimeSeconds: 30,
      totalProcessTimeSeconds: 30,
      totalWaitTimeSeconds: 0,
      flowEfficiency: 1,
    });
  });

  // ---- the future state --------------------------------------------------------------------

  it('startFuture copies the latest current steps and calendar into future v1, then v2', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy: 'lead' });
    await saveMap(t.db, org, id, { steps: [step({ name: 'Old' })] });
    const steps = [
      step({
        name: 'Receive',
        processTimeSeconds: 120,
        leadTimeSeconds: 3600,
        pctCompleteAccurate: 95,
        people: 2,
        wastes: ['waiting'],
        notes: 'Queue',
      }),
      step({
        name: 'Ship',
        processTimeSeconds: 1.5,
        leadTimeSeconds: 86400,
        processTimeUnit: 'seconds',
        leadTimeUnit: 'days',
        people: null,
      }),
    ];
    await saveMap(t.db, org, id, { steps, calendar: { hoursPerDay: 6, daysPerWeek: 4 } });
    const lead = as(t.db, org, 'lead').maps;
    const q = { orgSlug: org.org.slug, streamId: id };

    expect(await lead.startFuture(q)).toMatchObject({ version: 1 });
    const current = await lead.get({ ...q, state: 'current' });
    const future = await lead.get({ ...q, state: 'future' });
    expect(future).toMatchObject({
      version: 1,
      hoursPerDay: 6,
      daysPerWeek: 4,
      note: 'Started from current state v2',
      createdBy: org.users.lead.id,
    });
    const fields = (s: {
      name: string;
      processTimeSeconds: number;
      leadTimeSeconds: number;
      processTimeUnit: string;
      leadTimeUnit: string;
      pctCompleteAccurate: number;
      people: number | null;
      wastes: string[];
      notes: string;
      position: number;
    }) => ({
      position: s.position,
      name: s.name,
      pt: s.processTimeSeconds,
      lt: s.leadTimeSeconds,
      ptu: s.processTimeUnit,
      ltu: s.leadTimeUnit,
      pct: s.pctCompleteAccurate,
      people: s.people,
      wastes: s.wastes,
      notes: s.notes,
    });
    expect(future?.steps.map(fields)).toEqual(current?.steps.map(fields));
    expect(future?.steps.map((s) => s.name)).toEqual(['Receive', 'Ship']);
    expect(future?.id).not.toBe(current?.id);

    expect(await lead.startFuture(q)).toMatchObject({ version: 2 });
    expect(
      (await lead.versions(q))
        .filter((v) => v.state === 'future')
        .map((v) => [v.version, v.stepCount]),
    ).toEqual([
      [2, 2],
      [1, 2],
    ]);
    expect((await lead.get({ ...q, state: 'current' }))?.version).toBe(2);
  });

  it('startFuture without a current map is BAD_REQUEST and saves nothing (even with a future map)', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const q = { orgSlug: org.org.slug, streamId: id };
    const error = await expectCode(as(t.db, org, 'owner').maps.startFuture(q), 'BAD_REQUEST');
    expect(error.message).toMatch(/current state first/);
    expect(await as(t.db, org, 'owner').maps.versions(q)).toEqual([]);

    await saveMap(t.db, org, id, { state: 'future' });
    const before = await snapshot(t.db, org, id);
    await expectCode(as(t.db, org, 'admin').maps.startFuture(q), 'BAD_REQUEST');
    expect(await snapshot(t.db, org, id)).toEqual(before);
  });

  // ---- concurrency -------------------------------------------------------------------------

  it('a save based on an older version is CONFLICT and saves nothing; based on the latest it saves', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const save = (baseVersion: number, name: string) =>
      as(t.db, org, 'owner').maps.save({
        orgSlug: org.org.slug,
        streamId: id,
        state: 'current',
        calendar: { hoursPerDay: 8, daysPerWeek: 5 },
        steps: [step({ name })],
        baseVersion,
      });
    expect((await save(0, 'First')).version).toBe(1);
    // Two editors both opened version 1; the first to save wins, the second is told.
    expect((await save(1, 'Editor A')).version).toBe(2);
    await expectCode(save(1, 'Editor B'), 'CONFLICT');
    await expectCode(save(0, 'A stale new map'), 'CONFLICT');
    const latest = await as(t.db, org, 'viewer').maps.get({
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current',
    });
    expect(latest?.version).toBe(2);
    expect(latest?.steps.map((s) => s.name)).toEqual(['Editor A']);
    expect((await save(2, 'Editor B, after reloading')).version).toBe(3);
  });

  it('two saves at the same moment get versions 1 and 2, with no unique violation', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy: 'lead' });
    const results = await Promise.all([
      saveMap(t.db, org, id, { steps: [step({ name: 'From the owner' })] }),
      saveMap(t.db, org, id, { by: 'lead', steps: [step({ name: 'From the lead' }), step()] }),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([1, 2]);
    const versions = await as(t.db, org, 'viewer').maps.versions({
      orgSlug: org.org.slug,
      streamId: id,
    });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.map((v) => v.stepCount).sort()).toEqual([1, 2]);
  });

  it('four concurrent saves on two streams number each stream’s versions 1 and 2', async () => {
    const org = await makeOrgWithRoles(t.db);
    const a = await makeStream(t.db, org);
    const b = await makeStream(t.db, org);
    const results = await Promise.all([
      saveMap(t.db, org, a),
      saveMap(t.db, org, b),
      saveMap(t.db, org, a),
      saveMap(t.db, org, b),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([1, 1, 2, 2]);
    for (const streamId of [a, b]) {
      const versions = await as(t.db, org, 'owner').maps.versions({
        orgSlug: org.org.slug,
        streamId,
      });
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
    }
  });
});
