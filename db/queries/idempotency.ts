/**
 * The API's Idempotency-Key records. A request holds a transaction-scoped advisory lock on its
 * key while it works, and stores its response in the same transaction as the data it describes:
 * a request that dies, or whose connection is cut, leaves nothing behind but a free key.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { idempotencyKeys } from '../schema';

/** How long a key is remembered; after this, the same key starts afresh. */
export const KEPT_FOR = '24 hours';

interface KeyRef {
  orgId: string;
  key: string;
}

/**
 * Takes the key's lock for the rest of the transaction, without waiting: false when another
 * request with the same key is being processed right now. The lock is a 64-bit hash of the
 * organization id (a fixed 36 characters) and the key: two keys share one by a chance in 2^64.
 */
export async function lockKey(db: Db, p: KeyRef): Promise<boolean> {
  const [row] = await rowsOf<{ locked: boolean }>(
    db,
    sql`select pg_try_advisory_xact_lock(hashtextextended(${`${p.orgId}:${p.key}`}, 0)) as locked`,
  );
  return row?.locked === true;
}

/** The key's stored answer, unless it is older than a day (then the key starts afresh). */
export async function findKey(db: Db, p: KeyRef) {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      responseStatus: idempotencyKeys.responseStatus,
      response: idempotencyKeys.response,
    })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, p.orgId),
        eq(idempotencyKeys.key, p.key),
        sql`${idempotencyKeys.createdAt} >= now() - ${KEPT_FOR}::interval`,
      ),
    )
    .limit(1);
  return row;
}

/** Stores the answer of the request that did the work (over an expired record of the same key). */
export async function saveKey(
  db: Db,
  p: KeyRef & { requestHash: string; responseStatus: number; response: string },
) {
  await db
    .insert(idempotencyKeys)
    .values(p)
    .onConflictDoUpdate({
      target: [idempotencyKeys.orgId, idempotencyKeys.key],
      set: {
        requestHash: p.requestHash,
        responseStatus: p.responseStatus,
        response: p.response,
        createdAt: sql`now()`,
      },
    });
}

/** Deletes the organization's keys older than a day; returns how many. */
export async function pruneKeys(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, orgId),
        sql`${idempotencyKeys.createdAt} < now() - ${KEPT_FOR}::interval`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
