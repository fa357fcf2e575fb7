/**
 * The audit of a measurement moved to another stream: one row, filed under the stream it went
 * to, and found when filtering by either stream (the old one from its `before`), never under a
 * third. Rows written before moves were filed this way (old stream id) still show under both.
 */
import { expect, it } from 'vitest';
import { insertAudit } from '@/db/queries/measurements';
import { withTenant } from '@/db/tenant';
import { forEachDriver, makeOrgWithRoles } from './harness';
import { listAudit, measurement, saveMeasurement } from './measurement-factories';
import { as, makeStream } from './stream-factories';

forEachDriver('measurements audit of moves', (t) => {
  it('a measurement moved to another stream is audited once, under the new stream, and found under both', async () => {
    const org = await makeOrgWithRoles(t.db);
    const from = await makeStream(t.db, org, { fields: { name: 'Old home' }, ownedBy: 'lead' });
    const to = await makeStream(t.db, org, { fields: { name: 'New home' }, ownedBy: 'lead' });
    const third = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, from, { by: 'lead' });
    // Another change on the old stream, which stays there.
    const { id: stays } = await saveMeasurement(t.db, org, from, {
      overrides: { stepName: 'Pack' },
    });
    await as(t.db, org, 'owner').measurements.update({
      orgSlug: org.org.slug,
      id: stays,
      measurement: measurement(from, { stepName: 'Pack', wip: 2 }),
    });

    await as(t.db, org, 'lead').measurements.update({
      orgSlug: org.org.slug,
      id,
      measurement: measurement(to, { throughput: 7 }),
    });

    const all = await listAudit(t.db, org);
    expect(all).toHaveLength(2);
    const move = all.find((a) => a.measurementId === id);
    expect(move).toMatchObject({
      streamId: to,
      streamName: 'New home',
      action: 'update',
      actorName: org.users.lead.name,
    });
    expect(move?.before).toMatchObject({ id, streamId: from, throughput: null });
    expect(move?.after).toMatchObject({ id, streamId: to, throughput: 7 });

    const ids = async (streamId: string) =>
      (await listAudit(t.db, org, streamId)).map((a) => a.measurementId).sort();
    expect(await ids(to)).toEqual([id]);
    expect(await ids(from)).toEqual([id, stays].sort());
    expect(await ids(third)).toEqual([]);

    // Deleted later, from its new stream: filed there; the old stream keeps only the move.
    await as(t.db, org, 'owner').measurements.remove({ orgSlug: org.org.slug, id });
    expect((await listAudit(t.db, org, to)).map((a) => a.action)).toEqual(['delete', 'update']);
    expect(
      (await listAudit(t.db, org, from)).filter((a) => a.measurementId === id).map((a) => a.action),
    ).toEqual(['update']);
  });

  it('a move written with the old stream id (as before this was fixed) still shows under the new stream', async () => {
    const org = await makeOrgWithRoles(t.db);
    const from = await makeStream(t.db, org);
    const to = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, from);
    await withTenant(t.db, { orgId: org.org.id }, (tx) =>
      insertAudit(tx, {
        orgId: org.org.id,
        measurementId: id,
        streamId: from,
        action: 'update',
        actorId: org.users.owner.id,
        before: { id, streamId: from },
        after: { id, streamId: to },
      }),
    );
    expect((await listAudit(t.db, org, from)).map((a) => a.measurementId)).toEqual([id]);
    expect((await listAudit(t.db, org, to)).map((a) => a.measurementId)).toEqual([id]);
  });

  it('another organization’s moves never show under a stream of this one', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const aFrom = await makeStream(t.db, a);
    const aTo = await makeStream(t.db, a);
    const { id } = await saveMeasurement(t.db, a, aFrom);
    await as(t.db, a, 'owner').measurements.update({
      orgSlug: a.org.slug,
      id,
      measurement: measurement(aTo),
    });
    const bStream = await makeStream(t.db, b);
    expect(await listAudit(t.db, b)).toEqual([]);
    expect(await listAudit(t.db, b, bStream)).toEqual([]);
    expect(await listAudit(t.db, a, aTo)).toHaveLength(1);
  });
});
