import { roles } from '@/lib/domain';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { findOrgBySlug } from '@/db/queries/orgs';
import { organizations } from '@/db/schema';
import { permissionsOf } from '@/server/permissions';
import { expectCode, expectFieldError, invalid } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles, makeUser, randomId, rolesIn } from './harness';

forEachDriver('orgs', (t) => {
  // ---- orgs.mine ----------------------------------------------------------------------------

  it('mine lists exactly the caller’s organizations with their role in each', async () => {
    const a = await makeOrgWithRoles(t.db, { name: `Alpha ${randomId()}` });
    await makeOrgWithRoles(t.db, { name: `Beta ${randomId()}` }); // not theirs
    const { slug } = await callerFor(t.db, a.users.viewer.id).orgs.create({
      name: `Delta ${randomId()}`,
    });

    const mine = await callerFor(t.db, a.users.viewer.id).orgs.mine();
    expect(mine).toEqual([
      { id: a.org.id, name: a.org.name, slug: a.org.slug, role: 'viewer' },
      { id: expect.any(String), name: expect.stringMatching(/^Delta /), slug, role: 'owner' },
    ]);
  });

  it('mine is empty for a user without organizations, and UNAUTHORIZED signed out', async () => {
    const loner = await makeUser(t.db);
    expect(await callerFor(t.db, loner.id).orgs.mine()).toEqual([]);
    await expectCode(callerFor(t.db, null).orgs.mine(), 'UNAUTHORIZED');
  });

  // ---- orgs.create --------------------------------------------------------------------------

  it('create makes the caller its only member, as owner, with a slug from the trimmed name', async () => {
    const user = await makeUser(t.db);
    const id = randomId();
    const { slug } = await callerFor(t.db, user.id).orgs.create({
      name: `  Crème Brûlée ${id}!  `,
    });
    expect(slug).toBe(`creme-brulee-${id}`);
    const org = await findOrgBySlug(t.db, slug);
    expect(org?.name).toBe(`Crème Brûlée ${id}!`);
    if (!org) return;
    expect(await rolesIn(t.db, org.id)).toEqual({ [user.id]: 'owner' });
  });

  it('create gives a second organization of the same name the next free slug', async () => {
    const user = await makeUser(t.db);
    const name = `Acme ${randomId()}`;
    const first = await callerFor(t.db, user.id).orgs.create({ name });
    const second = await callerFor(t.db, user.id).orgs.create({ name });
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it('create never takes a reserved route as a slug', async () => {
    const user = await makeUser(t.db);
    const { slug } = await callerFor(t.db, user.id).orgs.create({ name: 'Admin' });
    expect(slug).toMatch(/^admin-\d+$/);
  });

  it('create with the same name at the same moment gives every caller their own slug', async () => {
    const name = `Rush ${randomId()}`;
    const people = await Promise.all([1, 2, 3].map(() => makeUser(t.db)));
    const slugs = await Promise.all(
      people.map((p) =>
        callerFor(t.db, p.id)
          .orgs.create({ name })
          .then((r) => r.slug),
      ),
    );
    expect(new Set(slugs).size).toBe(3);
    const rows = await t.db.select().from(organizations).where(eq(organizations.name, name));
    expect(rows).toHaveLength(3);
  });

  it('create refuses a bad name on the name field, and UNAUTHORIZED signed out', async () => {
    const user = await makeUser(t.db);
    await expectFieldError(callerFor(t.db, user.id).orgs.create({ name: ' x ' }), 'name');
    await expectFieldError(callerFor(t.db, user.id).orgs.create({ name: 'x'.repeat(81) }), 'name');
    await expectFieldError(callerFor(t.db, user.id).orgs.create(invalid({})), 'name');
    expect(await callerFor(t.db, user.id).orgs.mine()).toEqual([]);
    await expectCode(
      callerFor(t.db, null).orgs.create({ name: `Nope ${randomId()}` }),
      'UNAUTHORIZED',
    );
  });

  // ---- orgs.current -------------------------------------------------------------------------

  it.each(roles)('current tells a %s their role and what it allows', async (role) => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const current = await callerFor(t.db, users[role].id).orgs.current({ orgSlug: org.slug });
    expect(current).toEqual({
      id: org.id,
      name: org.name,
      slug: org.slug,
      role,
      permissions: permissionsOf(role),
    });
    expect(current.permissions.includes('owners:manage')).toBe(role === 'owner');
    expect(current.permissions.includes('members:manage')).toBe(
      role === 'owner' || role === 'admin',
    );
    expect(current.permissions).toContain('org:read');
  });

  it('current is NOT_FOUND for another organization’s member and for an unknown slug', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, b.users.owner.id).orgs.current({ orgSlug: a.org.slug }),
      'NOT_FOUND',
    );
    await expectCode(
      callerFor(t.db, a.users.owner.id).orgs.current({ orgSlug: `no-such-org-${randomId()}` }),
      'NOT_FOUND',
    );
  });

  it('current is UNAUTHORIZED signed out and BAD_REQUEST on orgSlug for a malformed slug', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectCode(callerFor(t.db, null).orgs.current({ orgSlug: org.slug }), 'UNAUTHORIZED');
    await expectFieldError(
      callerFor(t.db, users.owner.id).orgs.current({ orgSlug: 'Not A Slug' }),
      'orgSlug',
    );
    await expectFieldError(
      callerFor(t.db, users.owner.id).orgs.current({ orgSlug: '../etc' }),
      'orgSlug',
    );
  });

  // ---- orgs.rename --------------------------------------------------------------------------

  it.each(roles.map((role) => ({ role, ok: role === 'owner' || role === 'admin' })))(
    'rename by a $role: allowed = $ok',
    async ({ role, ok }) => {
      const { org, users } = await makeOrgWithRoles(t.db);
      const call = callerFor(t.db, users[role].id).orgs.rename({
        orgSlug: org.slug,
        name: '  Renamed Inc  ',
      });
      if (ok) await call;
      else await expectCode(call, 'FORBIDDEN');
      const after = await findOrgBySlug(t.db, org.slug);
      expect(after?.name).toBe(ok ? 'Renamed Inc' : org.name);
      expect(after?.slug).toBe(org.slug); // the address does not move
    },
  );

  it('rename is NOT_FOUND for another organization’s owner, and changes nothing', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, b.users.owner.id).orgs.rename({ orgSlug: a.org.slug, name: 'Hijacked' }),
      'NOT_FOUND',
    );
    expect((await findOrgBySlug(t.db, a.org.slug))?.name).toBe(a.org.name);
  });

  it('rename is UNAUTHORIZED signed out and BAD_REQUEST on name for a bad name', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, null).orgs.rename({ orgSlug: org.slug, name: 'Signed Out' }),
      'UNAUTHORIZED',
    );
    await expectFieldError(
      callerFor(t.db, users.owner.id).orgs.rename({ orgSlug: org.slug, name: 'x' }),
      'name',
    );
    expect((await findOrgBySlug(t.db, org.slug))?.name).toBe(org.name);
  });
});
