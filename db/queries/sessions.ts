import { and, asc, eq, gt, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { sessions } from '../schema';

/**
 * What a cookie claims, with the times to judge it by: the session is live when it belongs to the
 * user, has not reached its absolute end, and the secret is its current one, or the one before it
 * if it was replaced after `graceSince`. Every query here runs with `app.user_id` set to the user
 * (row-level security shows no one else's sessions).
 */
export interface SessionCheck {
  userId: string;
  secretHash: string;
  now: Date;
  graceSince: Date;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The condition on `sessions` (aliased `s`) that the session of `check` is live. */
export function liveSession(check: SessionCheck): SQL {
  return sql`s.user_id = ${check.userId} and s.expires_at > ${ts(check.now)}
    and (s.secret_hash = ${check.secretHash}
      or (s.previous_hash = ${check.secretHash} and s.rotated_at > ${ts(check.graceSince)}))`;
}

/**
 * A statement that finds the live session of `check` as `live (id)` and, when it was last seen
 * before `staleBefore`, records it as seen now (at most one write in a while, not one a request).
 * A row another transaction is touching is skipped, never waited for: the door's statement runs
 * in the tenant transaction, which may hold its row lock for as long as its work takes.
 */
export function liveSessionCte(check: SessionCheck, staleBefore: Date | null): SQL {
  // On a read-only transaction (the replica) the session is only read, never marked seen.
  if (!staleBefore)
    return sql`live as (select s.id, s.last_seen_at from ${sessions} s where ${liveSession(check)})`;
  return sql`live as (
      select s.id, s.last_seen_at from ${sessions} s where ${liveSession(check)}
    ), touched as (
      update ${sessions} set last_seen_at = ${ts(check.now)}
      where id in (
        select t.id from ${sessions} t
        where t.id in (select id from live where last_seen_at < ${ts(staleBefore)})
        for update skip locked
      )
      returning id
    )`;
}

/** The id of the live session of `check`, or undefined; marks it seen (see liveSessionCte). */
export async function findLiveSession(db: Db, check: SessionCheck, staleBefore: Date) {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`with ${liveSessionCte(check, staleBefore)} select id from live`,
  );
  return row?.id;
}

export async function insertSession(
  db: Db,
  values: { userId: string; secretHash: string; now: Date; expiresAt: Date; userAgent: string },
) {
  const { now, ...rest } = values;
  // The user's sessions past their end go as a new one starts: the table keeps only live ones.
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, values.userId), lt(sessions.expiresAt, now)));
  const [row] = await db
    .insert(sessions)
    .values({ ...rest, createdAt: now, lastSeenAt: now, rotatedAt: now })
    .returning({ id: sessions.id });
  if (!row) throw new Error('insert into sessions returned nothing');
  return row.id;
}

/**
 * Replaces the session's secret `currentHash` by `nextHash`, keeping the current one as the
 * previous (accepted for the grace). True when the session now has `nextHash`: replaced here, or
 * already by a request racing this one (the next secret is derived from the current one, so both
 * arrive at the same). False when the session has ended.
 */
export async function rotateSessionSecret(
  db: Db,
  params: { userId: string; currentHash: string; nextHash: string; now: Date },
) {
  const rotated = await db
    .update(sessions)
    .set({ previousHash: params.currentHash, secretHash: params.nextHash, rotatedAt: params.now })
    .where(
      and(
        eq(sessions.userId, params.userId),
        eq(sessions.secretHash, params.currentHash),
        gt(sessions.expiresAt, params.now),
      ),
    )
    .returning({ id: sessions.id });
  if (rotated.length > 0) return true;
  const [already] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, params.userId),
        eq(sessions.secretHash, params.nextHash),
        eq(sessions.previousHash, params.currentHash),
        gt(sessions.expiresAt, params.now),
      ),
    );
  return Boolean(already);
}

/** Ends the session whose current or previous secret is `secretHash`. */
export async function deleteSessionBySecret(
  db: Db,
  params: { userId: string; secretHash: string },
) {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, params.userId),
        or(
          eq(sessions.secretHash, params.secretHash),
          eq(sessions.previousHash, params.secretHash),
        ),
      ),
    );
}

/** Ends every session of the user, or every one but `keepId`. Returns how many ended. */
export async function deleteSessionsOf(db: Db, params: { userId: string; keepId?: string }) {
  const rows = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, params.userId),
        params.keepId ? ne(sessions.id, params.keepId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** The user's sessions that have not reached their end, oldest first. */
export function listSessionsOf(db: Db, params: { userId: string; now: Date }) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, params.userId), gt(sessions.expiresAt, params.now)))
    .orderBy(asc(sessions.createdAt), asc(sessions.id));
}
