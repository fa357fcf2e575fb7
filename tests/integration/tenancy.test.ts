/**
 * Tenant isolation at the database: row-level security, checked through the app's own handle
 * (which runs as the app role), not through the services that are supposed to use it well.
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { APP_ROLE, type Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { invitations, memberships } from '@/db/schema';
import { withTenant, withUser } from '@/db/tenant';
import { expectSqlState } from './errors';
import { forEachDriver, makeOrgWithRoles, makeUser, rolesIn, type TestOrg } from './harness';

const RLS_REFUSED = '42501'; // insufficient_privilege: "new row violates row-level security policy"

async function invite(db: Db, { org, users }: TestOrg) {
  return withTenant(db, { orgId: org.id }, async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        orgId: org.id,
        role: 'viewer',
        tokenHash: crypto.randomBytes(32).toString('hex'),
        createdBy: users.owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    if (!row) throw new Error('no invitation inserted');
    return row;
  });
}

forEachDriver('tenancy', (t) => {
  it('every table with an org_id column has row-level security enabled and forced, with a tenant policy', async () => {
    const tables = await rowsOf<{ name: string; enabled: boolean; forced: boolean }>(
      t.db,
      sql`select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          where a.attname = 'org_id' and not a.attisdropped and n.nspname = 'public' and c.relkind in ('r', 'p')
          order by 1`,
    );
    expect(tables.map((r) => r.name)).toEqual(
      expect.arrayContaining(['invitations', 'memberships']),
    );
    for (const table of tables)
      expect(table, table.name).toMatchObject({ enabled: true, forced: true });

    const policies = await rowsOf<{ name: string; qual: string | null; check: string | null }>(
      t.db,
      sql`select tablename as name, qual, with_check as check from pg_policies where schemaname = 'public' and cmd = 'ALL'`,
    );
    for (const { name } of tables) {
      const tenantPolicy = policies.find(
        (p) => p.name === name && p.qual?.includes('app.org_id') && p.check?.includes('app.org_id'),
      );
      expect(
        tenantPolicy,
        `${name} needs a policy on app.org_id for reads and writes`,
      ).toBeDefined();
    }
  });

  it('the app runs as a role that is no superuser, cannot bypass RLS and owns no table', async () => {
    const [me] = await rowsOf<{ user: string; superuser: boolean; bypassrls: boolean }>(
      t.db,
      sql`select current_user as user, r.rolsuper as superuser, r.rolbypassrls as bypassrls from pg_roles r where r.rolname = current_user`,
    );
    expect(me).toEqual({ user: APP_ROLE, superuser: false, bypassrls: false });

    const owned = await rowsOf<{ name: string }>(
      t.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'USAGE')`,
    );
    expect(owned).toEqual([]);
  });

  it('outside a tenant transaction, tenant tables show nothing and refuse writes', async () => {
    const org = await makeOrgWithRoles(t.db);
    const inv = await invite(t.db, org);
    expect(Object.keys(await rolesIn(t.db, org.org.id))).toHaveLength(4); // the rows are there...

    expect(await t.db.select().from(memberships)).toEqual([]); // ...but not out here
    expect(await t.db.select().from(invitations)).toEqual([]);
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.org.id))).toEqual(
      [],
    );

    const stranger = await makeUser(t.db);
    await expectSqlState(
      t.db.insert(memberships).values({ orgId: org.org.id, userId: stranger.id, role: 'owner' }),
      RLS_REFUSED,
    );
    expect(await t.db.update(memberships).set({ role: 'viewer' }).returning()).toEqual([]);
    expect(await t.db.delete(invitations).returning()).toEqual([]);

    expect((await rolesIn(t.db, org.org.id))[org.users.owner.id]).toBe('owner');
    expect(await rolesIn(t.db, org.org.id)).not.toHaveProperty(stranger.id);
    const [still] = await withTenant(t.db, { orgId: org.org.id }, (tx) =>
      tx.select().from(invitations).where(eq(invitations.id, inv.id)),
    );
    expect(still?.id).toBe(inv.id);
  });

  it('inside organization A’s transaction, B’s rows are invisible and cannot be written', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const bInvitation = await invite(t.db, b);
    const bBefore = await rolesIn(t.db, b.org.id);

    await withTenant(t.db, { orgId: a.org.id }, async (tx) => {
      const visible = await tx.select().from(memberships);
      expect(new Set(visible.map((m) => m.orgId))).toEqual(new Set([a.org.id]));
      expect(visible).toHaveLength(4);
      expect(await tx.select().from(memberships).where(eq(memberships.orgId, b.org.id))).toEqual(
        [],
      );
      expect(await tx.select().from(invitations).where(eq(invitations.orgId, b.org.id))).toEqual(
        [],
      );
      expect(
        await tx
          .update(memberships)
          .set({ role: 'viewer' })
          .where(eq(memberships.orgId, b.org.id))
          .returning(),
      ).toEqual([]);
      expect(
        await tx.delete(memberships).where(eq(memberships.orgId, b.org.id)).returning(),
      ).toEqual([]);
      expect(
        await tx.delete(invitations).where(eq(invitations.id, bInvitation.id)).returning(),
      ).toEqual([]);
    });

    const outsider = await makeUser(t.db);
    const asA = <T>(fn: (tx: Db) => Promise<T>) =>
      withTenant(t.db, { orgId: a.org.id, userId: a.users.owner.id }, fn);
    // Writing a row with B's id, or moving one of A's rows to B: refused by the policy's WITH CHECK.
    await expectSqlState(
      asA((tx) =>
        tx.insert(memberships).values({ orgId: b.org.id, userId: outsider.id, role: 'owner' }),
      ),
      RLS_REFUSED,
    );
    await expectSqlState(
      asA((tx) =>
        tx
          .insert(invitations)
          .values({ ...bInvitation, id: crypto.randomUUID(), tokenHash: 'x'.repeat(64) }),
      ),
      RLS_REFUSED,
    );
    await expectSqlState(
      asA((tx) =>
        tx
          .update(memberships)
          .set({ orgId: b.org.id })
          .where(eq(memberships.userId, a.users.viewer.id)),
      ),
      RLS_REFUSED,
    );

    expect(await rolesIn(t.db, b.org.id)).toEqual(bBefore);
    expect(Object.keys(await rolesIn(t.db, a.org.id))).toHaveLength(4);
    const [stillThere] = await withTenant(t.db, { orgId: b.org.id }, (tx) =>
      tx.select().from(invitations).where(eq(invitations.id, bInvitation.id)),
    );
    expect(stillThere?.id).toBe(bInvitation.id);
  });

  it('the tenant setting ends with its transaction, also when the transaction fails', async () => {
    const org = await makeOrgWithRoles(t.db);
    await withTenant(t.db, { orgId: org.org.id }, async (tx) =>
      expect(await tx.select().from(memberships)).toHaveLength(4),
    );
    expect(await t.db.select().from(memberships)).toEqual([]);

    await expect(
      withTenant(t.db, { orgId: org.org.id }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.select().from(memberships)).toEqual([]);
    const [setting] = await rowsOf<{ org: string | null }>(
      t.db,
      sql`select nullif(current_setting('app.org_id', true), '') as org`,
    );
    expect(setting?.org ?? null).toBeNull();
  });

  it('withUser shows a user their own memberships in every organization, and no one else’s', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    await withTenant(t.db, { orgId: b.org.id }, (tx) =>
      tx.insert(memberships).values({ orgId: b.org.id, userId: a.users.lead.id, role: 'viewer' }),
    );

    const seen = await withUser(t.db, a.users.lead.id, (tx) => tx.select().from(memberships));
    expect(seen.map((m) => [m.orgId, m.userId, m.role]).sort()).toEqual(
      [
        [a.org.id, a.users.lead.id, 'lead'],
        [b.org.id, a.users.lead.id, 'viewer'],
      ].sort(),
    );
    // The self policy only reads: it lets the user change nothing.
    await expectSqlState(
      withUser(t.db, a.users.lead.id, (tx) =>
        tx
          .insert(memberships)
          .values({ orgId: a.org.id, userId: a.users.viewer.id, role: 'owner' }),
      ),
      RLS_REFUSED,
    );
    expect(
      await withUser(t.db, a.users.lead.id, (tx) =>
        tx
          .update(memberships)
          .set({ role: 'owner' })
          .where(eq(memberships.userId, a.users.lead.id))
          .returning(),
      ),
    ).toEqual([]);
    expect((await rolesIn(t.db, a.org.id))[a.users.lead.id]).toBe('lead');
  });
});
