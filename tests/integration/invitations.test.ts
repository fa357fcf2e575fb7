import { roles } from '@/lib/domain';
import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { expectCode, expectFieldError, invalid } from './errors';
import {
  callerFor,
  forEachDriver,
  invitationRow,
  makeOrgWithRoles,
  tokenOf,
  uniqueEmail,
} from './harness';

const managers = new Set(['owner', 'admin']);
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

forEachDriver('invitations (managing)', (t) => {
  // ---- invitations.create -------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: managers.has(role) })))(
    'create by $role: allowed = $ok',
    async ({ role, ok }) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      const call = callerFor(t.db, users[role].id).invitations.create({
        orgSlug: org.slug,
        role: 'lead',
        expiresInDays: 7,
      });
      if (!ok) {
        await expectCode(call, 'FORBIDDEN');
        expect(
          await callerFor(t.db, users.owner.id).invitations.list({ orgSlug: org.slug }),
        ).toEqual([]);
        return;
      }
      const created = await call;
      expect(created.path).toMatch(new RegExp(`^/join/${org.slug}/[A-Za-z0-9_-]{32}$`));
      expect(created.role).toBe('lead');
      const days = (created.expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);

      // Only the token's hash is stored.
      const row = await invitationRow(t.db, org.id, created.id);
      const token = tokenOf(created.path);
      expect(row).toMatchObject({
        orgId: org.id,
        role: 'lead',
        email: null,
        createdBy: users[role].id,
        tokenHash: sha256(token),
      });
      expect(JSON.stringify(row)).not.toContain(token);
    },
  );

  it('create restricts the link to a normalised email when one is given; an empty email means anyone', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const owner = callerFor(t.db, users.owner.id).invitations;
    const local = `Pat-${crypto.randomBytes(3).toString('hex')}`;
    const restricted = await owner.create({
      orgSlug: org.slug,
      role: 'viewer',
      email: ` ${local}@Example.TEST `,
      expiresInDays: 1,
    });
    const open = await owner.create({
      orgSlug: org.slug,
      role: 'viewer',
      email: '',
      expiresInDays: '3',
    });
    expect((await invitationRow(t.db, org.id, restricted.id))?.email).toBe(
      `${local.toLowerCase()}@example.test`,
    );
    expect((await invitationRow(t.db, org.id, open.id))?.email).toBeNull();
  });

  it('only an owner may invite an owner (FORBIDDEN on role for an admin)', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectFieldError(
      callerFor(t.db, users.admin.id).invitations.create({
        orgSlug: org.slug,
        role: 'owner',
        expiresInDays: 7,
      }),
      'role',
      'FORBIDDEN',
    );
    expect(await callerFor(t.db, users.owner.id).invitations.list({ orgSlug: org.slug })).toEqual(
      [],
    );
    const made = await callerFor(t.db, users.owner.id).invitations.create({
      orgSlug: org.slug,
      role: 'owner',
      expiresInDays: 7,
    });
    expect(made.role).toBe('owner');
  });

  it.each([
    { field: 'role', input: { role: 'root', expiresInDays: 7 } },
    { field: 'expiresInDays', input: { role: 'lead', expiresInDays: 0 } },
    { field: 'expiresInDays', input: { role: 'lead', expiresInDays: 31 } },
    { field: 'expiresInDays', input: { role: 'lead', expiresInDays: 1.5 } },
    { field: 'expiresInDays', input: { role: 'lead', expiresInDays: 'soon' } },
    { field: 'email', input: { role: 'lead', expiresInDays: 7, email: 'not an email' } },
  ])('create refuses a bad $field', async ({ field, input }) => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectFieldError(
      callerFor(t.db, users.owner.id).invitations.create(invalid({ orgSlug: org.slug, ...input })),
      field,
    );
    expect(await callerFor(t.db, users.owner.id).invitations.list({ orgSlug: org.slug })).toEqual(
      [],
    );
  });

  it('create is NOT_FOUND for another organization’s owner and UNAUTHORIZED signed out', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const input = { orgSlug: a.org.slug, role: 'admin' as const, expiresInDays: 7 };
    await expectCode(callerFor(t.db, b.users.owner.id).invitations.create(input), 'NOT_FOUND');
    await expectCode(callerFor(t.db, null).invitations.create(input), 'UNAUTHORIZED');
    expect(
      await callerFor(t.db, a.users.owner.id).invitations.list({ orgSlug: a.org.slug }),
    ).toEqual([]);
  });

  // ---- invitations.list ---------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: managers.has(role) })))(
    'list by $role: allowed = $ok',
    async ({ role, ok }) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      await callerFor(t.db, users.owner.id).invitations.create({
        orgSlug: org.slug,
        role: 'viewer',
        expiresInDays: 7,
      });
      const call = callerFor(t.db, users[role].id).invitations.list({ orgSlug: org.slug });
      if (ok) expect(await call).toHaveLength(1);
      else await expectCode(call, 'FORBIDDEN');
    },
  );

  it('list shows this organization’s invitations newest first, without secrets, and not another’s', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const owner = callerFor(t.db, a.users.owner.id).invitations;
    const first = await owner.create({ orgSlug: a.org.slug, role: 'viewer', expiresInDays: 7 });
    const second = await callerFor(t.db, a.users.admin.id).invitations.create({
      orgSlug: a.org.slug,
      role: 'lead',
      expiresInDays: 7,
    });
    await callerFor(t.db, b.users.owner.id).invitations.create({
      orgSlug: b.org.slug,
      role: 'admin',
      expiresInDays: 7,
    });

    const list = await owner.list({ orgSlug: a.org.slug });
    expect(list.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({
      role: 'lead',
      email: null,
      acceptedAt: null,
      revokedAt: null,
      createdByName: a.users.admin.name,
    });
    for (const row of list) expect(Object.keys(row)).not.toContain('tokenHash');
    await expectCode(
      callerFor(t.db, b.users.owner.id).invitations.list({ orgSlug: a.org.slug }),
      'NOT_FOUND',
    );
    await expectCode(
      callerFor(t.db, null).invitations.list({ orgSlug: a.org.slug }),
      'UNAUTHORIZED',
    );
    await expectFieldError(owner.list({ orgSlug: '-bad-' }), 'orgSlug');
  });

  // ---- invitations.revoke -------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: managers.has(role) })))(
    'revoke by $role: allowed = $ok',
    async ({ role, ok }) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      const { id, path } = await callerFor(t.db, users.owner.id).invitations.create({
        orgSlug: org.slug,
        role: 'viewer',
        expiresInDays: 7,
      });
      const call = callerFor(t.db, users[role].id).invitations.revoke({ orgSlug: org.slug, id });
      if (ok) await call;
      else await expectCode(call, 'FORBIDDEN');
      expect((await invitationRow(t.db, org.id, id))?.revokedAt).toEqual(
        ok ? expect.any(Date) : null,
      );
      const preview = await callerFor(t.db, null).invitations.preview({
        orgSlug: org.slug,
        token: tokenOf(path),
      });
      expect(preview.state).toBe(ok ? 'revoked' : 'valid');
    },
  );

  it('revoke twice, or after use, is BAD_REQUEST; an unknown id is NOT_FOUND', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const owner = callerFor(t.db, users.owner.id).invitations;
    const revoked = await owner.create({ orgSlug: org.slug, role: 'viewer', expiresInDays: 7 });
    await owner.revoke({ orgSlug: org.slug, id: revoked.id });
    await expectCode(owner.revoke({ orgSlug: org.slug, id: revoked.id }), 'BAD_REQUEST');

    const used = await owner.create({ orgSlug: org.slug, role: 'viewer', expiresInDays: 7 });
    const joiner = await makeOrgWithRoles(t.db).then((o) => o.users.lead);
    await callerFor(t.db, joiner.id).invitations.accept({
      orgSlug: org.slug,
      token: tokenOf(used.path),
    });
    await expectCode(owner.revoke({ orgSlug: org.slug, id: used.id }), 'BAD_REQUEST');
    expect((await invitationRow(t.db, org.id, used.id))?.revokedAt).toBeNull();

    await expectCode(owner.revoke({ orgSlug: org.slug, id: crypto.randomUUID() }), 'NOT_FOUND');
  });

  it('revoke across tenants is NOT_FOUND and leaves the invitation valid', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const inv = await callerFor(t.db, a.users.owner.id).invitations.create({
      orgSlug: a.org.slug,
      role: 'admin',
      expiresInDays: 7,
    });
    const bOwner = callerFor(t.db, b.users.owner.id).invitations;
    await expectCode(bOwner.revoke({ orgSlug: b.org.slug, id: inv.id }), 'NOT_FOUND');
    await expectCode(bOwner.revoke({ orgSlug: a.org.slug, id: inv.id }), 'NOT_FOUND');
    await expectCode(
      callerFor(t.db, null).invitations.revoke({ orgSlug: a.org.slug, id: inv.id }),
      'UNAUTHORIZED',
    );
    await expectFieldError(
      callerFor(t.db, a.users.owner.id).invitations.revoke({ orgSlug: a.org.slug, id: 'nope' }),
      'id',
    );
    expect((await invitationRow(t.db, a.org.id, inv.id))?.revokedAt).toBeNull();
  });

  it('a restricted invitation’s email is shown by preview', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const email = uniqueEmail('guest');
    const inv = await callerFor(t.db, users.owner.id).invitations.create({
      orgSlug: org.slug,
      role: 'lead',
      email,
      expiresInDays: 2,
    });
    const preview = await callerFor(t.db, null).invitations.preview({
      orgSlug: org.slug,
      token: tokenOf(inv.path),
    });
    expect(preview).toEqual({
      orgName: org.name,
      orgSlug: org.slug,
      role: 'lead',
      email,
      state: 'valid',
      message: null,
    });
  });
});
