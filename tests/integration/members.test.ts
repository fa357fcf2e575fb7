import { roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { expectCode, expectFieldError, invalid } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles, makeUser, rolesIn } from './harness';

const managers = new Set(['owner', 'admin']);

forEachDriver('members', (t) => {
  // ---- members.list -------------------------------------------------------------------------

  it.each(roles)(
    'list shows a %s every member of their organization and no one else',
    async (role) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      await makeOrgWithRoles(t.db); // another organization's members must not appear
      const list = await callerFor(t.db, users[role].id).members.list({ orgSlug: org.slug });
      expect(
        list
          .map((m) => ({ userId: m.userId, role: m.role, email: m.email }))
          .sort((a, b) => a.role.localeCompare(b.role)),
      ).toEqual(
        roles
          .map((r) => ({ userId: users[r].id, role: r, email: users[r].email }))
          .sort((a, b) => a.role.localeCompare(b.role)),
      );
      for (const m of list)
        expect(Object.keys(m).sort()).toEqual(['email', 'joinedAt', 'name', 'role', 'userId']);
    },
  );

  it('list is NOT_FOUND for another organization’s member, UNAUTHORIZED signed out', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, b.users.owner.id).members.list({ orgSlug: a.org.slug }),
      'NOT_FOUND',
    );
    await expectCode(callerFor(t.db, null).members.list({ orgSlug: a.org.slug }), 'UNAUTHORIZED');
    await expectFieldError(
      callerFor(t.db, a.users.owner.id).members.list({ orgSlug: 'UPPER' }),
      'orgSlug',
    );
  });

  // ---- members.changeRole -------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: managers.has(role) })))(
    'changeRole by $role: allowed = $ok',
    async ({ role, ok }) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      const call = callerFor(t.db, users[role].id).members.changeRole({
        orgSlug: org.slug,
        userId: users.viewer.id,
        role: 'lead',
      });
      if (ok) await call;
      else await expectCode(call, 'FORBIDDEN');
      expect((await rolesIn(t.db, org.id))[users.viewer.id]).toBe(ok ? 'lead' : 'viewer');
    },
  );

  it('an admin may not make someone an owner nor change an owner’s role (FORBIDDEN on role)', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const before = await rolesIn(t.db, org.id);
    const admin = callerFor(t.db, users.admin.id).members;
    await expectFieldError(
      admin.changeRole({ orgSlug: org.slug, userId: users.lead.id, role: 'owner' }),
      'role',
      'FORBIDDEN',
    );
    await expectFieldError(
      admin.changeRole({ orgSlug: org.slug, userId: users.admin.id, role: 'owner' }),
      'role',
      'FORBIDDEN',
    );
    await expectFieldError(
      admin.changeRole({ orgSlug: org.slug, userId: users.owner.id, role: 'viewer' }),
      'role',
      'FORBIDDEN',
    );
    expect(await rolesIn(t.db, org.id)).toEqual(before);
  });

  it('an owner may make another owner, after which either can step down', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const owner = callerFor(t.db, users.owner.id).members;
    await owner.changeRole({ orgSlug: org.slug, userId: users.admin.id, role: 'owner' });
    await owner.changeRole({ orgSlug: org.slug, userId: users.owner.id, role: 'viewer' });
    const after = await rolesIn(t.db, org.id);
    expect(after[users.admin.id]).toBe('owner');
    expect(after[users.owner.id]).toBe('viewer');
  });

  it('the last owner cannot be demoted, not even by themselves (BAD_REQUEST on role)', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const messages = await expectFieldError(
      callerFor(t.db, users.owner.id).members.changeRole({
        orgSlug: org.slug,
        userId: users.owner.id,
        role: 'admin',
      }),
      'role',
    );
    expect(messages.join(' ')).toMatch(/last owner/);
    expect((await rolesIn(t.db, org.id))[users.owner.id]).toBe('owner');
  });

  it('two owners demoting each other at the same moment leave exactly one owner', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await callerFor(t.db, users.owner.id).members.changeRole({
      orgSlug: org.slug,
      userId: users.admin.id,
      role: 'owner',
    });
    const results = await Promise.allSettled([
      callerFor(t.db, users.owner.id).members.changeRole({
        orgSlug: org.slug,
        userId: users.admin.id,
        role: 'viewer',
      }),
      callerFor(t.db, users.admin.id).members.changeRole({
        orgSlug: org.slug,
        userId: users.owner.id,
        role: 'viewer',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const owners = Object.values(await rolesIn(t.db, org.id)).filter((r) => r === 'owner');
    expect(owners).toHaveLength(1);
  });

  it('changeRole of someone outside the organization is NOT_FOUND, also across tenants', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const stranger = await makeUser(t.db);
    const owner = callerFor(t.db, b.users.owner.id).members;
    await expectCode(
      owner.changeRole({ orgSlug: b.org.slug, userId: stranger.id, role: 'admin' }),
      'NOT_FOUND',
    );
    // B's owner names A's member through B's own slug: still NOT_FOUND, A untouched.
    const before = await rolesIn(t.db, a.org.id);
    await expectCode(
      owner.changeRole({ orgSlug: b.org.slug, userId: a.users.viewer.id, role: 'admin' }),
      'NOT_FOUND',
    );
    await expectCode(
      owner.changeRole({ orgSlug: a.org.slug, userId: a.users.viewer.id, role: 'admin' }),
      'NOT_FOUND',
    );
    expect(await rolesIn(t.db, a.org.id)).toEqual(before);
  });

  it('changeRole is UNAUTHORIZED signed out and BAD_REQUEST on the bad field', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const owner = callerFor(t.db, users.owner.id).members;
    await expectCode(
      callerFor(t.db, null).members.changeRole({
        orgSlug: org.slug,
        userId: users.viewer.id,
        role: 'admin',
      }),
      'UNAUTHORIZED',
    );
    await expectFieldError(
      owner.changeRole({ orgSlug: org.slug, userId: 'not-a-uuid', role: 'admin' }),
      'userId',
    );
    await expectFieldError(
      owner.changeRole(invalid({ orgSlug: org.slug, userId: users.viewer.id, role: 'superuser' })),
      'role',
    );
    expect((await rolesIn(t.db, org.id))[users.viewer.id]).toBe('viewer');
  });

  // ---- members.remove -----------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: managers.has(role) })))(
    'remove of another member by $role: allowed = $ok',
    async ({ role, ok }) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      const target = role === 'viewer' ? users.lead : users.viewer;
      const call = callerFor(t.db, users[role].id).members.remove({
        orgSlug: org.slug,
        userId: target.id,
      });
      if (ok) await call;
      else await expectCode(call, 'FORBIDDEN');
      expect((await rolesIn(t.db, org.id))[target.id]).toBe(
        ok ? undefined : target === users.lead ? 'lead' : 'viewer',
      );
    },
  );

  it.each(['admin', 'lead', 'viewer'] as const)(
    'a %s may leave (remove themselves)',
    async (role) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      await callerFor(t.db, users[role].id).members.remove({
        orgSlug: org.slug,
        userId: users[role].id,
      });
      expect(await rolesIn(t.db, org.id)).not.toHaveProperty(users[role].id);
      await expectCode(
        callerFor(t.db, users[role].id).orgs.current({ orgSlug: org.slug }),
        'NOT_FOUND',
      );
    },
  );

  it('the last owner can neither be removed nor leave (BAD_REQUEST on role)', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectFieldError(
      callerFor(t.db, users.owner.id).members.remove({ orgSlug: org.slug, userId: users.owner.id }),
      'role',
    );
    expect((await rolesIn(t.db, org.id))[users.owner.id]).toBe('owner');
  });

  it('an admin cannot remove an owner; an owner can remove another owner, who can also leave', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, users.admin.id).members.remove({ orgSlug: org.slug, userId: users.owner.id }),
      'FORBIDDEN',
    );
    expect((await rolesIn(t.db, org.id))[users.owner.id]).toBe('owner');

    const owner = callerFor(t.db, users.owner.id).members;
    await owner.changeRole({ orgSlug: org.slug, userId: users.admin.id, role: 'owner' });
    await owner.changeRole({ orgSlug: org.slug, userId: users.lead.id, role: 'owner' });
    await owner.remove({ orgSlug: org.slug, userId: users.admin.id });
    await callerFor(t.db, users.lead.id).members.remove({
      orgSlug: org.slug,
      userId: users.lead.id,
    });
    expect(await rolesIn(t.db, org.id)).toEqual({
      [users.owner.id]: 'owner',
      [users.viewer.id]: 'viewer',
    });
  });

  it('remove across tenants is NOT_FOUND and removes nothing', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const before = await rolesIn(t.db, a.org.id);
    const bOwner = callerFor(t.db, b.users.owner.id).members;
    await expectCode(
      bOwner.remove({ orgSlug: b.org.slug, userId: a.users.viewer.id }),
      'NOT_FOUND',
    );
    await expectCode(
      bOwner.remove({ orgSlug: a.org.slug, userId: a.users.viewer.id }),
      'NOT_FOUND',
    );
    await expectCode(bOwner.remove({ orgSlug: a.org.slug, userId: b.users.owner.id }), 'NOT_FOUND');
    expect(await rolesIn(t.db, a.org.id)).toEqual(before);
    expect(Object.keys(await rolesIn(t.db, b.org.id))).toHaveLength(4);
  });

  it('remove is UNAUTHORIZED signed out and BAD_REQUEST on userId for a malformed id', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, null).members.remove({ orgSlug: org.slug, userId: users.viewer.id }),
      'UNAUTHORIZED',
    );
    await expectFieldError(
      callerFor(t.db, users.owner.id).members.remove({ orgSlug: org.slug, userId: '42' }),
      'userId',
    );
    expect(Object.keys(await rolesIn(t.db, org.id))).toHaveLength(4);
  });
});
