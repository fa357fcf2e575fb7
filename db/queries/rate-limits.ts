import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimitHits } from '../schema';

/** Records one hit per key at `at` (and prunes rows older than `pruneBefore`); returns their ids. */
export async function recordHits(db: Db, keys: string[], at: Date, pruneBefore: Date) {
  const rows = await db
    .insert(rateLimitHits)
    .values(keys.map((key) => ({ key, at })))
    .returning({ id: rateLimitHits.id });
  await db.delete(rateLimitHits).where(lt(rateLimitHits.at, pruneBefore));
  return rows.map((r) => r.id);
}

/** The hits under `key` since `since`: how many, and when the oldest of them was. */
export async function countHitsSince(db: Db, key: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${rateLimitHits.at})` })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.key, key), gte(rateLimitHits.at, since)));
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function deleteHits(db: Db, ids: number[]) {
  if (ids.length > 0) await db.delete(rateLimitHits).where(inArray(rateLimitHits.id, ids));
}

export async function clearHits(db: Db, key: string) {
  await db.delete(rateLimitHits).where(eq(rateLimitHits.key, key));
}
