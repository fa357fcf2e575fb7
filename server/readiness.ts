/**
 * Readiness for a load balancer (`GET /api/ready`): the process is not stopping, the database
 * answers and its schema is at least at the last migration this build knows. Bounded in time, so
 * a hung database is a quick 503 rather than a hung probe; the reasons are fixed sentences, never
 * the database's message.
 */
import type { Db } from '@/db/client';
import { LATEST_MIGRATION, newestAppliedMigration } from '@/db/queries/migrations';
import { sqlState } from './db-errors';
import { isDraining } from './lifecycle';

export type Readiness = { ready: true } | { ready: false; reason: string };

export const READY_TIMEOUT_MS = 2_000;

export const NOT_READY = {
  stopping: 'shutting down',
  unreachable: 'database unreachable',
  behind: 'schema behind: run npm run db:migrate',
} as const;

/** SQLSTATEs that mean drizzle's table is missing or not granted: migrations are missing. */
const schemaMissing = new Set(['3F000', '42P01', '42501']);

/**
 * Asks the database (opened by `open`, which may itself hang or fail) for its newest migration.
 * A schema ahead of this build is ready: during an upgrade the database is migrated first and
 * the instances of the previous build keep serving until they are replaced (docs/operations.md).
 */
export async function checkReadiness(
  open: () => Promise<Db>,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<Readiness> {
  // Stopping (decision 0018): the load balancer should send nothing new, whatever the database says.
  if (isDraining()) return { ready: false, reason: NOT_READY.stopping };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const probe = (async (): Promise<Readiness> => {
    try {
      const applied = await newestAppliedMigration(await open());
      return applied !== null && applied >= LATEST_MIGRATION
        ? { ready: true }
        : { ready: false, reason: NOT_READY.behind };
    } catch (error) {
      const code = sqlState(error);
      if (code && schemaMissing.has(code)) return { ready: false, reason: NOT_READY.behind };
      console.warn(`Not ready: ${error instanceof Error ? error.message : String(error)}`);
      return { ready: false, reason: NOT_READY.unreachable };
    }
  })();
  try {
    const result = await Promise.race([probe, timeout]);
    if (result !== 'timeout') return result;
    console.warn(`Not ready: the database did not answer within ${timeoutMs} ms`);
    return { ready: false, reason: NOT_READY.unreachable };
  } finally {
    clearTimeout(timer);
  }
}
