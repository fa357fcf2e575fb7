/**
 * Streams and maps across organizations: a member of B who names A's slug, or names A's stream
 * through B's own slug, gets NOT_FOUND and A's streams and maps stay exactly as they were.
 * Signed out, every procedure is UNAUTHORIZED.
 */
import { beforeAll, expect, it } from 'vitest';
import { expectCode } from './errors';
import { callerFor, forEachDriver } from './harness';
import {
  as,
  calendar,
  type Caller,
  makeTwoOrgs,
  snapshotOrg,
  step,
  streamFields,
  type TwoOrgs,
} from './stream-factories';

interface Op {
  name: string;
  /** Whether calling it with B's own slug still names something of A's. */
  ownSlug: boolean;
  call: (c: Caller, orgSlug: string, f: TwoOrgs) => Promise<unknown>;
}

const ops: Op[] = [
  { name: 'streams.list', ownSlug: false, call: (c, orgSlug) => c.streams.list({ orgSlug }) },
  {
    name: 'streams.get',
    ownSlug: true,
    call: (c, orgSlug, f) => c.streams.get({ orgSlug, id: f.ids.op }),
  },
  {
    name: 'streams.create',
    ownSlug: false,
    call: (c, orgSlug) => c.streams.create({ orgSlug, fields: streamFields() }),
  },
  {
    name: 'streams.update',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.streams.update({ orgSlug, id: f.ids.op, fields: streamFields({ name: 'Taken over' }) }),
  },
  {
    name: 'streams.archive',
    ownSlug: true,
    call: (c, orgSlug, f) => c.streams.archive({ orgSlug, id: f.ids.op }),
  },
  {
    name: 'streams.restore',
    ownSlug: true,
    call: (c, orgSlug, f) => c.streams.restore({ orgSlug, id: f.ids.op }),
  },
  {
    name: 'streams.setLinks (A’s development stream)',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.streams.setLinks({ orgSlug, id: f.ids.dev, operationalStreamIds: [] }),
  },
  {
    name: 'streams.setLinks (B’s stream feeding A’s)',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.streams.setLinks({ orgSlug, id: f.ids.bDev, operationalStreamIds: [f.ids.op] }),
  },
  {
    name: 'streams.saveDraft (A’s draft)',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.streams.saveDraft({ orgSlug, id: f.ids.draft, fields: streamFields(), guide: { step: 5 } }),
  },
  {
    name: 'streams.completeGuide',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.streams.completeGuide({
        orgSlug,
        id: f.ids.draft,
        calendar,
        steps: [step()],
        guide: { step: 7 },
      }),
  },
  {
    name: 'maps.get',
    ownSlug: true,
    call: (c, orgSlug, f) => c.maps.get({ orgSlug, streamId: f.ids.op, state: 'current' }),
  },
  {
    name: 'maps.get (version 1)',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.maps.get({ orgSlug, streamId: f.ids.op, state: 'current', version: 1 }),
  },
  {
    name: 'maps.versions',
    ownSlug: true,
    call: (c, orgSlug, f) => c.maps.versions({ orgSlug, streamId: f.ids.op }),
  },
  {
    name: 'maps.save',
    ownSlug: true,
    call: (c, orgSlug, f) =>
      c.maps.save({ orgSlug, streamId: f.ids.op, state: 'current', calendar, steps: [step()] }),
  },
  {
    name: 'maps.startFuture',
    ownSlug: true,
    call: (c, orgSlug, f) => c.maps.startFuture({ orgSlug, streamId: f.ids.op }),
  },
];

forEachDriver('streams tenancy', (t) => {
  let f: TwoOrgs;
  beforeAll(async () => {
    f = await makeTwoOrgs(t.db);
  });

  it('the fixture: A’s streams are linked, mapped and listed', async () => {
    const before = await snapshotOrg(t.db, f);
    expect(before.list).toHaveLength(3);
    expect(before.op.stream.fedBy.map((s) => s.id)).toEqual([f.ids.dev]);
    expect(before.op.versions.map((v) => [v.state, v.version])).toEqual([['current', 1]]);
    expect(before.draft.stream.status).toBe('draft');
  });

  it.each(ops)(
    '$name: NOT_FOUND for B’s owner (A’s slug, and B’s slug with A’s ids), UNAUTHORIZED signed out, A unchanged',
    async (op) => {
      const before = await snapshotOrg(t.db, f);
      const bOwner = as(t.db, f.b, 'owner');
      await expectCode(op.call(bOwner, f.a.org.slug, f), 'NOT_FOUND');
      if (op.ownSlug) await expectCode(op.call(bOwner, f.b.org.slug, f), 'NOT_FOUND');
      await expectCode(op.call(callerFor(t.db, null), f.a.org.slug, f), 'UNAUTHORIZED');
      await expectCode(op.call(callerFor(t.db, null), f.b.org.slug, f), 'UNAUTHORIZED');
      expect(await snapshotOrg(t.db, f)).toEqual(before);
    },
  );

  it('B’s list, under B’s slug, holds only B’s streams; A’s lead sees nothing of B either', async () => {
    const bList = await as(t.db, f.b, 'viewer').streams.list({
      orgSlug: f.b.org.slug,
      includeArchived: true,
    });
    expect(bList.map((s) => s.id)).toEqual([f.ids.bDev]);
    await expectCode(
      as(t.db, f.a, 'lead').streams.get({ orgSlug: f.a.org.slug, id: f.ids.bDev }),
      'NOT_FOUND',
    );
    await expectCode(as(t.db, f.a, 'lead').streams.list({ orgSlug: f.b.org.slug }), 'NOT_FOUND');
  });

  it('A’s development stream cannot be linked to B’s operational stream, even by A’s owner', async () => {
    const bOp = (
      await as(t.db, f.b, 'owner').streams.create({ orgSlug: f.b.org.slug, fields: streamFields() })
    ).id;
    const before = await snapshotOrg(t.db, f);
    await expectCode(
      as(t.db, f.a, 'owner').streams.setLinks({
        orgSlug: f.a.org.slug,
        id: f.ids.dev,
        operationalStreamIds: [bOp],
      }),
      'NOT_FOUND',
    );
    expect(await snapshotOrg(t.db, f)).toEqual(before);
    expect(
      (await as(t.db, f.b, 'owner').streams.get({ orgSlug: f.b.org.slug, id: bOp })).fedBy,
    ).toEqual([]);
  });
});
