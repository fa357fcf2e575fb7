/**
 * The API's Idempotency-Key records: claimed `in_flight` in a short transaction of their own,
 * marked `done` with the response in the same transaction as the data they describe.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { idempotencyKeys } from '../schema';

/** An `in_flight` key older than this is taken to be abandoned (its request died mid-way). */
export const ABANDONED_AFTER = '5 minutes';
/** How long a key is remembered; after this, the same key starts afresh. */
export const KEPT_FOR = '24 hours';

interface KeyParams {
  orgId: string;
  key: string;
  requestHash: string;
}

/**
 * Claims the key for this request: a new key, an expired one, or one whose request (with the
 * same body) was abandoned. A key another request holds locked right now is skipped, not waited
 * for. Returns false when the key is someone else's to answer.
 */
export async function claimKey(db: Db, p: KeyParams): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ orgId: p.orgId, key: p.key, requestHash: p.requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return true;
  const taken = await rowsOf<{ key: string }>(
    db,
    sql`update ${idempotencyKeys} k
      set request_hash = ${p.requestHash}, status = 'in_flight', response_status = null, response = null, created_at = now()
      where (k.org_id, k.key) in (
        select org_id, key from ${idempotencyKeys}
        where org_id = ${p.orgId} and key = ${p.key}
          and (created_at < now() - ${KEPT_FOR}::interval
            or (status = 'in_flight' and request_hash = ${p.requestHash} and created_at < now() - ${ABANDONED_AFTER}::interval))
        for update skip locked)
      returning k.key`,
  );
  return taken.length > 0;
}

export async function findKey(db: Db, params: { orgId: string; key: string }) {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.status,
      responseStatus: idempotencyKeys.responseStatus,
      response: idempotencyKeys.response,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, params.orgId), eq(idempotencyKeys.key, params.key)))
    .limit(1);
  return row;
}

/** Locks this request's claim for the transaction that does the work; false if it is no longer in flight. */
export async function lockClaim(db: Db, p: KeyParams): Promise<boolean> {
  const rows = await db
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, p.orgId),
        eq(idempotencyKeys.key, p.key),
        eq(idempotencyKeys.requestHash, p.requestHash),
        eq(idempotencyKeys.status, 'in_flight'),
      ),
    )
    .for('update');
  return rows.length > 0;
}

export async function completeKey(
  db: Db,
  p: KeyParams & { responseStatus: number; response: unknown },
) {
  await db
    .update(idempotencyKeys)
    .set({ status: 'done', responseStatus: p.responseStatus, response: p.response })
    .where(
      and(
        eq(idempotencyKeys.orgId, p.orgId),
        eq(idempotencyKeys.key, p.key),
        eq(idempotencyKeys.requestHash, p.requestHash),
      ),
    );
}

/** Forgets a claim whose request failed without writing anything, so the sender may retry the key. */
export async function releaseKey(db: Db, p: KeyParams) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, p.orgId),
        eq(idempotencyKeys.key, p.key),
        eq(idempotencyKeys.requestHash, p.requestHash),
        eq(idempotencyKeys.status, 'in_flight'),
      ),
    );
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
