import type { Db } from '@/db/client';
import { APP_ROLE, logsInAsAppRole, openDatabase } from '@/db/client';
import { DEMO_WARNING, env, seedsDemo } from '@/lib/env';
import { walPosition } from '@/db/queries/replication';
import { DATA_CHANNEL, dataChanged, everythingChanged, watchPrimary } from './dashboard-cache';
import { closeOnStop } from './lifecycle';
import { replicaInUse } from './replica';

const cache = globalThis as typeof globalThis & {
  __valuestreamDb?: Promise<Db>;
  __valuestreamReadDb?: Promise<Db>;
  __valuestreamReadClose?: () => Promise<void>;
};

/**
 * How long a clean stop waits for the replica's pool: postgres.js's end() may never resolve once a
 * transaction failed on a connection the replica had closed (seen when the replica restarts).
 */
const REPLICA_CLOSE_MS = 5_000;

/**
 * The app's database, opened on first use (never at import, so builds stay away from it) and
 * cached on globalThis so hot reloads and route bundles share one PGlite instance.
 * The embedded database migrates on open and, in development (SEED_DEMO), gets demo data the
 * first time it is created;
 * a Postgres server migrates on open in development, by `npm run db:migrate` in production.
 */
export function getDb(): Promise<Db> {
  cache.__valuestreamDb ??= open().catch((error: unknown) => {
    cache.__valuestreamDb = undefined;
    throw error;
  });
  return cache.__valuestreamDb;
}

/**
 * The replica dashboards read from (DATABASE_READ_URL), opened on first use; null without one.
 * It is a hot standby of DATABASE_URL's database: same tables, roles and row-level security.
 */
export function getReadDb(): Promise<Db | null> {
  const url = env().DATABASE_READ_URL;
  if (!url) return Promise.resolve(null);
  cache.__valuestreamReadDb ??= openReplica(url).catch((error: unknown) => {
    cache.__valuestreamReadDb = undefined;
    throw error;
  });
  return cache.__valuestreamReadDb;
}

async function openReplica(url: string): Promise<Db> {
  refuseOwnerInProduction('DATABASE_READ_URL', url);
  // The primary first: its writes record their WAL position only once it knows of the replica.
  await getDb();
  const handle = await openDatabase({ url, prepare: env().DATABASE_PREPARE === 'true' });
  cache.__valuestreamReadClose = () =>
    Promise.race([
      handle.close(),
      new Promise<void>((done) => setTimeout(done, REPLICA_CLOSE_MS).unref()),
    ]);
  return handle.db;
}

/** Production connects as the app's role, which owns nothing and may do only what it was granted. */
function refuseOwnerInProduction(name: string, url: string | undefined) {
  if (url && env().NODE_ENV === 'production' && !logsInAsAppRole(url)) {
    throw new Error(
      `${name} must log in as ${APP_ROLE} in production (the tables' owner migrates, ` +
        'by npm run db:migrate with DATABASE_MIGRATION_URL): see docs/decisions/0016-database-privileges.md',
    );
  }
}

async function open(): Promise<Db> {
  const e = env();
  refuseOwnerInProduction('DATABASE_URL', e.DATABASE_URL);
  const handle = await openDatabase({
    url: e.DATABASE_URL,
    migrationUrl: e.DATABASE_MIGRATION_URL,
    listenUrl: e.DATABASE_LISTEN_URL,
    prepare: e.DATABASE_PREPARE === 'true',
    dataDir: e.DATABASE_URL ? undefined : e.PGLITE_DIR,
    migrate: !e.DATABASE_URL || e.NODE_ENV !== 'production',
  });
  // A clean stop (scripts/start.mjs) shuts PGlite down or drains the Postgres pool (and the
  // replica's, when one was opened).
  closeOnStop(async () => {
    await Promise.all([handle.close(), cache.__valuestreamReadClose?.()]);
  });
  // With a replica, writes record where the primary's WAL was once they committed, for
  // read-your-writes and for the cache (server/replica.ts, server/dashboard-cache.ts).
  if (e.DATABASE_URL && e.DATABASE_READ_URL) {
    replicaInUse(true);
    watchPrimary(() => walPosition(handle.db));
  }
  // Other processes' writes reach this one's dashboard cache (server/dashboard-cache.ts).
  await handle.listen?.(DATA_CHANNEL, dataChanged, everythingChanged);
  // Demo accounts share a published password: a production server gets them only when asked.
  if (handle.created && seedsDemo(e)) {
    if (e.NODE_ENV === 'production') console.warn(DEMO_WARNING);
    const { seed } = await import('@/server/seed');
    await seed(handle.db);
  }
  return handle.db;
}
