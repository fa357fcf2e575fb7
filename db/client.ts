import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireFolderLock } from './lock';

export type Schema = typeof schema;
/** One Drizzle type over both drivers: postgres.js and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** The non-owner role every app query runs as; row-level security applies to it. */
export const APP_ROLE = 'valuestream_app';
/** How the listening connection (DATABASE_LISTEN_URL) shows in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = 'valuestream listen';
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
/** The advisory lock Postgres migrations run under: hashtextextended('valuestream:migrations', 0). */
const MIGRATION_LOCK = '6654485616698899519';

export interface DatabaseHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** True when this open created a new embedded database (so it may want demo data). */
  created: boolean;
  close(): Promise<void>;
  /**
   * Postgres only: hears `NOTIFY channel` from every connection, on a connection of its own;
   * `onConnect` runs when listening starts and again after every reconnection (notifications sent
   * meanwhile are lost). The embedded database has one process, which needs no telling.
   */
  listen?(
    channel: string,
    onMessage: (payload: string) => void,
    onConnect: () => void,
  ): Promise<void>;
}

export interface OpenOptions {
  /**
   * postgres:// URL the app connects with; without it, PGlite is used. Its user should be APP_ROLE,
   * which owns nothing. Another user (an owner, in development) is switched to APP_ROLE on connect.
   */
  url?: string;
  /** postgres:// URL of the tables' owner, for migrations; defaults to `url`. */
  migrationUrl?: string;
  /**
   * postgres:// URL of a direct connection for LISTEN alone (PgBouncer in transaction pooling
   * cannot hold a LISTEN); defaults to `url`.
   */
  listenUrl?: string;
  /**
   * Named prepared statements (postgres.js's default). `false` behind PgBouncer in transaction
   * pooling when it cannot keep them (before 1.21, or max_prepared_statements = 0).
   */
  prepare?: boolean;
  /** PGlite folder; omit (with no url) for an in-memory database. */
  dataDir?: string;
  /** Apply the committed migrations before returning (as the connecting, owning user). */
  migrate?: boolean;
}

/**
 * Opens a database and returns a Drizzle handle whose every query runs as APP_ROLE.
 * Migrations, when asked for, run first as the connecting user, who owns the tables.
 */
export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  return opts.url
    ? openPostgres(opts.url, opts.migrate ? (opts.migrationUrl ?? opts.url) : null, {
        listenUrl: opts.listenUrl ?? opts.url,
        prepare: opts.prepare ?? true,
      })
    : openPglite(opts.dataDir, opts.migrate ?? false);
}

/** Whether a postgres:// URL logs in as the app's role. */
export function logsInAsAppRole(url: string): boolean {
  return decodeURIComponent(new URL(url).username) === APP_ROLE;
}

async function openPostgres(
  url: string,
  migrationUrl: string | null,
  opts: { listenUrl: string; prepare: boolean },
): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  if (migrationUrl) {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    // One connection, holding a session advisory lock while it migrates: an instance starting at
    // the same moment waits, then finds nothing left to apply (instead of racing to create tables).
    const owner = postgres(migrationUrl, { max: 1, onnotice: () => {} });
    try {
      await owner`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await run(drizzle(owner), { migrationsFolder: MIGRATIONS_FOLDER });
      await owner`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await owner.end(); // ending the session releases the lock in any case
    }
  }
  // Logged in as the app's role, the connection is that role and nothing more. Logged in as
  // another user (development's `postgres`), the role is a start-up parameter, so every pooled
  // connection is APP_ROLE from its first query; production refuses that (server/db.ts), and
  // PgBouncer refuses the parameter, so behind it the app logs in as its role.
  const asAppRole = (u: string) => (logsInAsAppRole(u) ? {} : { connection: { role: APP_ROLE } });
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    prepare: opts.prepare,
    ...asAppRole(url),
  });
  // LISTEN holds its session: through PgBouncer in transaction pooling it needs a direct
  // connection of its own (one per process, opened when listening starts).
  const listener =
    opts.listenUrl === url
      ? client
      : postgres(opts.listenUrl, {
          max: 1,
          onnotice: () => {},
          connection: {
            application_name: LISTEN_APPLICATION_NAME,
            ...(logsInAsAppRole(opts.listenUrl) ? {} : { role: APP_ROLE }),
          },
        });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    created: false,
    // Queries in flight get 5 s to finish; a connection attempt that never completes must not
    // hold the stop.
    close: async () => {
      await Promise.all([
        client.end({ timeout: 5 }),
        listener === client ? null : listener.end({ timeout: 5 }),
      ]);
    },
    listen: async (channel, onMessage, onConnect) => {
      await listener.listen(channel, onMessage, onConnect);
    },
  };
}

async function openPglite(dataDir: string | undefined, migrate: boolean): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = () => {};
  let created = true;
  if (dataDir) {
    const dir = path.resolve(dataDir);
    created = !fs.existsSync(path.join(dir, 'PG_VERSION'));
    fs.mkdirSync(dir, { recursive: true });
    release = acquireFolderLock(dir);
  }
  try {
    const client = new PGlite(dataDir ? path.resolve(dataDir) : undefined);
    await client.waitReady;
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    }
    // PGlite is a single session: switch it to the app role once, for good.
    await client.exec(`SET ROLE ${APP_ROLE}`);
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      driver: 'pglite',
      created,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
