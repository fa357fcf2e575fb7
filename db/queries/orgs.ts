import type { Role } from '@/lib/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { liveSessionCte, type SessionCheck } from './sessions';
import { memberships, organizations, users } from '../schema';

export async function findOrgBySlug(db: Db, slug: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return org;
}

export async function slugExists(db: Db, slug: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  return Boolean(row);
}

/**
 * Inserts the organization unless its slug is taken, also by a concurrent insert that has not
 * committed yet (ON CONFLICT waits for it). Returns the new row, or undefined if the slug is taken.
 */
export async function insertOrgUnlessSlugTaken(db: Db, values: { name: string; slug: string }) {
  const [org] = await db
    .insert(organizations)
    .values(values)
    .onConflictDoNothing({ target: organizations.slug })
    .returning();
  return org;
}

export async function renameOrg(db: Db, params: { orgId: string; name: string }) {
  await db
    .update(organizations)
    .set({ name: params.name })
    .where(eq(organizations.id, params.orgId));
}

/** The caller's organizations. Needs a withUser/withTenant transaction (RLS: own memberships). */
export async function listOrgsOfUser(db: Db, userId: string) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/**
 * The door's one statement for a signed-in member: the organization of `slug` and the user's role
 * in it, and, when found, the tenant setting for the rest of the transaction. Runs after
 * `app.user_id` is set (the membership policy lets a user see their own rows). Undefined when there
 * is no such organization or the user is not a member: the caller cannot tell the two apart.
 */
/**
 * The door's statement (server/tenant.ts): the caller's live session, the organization of `slug`
 * and the caller's membership in it, in one round trip; the organization is set as the
 * transaction's tenant only when the caller is a member. `undefined`: no live session (signed
 * out, revoked, expired); `org: null`: no such organization, or not a member.
 */
export async function resolveMember(
  db: Db,
  params: { slug: string; session: SessionCheck; staleBefore: Date | null },
) {
  const [row] = await rowsOf<{
    session_id: string;
    id: string | null;
    name: string | null;
    slug: string | null;
    role: Role | null;
  }>(
    db,
    sql`with ${liveSessionCte(params.session, params.staleBefore)}
      select live.id as session_id,
        case when m.role is null then null else set_config('app.org_id', o.id::text, true) end as id,
        o.name, o.slug, m.role
      from live
      left join ${organizations} o on o.slug = ${params.slug}
      left join ${memberships} m on m.org_id = o.id and m.user_id = ${params.session.userId}`,
  );
  if (!row) return undefined;
  const org =
    row.id && row.name && row.slug && row.role
      ? { id: row.id, name: row.name, slug: row.slug, role: row.role }
      : null;
  return { sessionId: row.session_id, org };
}

export async function findMembership(db: Db, params: { orgId: string; userId: string }) {
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, params.orgId), eq(memberships.userId, params.userId)))
    .limit(1);
  return m;
}

export async function insertMembership(
  db: Db,
  values: { orgId: string; userId: string; role: Role },
) {
  await db.insert(memberships).values(values);
}

export async function listMembers(db: Db, orgId: string) {
  return db
    .select({
      userId: memberships.userId,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

/** Locks the organization's owner rows for the rest of the transaction and counts them. */
export async function lockOwners(db: Db, orgId: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')))
    .for('update');
  return rows.length;
}

export async function updateMemberRole(
  db: Db,
  params: { orgId: string; userId: string; role: Role },
) {
  await db
    .update(memberships)
    .set({ role: params.role })
    .where(and(eq(memberships.orgId, params.orgId), eq(memberships.userId, params.userId)));
}

export async function deleteMembership(db: Db, params: { orgId: string; userId: string }) {
  await db
    .delete(memberships)
    .where(and(eq(memberships.orgId, params.orgId), eq(memberships.userId, params.userId)));
}

export async function setTenant(db: Db, orgId: string) {
  await db.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
}
