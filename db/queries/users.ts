import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

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

export async function findPasswordHash(db: Db, id: string) {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user?.passwordHash;
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

/** The new hash of the user's password. Row-level security lets only the user themself (app.user_id). */
export async function updatePasswordHash(db: Db, params: { userId: string; passwordHash: string }) {
  const rows = await db
    .update(users)
    .set({ passwordHash: params.passwordHash })
    .where(eq(users.id, params.userId))
    .returning({ id: users.id });
  return rows.length === 1;
}
