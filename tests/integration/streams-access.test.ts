/**
 * Who may do what to a value stream: every role reads; owner, admin and lead register; owner and
 * admin edit any stream, a lead only the streams they own; a refused edit changes nothing.
 */
import { type Role, roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { expectCode } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles } from './harness';
import {
  as,
  devFields,
  editCases,
  listNames,
  makeStream,
  readStream,
  snapshot,
  streamFields,
} from './stream-factories';

const creators = new Set<Role>(['owner', 'admin', 'lead']);

forEachDriver('streams access', (t) => {
  // ---- create ------------------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: creators.has(role) })))(
    'create by $role: allowed = $ok',
    async ({ role, ok }) => {
      const org = await makeOrgWithRoles(t.db);
      const fields = streamFields({ name: `Made by ${role}` });
      const call = as(t.db, org, role).streams.create({ orgSlug: org.org.slug, fields });
      if (!ok) {
        await expectCode(call, 'FORBIDDEN');
        expect(await listNames(t.db, org, { includeArchived: true })).toEqual([]);
        return;
      }
      const { id } = await call;
      const stream = await readStream(t.db, org, id);
      expect(stream).toMatchObject({
        name: `Made by ${role}`,
        kind: 'operational',
        type: 'fulfillment',
        status: 'active',
        archivedAt: null,
        createdBy: org.users[role].id,
      });
      // A lead owns what they register; an admin or owner leaves it unowned unless they name someone.
      expect(stream.ownerId).toBe(role === 'lead' ? org.users.lead.id : null);
      expect((await as(t.db, org, role).streams.get({ orgSlug: org.org.slug, id })).canEdit).toBe(
        true,
      );
    },
  );

  it('create keeps the owner named in the fields, and a development stream has no type', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, {
      by: 'admin',
      ownedBy: 'viewer',
      fields: devFields({ type: 'manufacturing' }),
    });
    expect(await readStream(t.db, org, id)).toMatchObject({
      ownerId: org.users.viewer.id,
      ownerName: org.users.viewer.name,
      kind: 'development',
      type: null,
    });
  });

  // ---- get and list ------------------------------------------------------------------------

  it.each(roles)(
    'a %s reads every stream (get and list) with canEdit per their role',
    async (role) => {
      const org = await makeOrgWithRoles(t.db);
      const leads = await makeStream(t.db, org, {
        ownedBy: 'lead',
        fields: { name: 'A lead’s stream' },
      });
      const admins = await makeStream(t.db, org, {
        ownedBy: 'admin',
        fields: { name: 'B admin’s stream' },
      });
      const caller = as(t.db, org, role).streams;
      const edits = (owned: boolean) =>
        role === 'owner' || role === 'admin' || (role === 'lead' && owned);

      const list = await caller.list({ orgSlug: org.org.slug });
      expect(list.map((s) => [s.name, s.canEdit])).toEqual([
        ['A lead’s stream', edits(true)],
        ['B admin’s stream', edits(false)],
      ]);
      expect(await caller.get({ orgSlug: org.org.slug, id: leads })).toMatchObject({
        id: leads,
        name: 'A lead’s stream',
        canEdit: edits(true),
      });
      expect(await caller.get({ orgSlug: org.org.slug, id: admins })).toMatchObject({
        id: admins,
        canEdit: edits(false),
      });
    },
  );

  it('get of an unknown stream is NOT_FOUND; get and list are UNAUTHORIZED signed out', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    await expectCode(
      as(t.db, org, 'viewer').streams.get({ orgSlug: org.org.slug, id: crypto.randomUUID() }),
      'NOT_FOUND',
    );
    await expectCode(
      callerFor(t.db, null).streams.get({ orgSlug: org.org.slug, id }),
      'UNAUTHORIZED',
    );
    await expectCode(callerFor(t.db, null).streams.list({ orgSlug: org.org.slug }), 'UNAUTHORIZED');
  });

  // ---- update, archive, restore, setLinks -----------------------------------------------------

  it.each(editCases)('update by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy });
    const before = await snapshot(t.db, org, id);
    const fields = streamFields({
      name: 'Renamed',
      customer: 'New customer',
      ownerId: before.stream.ownerId,
    });
    const call = as(t.db, org, actor).streams.update({ orgSlug: org.org.slug, id, fields });
    if (ok) {
      await call;
      expect(await readStream(t.db, org, id)).toMatchObject({
        name: 'Renamed',
        customer: 'New customer',
        ownerId: before.stream.ownerId,
      });
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, id)).toEqual(before);
    }
  });

  it.each(editCases)('archive by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy });
    const before = await snapshot(t.db, org, id);
    const call = as(t.db, org, actor).streams.archive({ orgSlug: org.org.slug, id });
    if (ok) {
      await call;
      expect((await readStream(t.db, org, id)).archivedAt).toBeInstanceOf(Date);
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, id)).toEqual(before);
    }
  });

  it.each(editCases)('restore by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy });
    await as(t.db, org, 'owner').streams.archive({ orgSlug: org.org.slug, id });
    const before = await snapshot(t.db, org, id);
    const call = as(t.db, org, actor).streams.restore({ orgSlug: org.org.slug, id });
    if (ok) {
      await call;
      expect((await readStream(t.db, org, id)).archivedAt).toBeNull();
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, id)).toEqual(before);
    }
  });

  it.each(editCases)('setLinks by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const dev = await makeStream(t.db, org, { ownedBy, fields: devFields() });
    const op = await makeStream(t.db, org, { ownedBy: 'admin' }); // the fed stream's owner does not matter
    const before = await snapshot(t.db, org, dev);
    const call = as(t.db, org, actor).streams.setLinks({
      orgSlug: org.org.slug,
      id: dev,
      operationalStreamIds: [op],
    });
    if (ok) {
      await call;
      expect((await readStream(t.db, org, dev)).feeds.map((s) => s.id)).toEqual([op]);
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, dev)).toEqual(before);
      expect((await readStream(t.db, org, op)).fedBy).toEqual([]);
    }
  });

  it('a lead who hands their stream to someone else can no longer edit it', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { by: 'lead' });
    const lead = as(t.db, org, 'lead').streams;
    await lead.update({
      orgSlug: org.org.slug,
      id,
      fields: streamFields({ name: 'Handed over', ownerId: org.users.admin.id }),
    });
    await expectCode(lead.archive({ orgSlug: org.org.slug, id }), 'FORBIDDEN');
    expect(await readStream(t.db, org, id)).toMatchObject({
      name: 'Handed over',
      ownerId: org.users.admin.id,
      archivedAt: null,
      canEdit: true,
    });
    expect((await lead.get({ orgSlug: org.org.slug, id })).canEdit).toBe(false);
  });
});
