/**
 * Least privilege at the database (issue 11, finding 10): the app's role owns nothing, logs in as
 * itself, cannot create anything, and can change a person or an organization only where the
 * transaction names them, and only the columns the app needs.
 */
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { APP_ROLE } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { organizations, users } from '@/db/schema';
import { withTenant, withUser } from '@/db/tenant';
import { expectSqlState } from './errors';
import { forEachDriver, makeOrgWithRoles, makeUser } from './harness';

const NO_PRIVILEGE = '42501'; // insufficient_privilege

forEachDriver('database privileges', (t) => {
  it('the app runs as its own role, which is no superuser, bypasses no policy and owns nothing', async () => {
    const [me] = await rowsOf<{
      current: string;
      session: string;
      superuser: boolean;
      bypassrls: boolean;
      owned: number;
    }>(
      t.db,
      sql`select current_user as current, session_user as session, r.rolsuper as superuser,
                 r.rolbypassrls as bypassrls,
                 (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
          from pg_roles r where r.rolname = current_user`,
    );
    expect(me).toMatchObject({ current: APP_ROLE, superuser: false, bypassrls: false, owned: 0 });
    // On Postgres the app logs in as the role itself; PGlite is one superuser session switched to it.
    if (t.driver === 'postgres') expect(me?.session).toBe(APP_ROLE);
  });

  it('cannot create tables or functions, nor switch back to a more powerful role', async () => {
    await expectSqlState(t.db.execute(sql`create table intruder (id int)`), NO_PRIVILEGE);
    await expectSqlState(
      t.db.execute(sql`create function intruder() returns int language sql as 'select 1'`),
      NO_PRIVILEGE,
    );
    if (t.driver === 'postgres')
      await expectSqlState(t.db.execute(sql`set role postgres`), NO_PRIVILEGE);
  });

  it("changes a person's password only in a transaction that names that person", async () => {
    const alice = await makeUser(t.db, { name: 'Alice' });
    const mallory = await makeUser(t.db, { name: 'Mallory' });
    const hashOf = async (id: string) =>
      (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0]?.h;
    const before = await hashOf(alice.id);

    // Outside any transaction that names a person, and as someone else: nothing changes.
    const outside = await t.db
      .update(users)
      .set({ passwordHash: 'stolen' })
      .where(eq(users.id, alice.id))
      .returning({ id: users.id });
    expect(outside).toEqual([]);
    const asMallory = await withUser(t.db, mallory.id, (tx) =>
      tx
        .update(users)
        .set({ passwordHash: 'stolen' })
        .where(eq(users.id, alice.id))
        .returning({ id: users.id }),
    );
    expect(asMallory).toEqual([]);
    expect(await hashOf(alice.id)).toBe(before);

    // Alice herself can.
    const own = await withUser(t.db, alice.id, (tx) =>
      tx
        .update(users)
        .set({ passwordHash: 'new-hash' })
        .where(eq(users.id, alice.id))
        .returning({ id: users.id }),
    );
    expect(own).toEqual([{ id: alice.id }]);
    expect(await hashOf(alice.id)).toBe('new-hash');
  });

  it("cannot change a person's email or id, even their own", async () => {
    const alice = await makeUser(t.db);
    await expectSqlState(
      withUser(t.db, alice.id, (tx) =>
        tx.update(users).set({ email: 'taken@example.com' }).where(eq(users.id, alice.id)),
      ),
      NO_PRIVILEGE,
    );
  });

  it('renames an organization only inside its own tenant transaction, and nothing else of it', async () => {
    const mine = await makeOrgWithRoles(t.db, { name: 'Mine' });
    const theirs = await makeOrgWithRoles(t.db, { name: 'Theirs' });
    const rename = (orgId: string, target: string) =>
      withTenant(t.db, { orgId }, (tx) =>
        tx
          .update(organizations)
          .set({ name: 'Renamed' })
          .where(eq(organizations.id, target))
          .returning({ id: organizations.id }),
      );
    expect(await rename(mine.org.id, theirs.org.id)).toEqual([]);
    expect(
      await t.db
        .update(organizations)
        .set({ name: 'Renamed' })
        .where(eq(organizations.id, theirs.org.id))
        .returning({ id: organizations.id }),
    ).toEqual([]);
    expect(await rename(mine.org.id, mine.org.id)).toEqual([{ id: mine.org.id }]);
    const names = await t.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(sql`${organizations.id} in (${mine.org.id}, ${theirs.org.id})`);
    expect(Object.fromEntries(names.map((r) => [r.id, r.name]))).toEqual({
      [mine.org.id]: 'Renamed',
      [theirs.org.id]: 'Theirs',
    });
    await expectSqlState(
      withTenant(t.db, { orgId: mine.org.id }, (tx) =>
        tx.update(organizations).set({ slug: 'hijack' }).where(eq(organizations.id, mine.org.id)),
      ),
      NO_PRIVILEGE,
    );
  });
});
