/**
 * Stream fields the server refuses (each on its field, nothing written), links between
 * development and operational streams, and owners who leave.
 */
import { expect, it } from 'vitest';
import { expectCode, expectFieldError, invalid } from './errors';
import { forEachDriver, makeOrgWithRoles, makeUser } from './harness';
import {
  as,
  devFields,
  listNames,
  makeStream,
  readStream,
  snapshot,
  streamFields,
} from './stream-factories';

forEachDriver('streams input', (t) => {
  // ---- refused fields ------------------------------------------------------------------------

  // Input the router's schema refuses comes back under its input path (`fields.type`); what the
  // service refuses (name taken, owner not a member) under the form's field name (`name`, `ownerId`).

  it('an operational stream without a type is BAD_REQUEST on fields.type (create and update)', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    const messages = await expectFieldError(
      owner.create({
        orgSlug: org.org.slug,
        fields: streamFields({ name: 'Untyped', type: null }),
      }),
      'fields.type',
    );
    expect(messages.join(' ')).toMatch(/needs a type/);
    await expectFieldError(
      owner.create({
        orgSlug: org.org.slug,
        fields: invalid({ ...streamFields(), type: undefined }),
      }),
      'fields.type',
    );
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual([]);

    const id = await makeStream(t.db, org);
    const before = await snapshot(t.db, org, id);
    await expectFieldError(
      owner.update({
        orgSlug: org.org.slug,
        id,
        fields: streamFields({ name: 'Untyped', type: null }),
      }),
      'fields.type',
    );
    expect(await snapshot(t.db, org, id)).toEqual(before);
  });

  it('a duplicate name (in any case) is CONFLICT on name; keeping one’s own name is fine', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    const first = await makeStream(t.db, org, { fields: { name: 'Order to cash' } });
    const second = await makeStream(t.db, org, { fields: { name: 'Hire to retire' } });
    await expectFieldError(
      owner.create({ orgSlug: org.org.slug, fields: devFields({ name: 'Order to cash' }) }),
      'name',
      'CONFLICT',
    );
    await expectFieldError(
      owner.create({ orgSlug: org.org.slug, fields: streamFields({ name: '  ORDER TO CASH ' }) }),
      'name',
      'CONFLICT',
    );
    const before = await snapshot(t.db, org, second);
    await expectFieldError(
      owner.update({
        orgSlug: org.org.slug,
        id: second,
        fields: streamFields({ name: 'order to cash' }),
      }),
      'name',
      'CONFLICT',
    );
    expect(await snapshot(t.db, org, second)).toEqual(before);
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual([
      'Hire to retire',
      'Order to cash',
    ]);

    await owner.update({
      orgSlug: org.org.slug,
      id: first,
      fields: streamFields({ name: 'Order to cash', customer: 'Shops' }),
    });
    expect(await readStream(t.db, org, first)).toMatchObject({
      name: 'Order to cash',
      customer: 'Shops',
    });
    // An archived stream still holds its name.
    await owner.archive({ orgSlug: org.org.slug, id: first });
    await expectFieldError(
      owner.create({ orgSlug: org.org.slug, fields: streamFields({ name: 'Order to cash' }) }),
      'name',
      'CONFLICT',
    );
  });

  it('creations racing for one name: one stream, the others CONFLICT on name (no unique violation)', async () => {
    const org = await makeOrgWithRoles(t.db);
    const create = () =>
      as(t.db, org, 'owner').streams.create({
        orgSlug: org.org.slug,
        fields: streamFields({ name: 'Raced' }),
      });
    const results = await Promise.allSettled([create(), create(), create(), create()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected')
        await expectFieldError(Promise.reject(r.reason), 'name', 'CONFLICT');
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual(['Raced']);
  });

  it('creations and renames racing for one name in different cases: one wins, the rest CONFLICT on name', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = () => as(t.db, org, 'owner').streams;
    const created = await Promise.allSettled(
      ['Case race', 'CASE RACE', 'case race'].map((name) =>
        owner().create({ orgSlug: org.org.slug, fields: streamFields({ name }) }),
      ),
    );
    expect(created.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of created)
      if (r.status === 'rejected')
        await expectFieldError(Promise.reject(r.reason), 'name', 'CONFLICT');

    const a = await makeStream(t.db, org);
    const b = await makeStream(t.db, org);
    const renamed = await Promise.allSettled(
      [a, b].map((id, i) =>
        owner().update({
          orgSlug: org.org.slug,
          id,
          fields: streamFields({ name: i ? 'Renamed' : 'RENAMED' }),
        }),
      ),
    );
    expect(renamed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of renamed)
      if (r.status === 'rejected')
        await expectFieldError(Promise.reject(r.reason), 'name', 'CONFLICT');
    const names = (await listNames(t.db, org)).map((n) => n.toLowerCase());
    expect(names.filter((n) => n === 'renamed' || n === 'case race')).toHaveLength(2);
  });

  it('the same name is fine in another organization', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    await makeStream(t.db, a, { fields: { name: 'Shared name' } });
    await makeStream(t.db, b, { fields: { name: 'Shared name' } });
    expect(await listNames(t.db, b)).toEqual(['Shared name']);
  });

  it('an owner who is not a member (nor one of another organization) is BAD_REQUEST on ownerId', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const stranger = await makeUser(t.db);
    const owner = as(t.db, org, 'owner').streams;
    for (const ownerId of [stranger.id, other.users.owner.id, crypto.randomUUID()]) {
      await expectFieldError(
        owner.create({ orgSlug: org.org.slug, fields: streamFields({ ownerId }) }),
        'ownerId',
      );
    }
    await expectFieldError(
      owner.create({ orgSlug: org.org.slug, fields: streamFields({ ownerId: 'not-a-uuid' }) }),
      'fields.ownerId',
    );
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual([]);

    const id = await makeStream(t.db, org, { ownedBy: 'lead' });
    const before = await snapshot(t.db, org, id);
    await expectFieldError(
      owner.update({ orgSlug: org.org.slug, id, fields: streamFields({ ownerId: stranger.id }) }),
      'ownerId',
    );
    expect(await snapshot(t.db, org, id)).toEqual(before);
  });

  it('malformed fields come back on their field', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    await expectFieldError(
      owner.create({ orgSlug: org.org.slug, fields: streamFields({ name: ' x ' }) }),
      'fields.name',
    );
    await expectFieldError(
      owner.create({ orgSlug: org.org.slug, fields: streamFields({ customer: 'c'.repeat(201) }) }),
      'fields.customer',
    );
    await expectFieldError(
      owner.create({
        orgSlug: org.org.slug,
        fields: invalid({ ...streamFields(), kind: 'strategic' }),
      }),
      'fields.kind',
    );
    await expectFieldError(owner.get({ orgSlug: org.org.slug, id: 'nope' }), 'id');
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual([]);
  });

  // ---- links -------------------------------------------------------------------------------

  it('links show on both streams: the development stream feeds, the operational ones are fed by', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    const platform = await makeStream(t.db, org, { fields: devFields({ name: 'Platform' }) });
    const orders = await makeStream(t.db, org, { fields: { name: 'Orders', type: 'fulfillment' } });
    const billing = await makeStream(t.db, org, {
      fields: { name: 'Billing', type: 'supporting' },
    });
    await owner.setLinks({
      orgSlug: org.org.slug,
      id: platform,
      operationalStreamIds: [orders, billing, orders],
    });

    expect((await readStream(t.db, org, platform)).feeds).toEqual([
      { id: billing, name: 'Billing', type: 'supporting' },
      { id: orders, name: 'Orders', type: 'fulfillment' },
    ]);
    expect((await readStream(t.db, org, platform)).fedBy).toEqual([]);
    expect((await readStream(t.db, org, orders)).fedBy).toEqual([
      { id: platform, name: 'Platform' },
    ]);
    expect((await readStream(t.db, org, billing)).fedBy).toEqual([
      { id: platform, name: 'Platform' },
    ]);

    // setLinks replaces the whole set.
    await owner.setLinks({ orgSlug: org.org.slug, id: platform, operationalStreamIds: [billing] });
    expect((await readStream(t.db, org, platform)).feeds.map((s) => s.id)).toEqual([billing]);
    expect((await readStream(t.db, org, orders)).fedBy).toEqual([]);
    await owner.setLinks({ orgSlug: org.org.slug, id: platform, operationalStreamIds: [] });
    expect((await readStream(t.db, org, billing)).fedBy).toEqual([]);
  });

  it('setLinks on an operational stream, to a development stream, or to an unknown id is refused, changing nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    const dev = await makeStream(t.db, org, { fields: devFields() });
    const otherDev = await makeStream(t.db, org, { fields: devFields() });
    const op = await makeStream(t.db, org);
    const op2 = await makeStream(t.db, org);
    await owner.setLinks({ orgSlug: org.org.slug, id: dev, operationalStreamIds: [op] });
    const before = {
      dev: await snapshot(t.db, org, dev),
      op: await snapshot(t.db, org, op),
      op2: await snapshot(t.db, org, op2),
    };

    await expectFieldError(
      owner.setLinks({ orgSlug: org.org.slug, id: op, operationalStreamIds: [op2] }),
      'operationalStreamIds',
    );
    await expectFieldError(
      owner.setLinks({ orgSlug: org.org.slug, id: dev, operationalStreamIds: [op2, otherDev] }),
      'operationalStreamIds',
    );
    await expectCode(
      owner.setLinks({ orgSlug: org.org.slug, id: dev, operationalStreamIds: [dev] }),
      'BAD_REQUEST',
    );
    await expectCode(
      owner.setLinks({
        orgSlug: org.org.slug,
        id: dev,
        operationalStreamIds: [op2, crypto.randomUUID()],
      }),
      'NOT_FOUND',
    );
    await expectFieldError(
      owner.setLinks({ orgSlug: org.org.slug, id: dev, operationalStreamIds: ['x'] }),
      'operationalStreamIds.0',
    );

    expect({
      dev: await snapshot(t.db, org, dev),
      op: await snapshot(t.db, org, op),
      op2: await snapshot(t.db, org, op2),
    }).toEqual(before);
  });

  it('the same links saved three times at once are saved once, without error', async () => {
    const org = await makeOrgWithRoles(t.db);
    const dev = await makeStream(t.db, org, { fields: devFields() });
    const op = await makeStream(t.db, org);
    const save = () =>
      as(t.db, org, 'owner').streams.setLinks({
        orgSlug: org.org.slug,
        id: dev,
        operationalStreamIds: [op],
      });
    await save();
    await Promise.all([save(), save(), save()]);
    expect((await readStream(t.db, org, dev)).feeds.map((s) => s.id)).toEqual([op]);
  });

  it('changing a development stream to operational drops its links; other edits keep them', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    const dev = await makeStream(t.db, org, { fields: devFields({ name: 'Platform' }) });
    const op = await makeStream(t.db, org);
    await owner.setLinks({ orgSlug: org.org.slug, id: dev, operationalStreamIds: [op] });

    await owner.update({
      orgSlug: org.org.slug,
      id: dev,
      fields: devFields({ name: 'Platform team' }),
    });
    expect((await readStream(t.db, org, op)).fedBy).toEqual([{ id: dev, name: 'Platform team' }]);

    await owner.update({
      orgSlug: org.org.slug,
      id: dev,
      fields: streamFields({ name: 'Platform team', type: 'supporting' }),
    });
    expect(await readStream(t.db, org, dev)).toMatchObject({
      kind: 'operational',
      type: 'supporting',
      feeds: [],
      fedBy: [],
    });
    expect((await readStream(t.db, org, op)).fedBy).toEqual([]);
  });

  it('changing a fed operational stream to development drops the links that fed it', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').streams;
    const dev = await makeStream(t.db, org, { fields: devFields() });
    const op = await makeStream(t.db, org, { fields: { name: 'Fed' } });
    await owner.setLinks({ orgSlug: org.org.slug, id: dev, operationalStreamIds: [op] });
    await owner.update({ orgSlug: org.org.slug, id: op, fields: devFields({ name: 'Fed' }) });
    expect((await readStream(t.db, org, dev)).feeds).toEqual([]);
    expect(await readStream(t.db, org, op)).toMatchObject({
      kind: 'development',
      type: null,
      fedBy: [],
    });
  });

  // ---- owners who leave --------------------------------------------------------------------

  it('removing a member who owns streams clears those streams’ owner, and no other', async () => {
    const org = await makeOrgWithRoles(t.db);
    const leads = await makeStream(t.db, org, { by: 'lead' });
    const leads2 = await makeStream(t.db, org, { ownedBy: 'lead', fields: devFields() });
    const admins = await makeStream(t.db, org, { ownedBy: 'admin' });
    expect((await readStream(t.db, org, leads)).ownerId).toBe(org.users.lead.id);

    await as(t.db, org, 'owner').members.remove({
      orgSlug: org.org.slug,
      userId: org.users.lead.id,
    });
    expect(await readStream(t.db, org, leads)).toMatchObject({
      ownerId: null,
      ownerName: null,
      createdBy: org.users.lead.id,
    });
    expect(await readStream(t.db, org, leads2)).toMatchObject({ ownerId: null });
    expect(await readStream(t.db, org, admins)).toMatchObject({
      ownerId: org.users.admin.id,
      ownerName: org.users.admin.name,
    });
    const list = await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug });
    expect(list.find((s) => s.id === leads)).toMatchObject({ ownerId: null, ownerName: null });
  });

  it('a member who leaves by themselves no longer owns their streams', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy: 'viewer' });
    await as(t.db, org, 'viewer').members.remove({
      orgSlug: org.org.slug,
      userId: org.users.viewer.id,
    });
    expect((await readStream(t.db, org, id)).ownerId).toBeNull();
  });
});
