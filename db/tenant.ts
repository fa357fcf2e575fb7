import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { rowsOf } from './rows';

export interface TenantScope {
  orgId: string;
  /** The signed-in user, when there is one: lets them read their own memberships. */
  userId?: string;
}

/**
 * Runs `fn` in a transaction that row-level security scopes to one organization.
 * Every read and write of a tenant table must happen inside one of these; outside,
 * tenant tables show nothing and refuse every write.
 */
export function withTenant<T>(db: Db, scope: TenantScope, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.org_id', ${scope.orgId}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`,
    );
    return fn(tx as unknown as Db);
  });
}

/** A transaction that only lets a user read their own memberships (no organization set). */
export function withUser<T>(db: Db, userId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return fn(tx as unknown as Db);
  });
}

/**
 * Opens a read-only transaction for `userId` (as `withUser` does) on a replica and reads, in the
 * same statement, how far the replica has replayed the primary's WAL (null: not a replica).
 */
export function withUserOnReplica<T>(
  db: Db,
  userId: string,
  fn: (tx: Db, replayed: string | null) => Promise<T>,
): Promise<T> {
  return db.transaction(
    async (tx) => {
      const [row] = await rowsOf<{ replayed: string | null }>(
        tx as unknown as Db,
        sql`select set_config('app.user_id', ${userId}, true), pg_last_wal_replay_lsn()::text as replayed`,
      );
      return fn(tx as unknown as Db, row?.replayed ?? null);
    },
    { accessMode: 'read only' },
  );
}
