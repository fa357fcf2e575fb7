/**
 * Backups and restores of either database (`npm run db:backup` / `npm run db:restore`,
 * docs/operations.md).
 *
 * - Postgres: `pg_dump --format=custom` as the tables' owner, and `pg_restore --clean --if-exists
 *   --no-owner --single-transaction` into an existing database: all or nothing, the objects owned
 *   by the restoring user, the grants and policies to the app's role restored with them (the role
 *   itself is cluster-wide, so it must exist on the target server).
 * - The embedded database: PGlite's own `dumpDataDir()` (a .tar.gz of its folder) and, to restore,
 *   a new folder loaded from it (`loadDataDir`) that then takes the old one's place. The folder's
 *   lock (db/lock.ts) refuses both while a server has the database open.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROLE } from './client';
import { acquireFolderLock } from './lock';

/** A refusal or failure worth showing as is: the scripts print its message and exit 1. */
export class BackupError extends Error {}

const PG_DUMP_MAGIC = 'PGDMP';
const GZIP_MAGIC = [0x1f, 0x8b];

// ---------------------------------------------------------------------------------------------
// Postgres

/** Writes a custom-format dump of the database at `url` (the owner's URL) to `file`. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await writeAtomically(file, (partial) =>
    runTool('pg_dump', ['--format=custom', '--file', partial], url),
  );
}

export interface RestoreOptions {
  /** Postgres: restore although other sessions are connected. PGlite: replace an existing database. */
  force?: boolean;
}

/**
 * Restores `file` (from backupPostgres) into the database at `url`, as that user (the owner),
 * replacing the objects the dump holds, in one transaction. Refuses while other sessions are
 * connected to the database (the app: stop it first) unless `force`.
 */
export async function restorePostgres(
  url: string,
  file: string,
  opts: RestoreOptions = {},
): Promise<void> {
  const head = readHead(file, 5);
  if (head.toString('latin1') !== PG_DUMP_MAGIC) {
    throw new BackupError(
      isGzip(head)
        ? `${file} is a backup of the embedded database: restore it with DATABASE_URL and DATABASE_MIGRATION_URL unset.`
        : `${file} is not a pg_dump custom-format file (npm run db:backup writes one).`,
    );
  }
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [role] = await sql`select 1 from pg_roles where rolname = ${APP_ROLE}`;
    if (!role) {
      throw new BackupError(
        `The role ${APP_ROLE} does not exist on this server (roles are not in a backup): create it ` +
          `first, e.g. CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '…' (docs/operations.md).`,
      );
    }
    const others = await sql<{ usename: string; sessions: number }[]>`
      select usename, count(*)::int as sessions from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
      group by usename order by usename`;
    if (others.length > 0 && !opts.force) {
      const who = others.map((o) => `${o.sessions} as ${o.usename}`).join(', ');
      throw new BackupError(
        `Other sessions are connected to this database (${who}): stop the app first, ` +
          'or pass --force to restore anyway.',
      );
    }
  } finally {
    await sql.end();
  }
  await runTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', file],
    url,
  );
}

/**
 * Runs pg_dump or pg_restore against `url`: the URL names the database (the password goes in
 * PGPASSWORD, off the command line); stderr becomes the error's message.
 */
async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string) {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const stderr: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${target.toString()}`], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} is not installed: install the PostgreSQL client of the server's major version ` +
                'or newer (Debian: apt-get install postgresql-client).',
            )
          : error,
      ),
    );
    child.on('close', resolve);
  });
  if (code === 0) return;
  const message = Buffer.concat(stderr).toString('utf8').trim();
  throw new BackupError(
    /row-level security/.test(message)
      ? `${tool} must run as a user that bypasses row-level security (a superuser, or a role with ` +
          `BYPASSRLS), or it would miss every tenant's rows:\n${message}`
      : `${tool} failed (exit code ${code}):\n${message}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The embedded database (PGlite)

/** Writes a .tar.gz of the embedded database in `dir` to `file`. The server must be stopped. */
export async function backupPglite(dir: string, file: string): Promise<void> {
  const folder = path.resolve(dir);
  if (!holdsDatabase(folder)) throw new BackupError(`There is no embedded database in ${folder}.`);
  const release = acquireFolderLock(folder);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = new PGlite(folder);
    try {
      await client.waitReady; // dumpDataDir() before it never settles
      const dump = await client.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      await writeAtomically(file, async (partial) => fs.promises.writeFile(partial, bytes));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores `file` (from backupPglite) as the embedded database in `dir`: loads it into a new
 * folder beside `dir`, checks it opens and holds migrations, then puts it in `dir`'s place. A
 * `dir` that already holds a database is refused unless `force`, and then moved aside, not
 * deleted. Returns where the replaced database went, if any. The server must be stopped.
 */
export async function restorePglite(
  file: string,
  dir: string,
  opts: RestoreOptions = {},
): Promise<{ replacedTo?: string }> {
  const head = readHead(file, 5);
  if (!isGzip(head)) {
    throw new BackupError(
      head.toString('latin1') === PG_DUMP_MAGIC
        ? `${file} is a backup of a Postgres database: restore it with DATABASE_URL set.`
        : `${file} is not a backup of the embedded database (npm run db:backup writes a .tar.gz).`,
    );
  }
  const folder = path.resolve(dir);
  const existing = fs.existsSync(folder) ? fs.readdirSync(folder) : null;
  if (existing && existing.length > 0 && !holdsDatabase(folder)) {
    throw new BackupError(`${folder} holds files that are not a database: choose another folder.`);
  }
  if (existing && existing.length > 0 && !opts.force) {
    throw new BackupError(
      `${folder} already holds a database: pass --force to replace it (it is moved aside, not deleted).`,
    );
  }
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const release = acquireFolderLock(folder);
  const loading = `${folder}.restoring-${process.pid}`;
  try {
    fs.rmSync(loading, { recursive: true, force: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const client = new PGlite(loading, { loadDataDir: await fs.openAsBlob(file) });
    try {
      await client.waitReady;
      await client.query('select count(*) from drizzle.__drizzle_migrations');
    } catch (error) {
      throw new BackupError(
        `${file} did not load as a database: ${error instanceof Error ? error.message : error}`,
      );
    } finally {
      await client.close().catch(() => {});
    }
    let replacedTo: string | undefined;
    if (existing && existing.length > 0) {
      replacedTo = `${folder}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(folder, replacedTo);
    } else if (existing) {
      fs.rmdirSync(folder);
    }
    fs.renameSync(loading, folder);
    return { replacedTo };
  } finally {
    fs.rmSync(loading, { recursive: true, force: true });
    release();
  }
}

function holdsDatabase(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'PG_VERSION'));
}

// ---------------------------------------------------------------------------------------------
// Files

/** The first bytes of a backup file, with a clear error when it cannot be read. */
function readHead(file: string, bytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code}.`);
  }
  try {
    const head = Buffer.alloc(bytes);
    const read = fs.readSync(fd, head, 0, bytes, 0);
    return head.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function isGzip(head: Buffer): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Writes through `<file>.partial` and renames it, so a failed backup leaves no file behind. */
async function writeAtomically(file: string, write: (partial: string) => Promise<unknown>) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await write(partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
