/**
 * Who may do what with measurements: every role reads; owner and admin write on any stream, a
 * lead only on the streams they own; only owner and admin read the audit. Across organizations,
 * everything of another organization is NOT_FOUND and stays as it was.
 */
import { type Role, roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { expectCode } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles } from './harness';
import {
  listAudit,
  listMeasurements,
  measurement,
  measurementState,
  saveMeasurement,
  week,
} from './measurement-factories';
import { as, type Caller, makeStream } from './stream-factories';

const writers = new Set<Role>(['owner', 'admin', 'lead']);
const auditors = new Set<Role>(['owner', 'admin']);

forEachDriver('measurements access', (t) => {
  it.each(roles)('a %s reads measurements (list and previous)', async (role) => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, streamId);
    const caller = as(t.db, org, role).measurements;
    const list = await caller.list({ orgSlug: org.org.slug, streamId });
    expect(list.map((r) => r.measurement.id)).toEqual([id]);
    expect(
      await caller.previous({ orgSlug: org.org.slug, streamId, before: '2026-02-01' }),
    ).toMatchObject({ id, ...week });
  });

  it.each(roles.map((role) => ({ role, ok: writers.has(role) })))(
    'save, update and remove by $role on a stream they own: allowed = $ok',
    async ({ role, ok }) => {
      const org = await makeOrgWithRoles(t.db);
      const streamId = await makeStream(t.db, org, { ownedBy: role });
      const caller = as(t.db, org, role).measurements;
      const slug = org.org.slug;
      if (!ok) {
        const { id } = await saveMeasurement(t.db, org, streamId);
        const before = await measurementState(t.db, org);
        await expectCode(
          caller.save({
            orgSlug: slug,
            measurement: measurement(streamId, {
              periodStart: '2026-02-02',
              periodEnd: '2026-02-08',
            }),
          }),
          'FORBIDDEN',
        );
        await expectCode(
          caller.update({
            orgSlug: slug,
            id,
            measurement: measurement(streamId, { leadTimeSeconds: 1, processTimeSeconds: null }),
          }),
          'FORBIDDEN',
        );
        await expectCode(caller.remove({ orgSlug: slug, id }), 'FORBIDDEN');
        expect(await measurementState(t.db, org)).toEqual(before);
        return;
      }
      const { id, replaced } = await caller.save({
        orgSlug: slug,
        measurement: measurement(streamId),
      });
      expect(replaced).toBe(false);
      expect(await listMeasurements(t.db, org)).toMatchObject([
        { id, streamId, enteredBy: org.users[role].id, leadTimeSeconds: 36_000 },
      ]);
      await caller.update({
        orgSlug: slug,
        id,
        measurement: measurement(streamId, { leadTimeSeconds: 7_200 }),
      });
      expect(await listMeasurements(t.db, org)).toMatchObject([{ id, leadTimeSeconds: 7_200 }]);
      await caller.remove({ orgSlug: slug, id });
      expect(await listMeasurements(t.db, org)).toEqual([]);
    },
  );

  it.each([
    { who: 'the owner', actor: 'owner' as const, ownedBy: 'lead' as const, ok: true },
    { who: 'an admin', actor: 'admin' as const, ownedBy: 'lead' as const, ok: true },
    { who: 'an admin, on an unowned stream', actor: 'admin' as const, ownedBy: null, ok: true },
    { who: 'a lead', actor: 'lead' as const, ownedBy: 'admin' as const, ok: false },
    { who: 'a lead, on an unowned stream', actor: 'lead' as const, ownedBy: null, ok: false },
  ])('$who on a stream someone else owns: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org, { ownedBy });
    const caller = as(t.db, org, actor).measurements;
    if (ok) {
      const { id } = await caller.save({
        orgSlug: org.org.slug,
        measurement: measurement(streamId),
      });
      expect(await listMeasurements(t.db, org)).toMatchObject([
        { id, enteredBy: org.users[actor].id },
      ]);
      return;
    }
    await expectCode(
      caller.save({ orgSlug: org.org.slug, measurement: measurement(streamId) }),
      'FORBIDDEN',
    );
    expect(await listMeasurements(t.db, org)).toEqual([]);
    // Nor may they change or delete one the owner logged there.
    const { id } = await saveMeasurement(t.db, org, streamId);
    const before = await measurementState(t.db, org);
    await expectCode(
      caller.update({ orgSlug: org.org.slug, id, measurement: measurement(streamId, { wip: 3 }) }),
      'FORBIDDEN',
    );
    await expectCode(caller.remove({ orgSlug: org.org.slug, id }), 'FORBIDDEN');
    expect(await measurementState(t.db, org)).toEqual(before);
  });

  it('a lead cannot move a measurement of their stream onto a stream they do not own', async () => {
    const org = await makeOrgWithRoles(t.db);
    const mine = await makeStream(t.db, org, { ownedBy: 'lead' });
    const theirs = await makeStream(t.db, org, { ownedBy: 'admin' });
    const { id } = await saveMeasurement(t.db, org, mine, { by: 'lead' });
    const before = await measurementState(t.db, org);
    await expectCode(
      as(t.db, org, 'lead').measurements.update({
        orgSlug: org.org.slug,
        id,
        measurement: measurement(theirs),
      }),
      'FORBIDDEN',
    );
    expect(await measurementState(t.db, org)).toEqual(before);
  });

  it.each(roles.map((role) => ({ role, ok: auditors.has(role) })))(
    'audit by $role: allowed = $ok',
    async ({ role, ok }) => {
      const org = await makeOrgWithRoles(t.db);
      const streamId = await makeStream(t.db, org, { ownedBy: 'lead' });
      const { id } = await saveMeasurement(t.db, org, streamId);
      await as(t.db, org, 'owner').measurements.remove({ orgSlug: org.org.slug, id });
      const call = as(t.db, org, role).measurements.audit({ orgSlug: org.org.slug });
      if (!ok) {
        await expectCode(call, 'FORBIDDEN');
        return;
      }
      expect(await call).toMatchObject([{ measurementId: id, streamId, action: 'delete' }]);
    },
  );

  it('signed out, every procedure is UNAUTHORIZED', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, streamId);
    const before = await measurementState(t.db, org);
    const c = callerFor(t.db, null).measurements;
    const orgSlug = org.org.slug;
    await expectCode(c.list({ orgSlug }), 'UNAUTHORIZED');
    await expectCode(c.previous({ orgSlug, streamId, before: '2026-02-01' }), 'UNAUTHORIZED');
    await expectCode(
      c.save({
        orgSlug,
        measurement: measurement(streamId, { periodStart: '2026-03-02', periodEnd: '2026-03-08' }),
      }),
      'UNAUTHORIZED',
    );
    await expectCode(
      c.update({ orgSlug, id, measurement: measurement(streamId, { wip: 1 }) }),
      'UNAUTHORIZED',
    );
    await expectCode(c.remove({ orgSlug, id }), 'UNAUTHORIZED');
    await expectCode(c.audit({ orgSlug }), 'UNAUTHORIZED');
    expect(await measurementState(t.db, org)).toEqual(before);
  });

  // ---- tenancy -----------------------------------------------------------------------------

  interface Op {
    name: string;
    call: (c: Caller, orgSlug: string, ids: { streamId: string; id: string }) => Promise<unknown>;
  }
  const other = { periodStart: '2026-04-06', periodEnd: '2026-04-12' };
  const ops: Op[] = [
    {
      name: 'save',
      call: (c, orgSlug, { streamId }) =>
        c.measurements.save({ orgSlug, measurement: measurement(streamId, other) }),
    },
    {
      name: 'save (replace)',
      call: (c, orgSlug, { streamId }) =>
        c.measurements.save({ orgSlug, measurement: measurement(streamId), replace: true }),
    },
    {
      name: 'list (streamId)',
      call: (c, orgSlug, { streamId }) => c.measurements.list({ orgSlug, streamId }),
    },
    {
      name: 'previous',
      call: (c, orgSlug, { streamId }) =>
        c.measurements.previous({ orgSlug, streamId, before: '2026-02-01' }),
    },
    {
      name: 'audit (streamId)',
      call: (c, orgSlug, { streamId }) => c.measurements.audit({ orgSlug, streamId }),
    },
    {
      name: 'update',
      call: (c, orgSlug, { streamId, id }) =>
        c.measurements.update({ orgSlug, id, measurement: measurement(streamId, { wip: 9 }) }),
    },
    { name: 'remove', call: (c, orgSlug, { id }) => c.measurements.remove({ orgSlug, id }) },
  ];

  it.each(ops)(
    '$name across organizations is NOT_FOUND and changes nothing in the first',
    async ({ call }) => {
      const a = await makeOrgWithRoles(t.db);
      const b = await makeOrgWithRoles(t.db);
      const streamId = await makeStream(t.db, a);
      const { id } = await saveMeasurement(t.db, a, streamId);
      await as(t.db, a, 'owner').measurements.update({
        orgSlug: a.org.slug,
        id,
        measurement: measurement(streamId, { wip: 4 }),
      });
      const bStream = await makeStream(t.db, b);
      const { id: bId } = await saveMeasurement(t.db, b, bStream);
      const before = await measurementState(t.db, a);
      const bBefore = await measurementState(t.db, b);
      // B's owner naming A's slug.
      await expectCode(call(as(t.db, b, 'owner'), a.org.slug, { streamId, id }), 'NOT_FOUND');
      // B's owner with B's own slug and A's ids.
      await expectCode(call(as(t.db, b, 'owner'), b.org.slug, { streamId, id }), 'NOT_FOUND');
      // B's owner with B's own slug, its own measurement, and A's stream: cannot move it there.
      await expectCode(
        as(t.db, b, 'owner').measurements.update({
          orgSlug: b.org.slug,
          id: bId,
          measurement: measurement(streamId),
        }),
        'NOT_FOUND',
      );
      expect(await measurementState(t.db, a)).toEqual(before);
      expect(await measurementState(t.db, b)).toEqual(bBefore);
      expect(await listAudit(t.db, b)).toEqual([]);
    },
  );
});
