import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { signInFailures, users } from '../schema';

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user;
}

export async function findUserById(db: Db, id: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user;
}

export async function insertUser(
  db: Db,
  values: { name: string; email: string; passwordHash: string },
) {
  const [user] = await db
    .insert(users)
    .values(values)
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!user) throw new Error('insert into users returned nothing');
  return user;
}

/**
 * Inserts the user unless the email is taken, also by a concurrent sign-up that has not committed
 * yet (ON CONFLICT waits for it). Returns the new user, or undefined if the email is taken.
 */
export async function insertUserUnlessEmailTaken(
  db: Db,
  values: { name: string; email: string; passwordHash: string },
) {
  const [user] = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, name: users.name, email: users.email });
  return user;
}

export async function countFailuresSince(db: Db, key: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${signInFailures.at})` })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, since)));
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Records one failure per key (and prunes old ones); returns the new rows' ids. */
export async function recordFailures(db: Db, keys: string[], pruneBefore: Date) {
  const rows = await db
    .insert(signInFailures)
    .values(keys.map((key) => ({ key })))
    .returning({ id: signInFailures.id });
  await db.delete(signInFailures).where(lt(signInFailures.at, pruneBefore));
  return rows.map((r) => r.id);
}

export async function deleteFailures(db: Db, ids: number[]) {
  if (ids.length > 0) await db.delete(signInFailures).where(inArray(signInFailures.id, ids));
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
