import { sql } from 'drizzle-orm';
import type { Db } from './client';

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
