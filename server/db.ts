import type { Db } from '@/db/client';
import { APP_ROLE, logsInAsAppRole, openDatabase } from '@/db/client';
import { DEMO_WARNING, env, seedsDemo } from '@/lib/env';
import { DATA_CHANNEL, dataChanged, everythingChanged } from './dashboard-cache';
import { closeOnStop } from './lifecycle';

const cache = globalThis as typeof globalThis & { __valuestreamDb?: Promise<Db> };

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

async function open(): Promise<Db> {
  const e = env();
  // Production connects as the app's role, which owns nothing and may do only what it was granted.
  if (e.DATABASE_URL && e.NODE_ENV === 'production' && !logsInAsAppRole(e.DATABASE_URL)) {
    throw new Error(
      `DATABASE_URL must log in as ${APP_ROLE} in production (the tables' owner migrates, ` +
        'by npm run db:migrate with DATABASE_MIGRATION_URL): see docs/decisions/0016-database-privileges.md',
    );
  }
  const handle = await openDatabase({
    url: e.DATABASE_URL,
    migrationUrl: e.DATABASE_MIGRATION_URL,
    listenUrl: e.DATABASE_LISTEN_URL,
    prepare: e.DATABASE_PREPARE === 'true',
    dataDir: e.DATABASE_URL ? undefined : e.PGLITE_DIR,
    migrate: !e.DATABASE_URL || e.NODE_ENV !== 'production',
  });
  // A clean stop (scripts/start.mjs) shuts PGlite down or drains the Postgres pool.
  closeOnStop(handle.close);
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
