/**
 * Backups round trip, on each driver, through the scripts an operator runs (`npm run db:backup`,
 * `npm run db:restore`): seed data, back up, change data (rows added and deleted), restore, and
 * every table's rows, privileges and policies are as they were at backup time; the app's role
 * then reads a tenant's data through the door and sees nothing outside it. The restore refuses
 * while the database is open (the app running) and, for the embedded database, a folder that
 * holds one unless --force.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, type DatabaseHandle, type Db, openDatabase } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { makeToken } from './api-factories';
import { drivers, makeOrgWithRoles, type TestOrg } from './harness';
import { listMeasurements, saveMeasurement } from './measurement-factories';
import { as, makeStream, saveMap } from './stream-factories';

const run = promisify(execFile);
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** What an operator's shell would hold for this database, and nothing else of ours. */
type Target = { DATABASE_URL?: string; DATABASE_MIGRATION_URL?: string; PGLITE_DIR?: string };

/** Runs scripts/<script>.ts as `npm run` would; resolves with its exit code and output. */
async function script(name: 'db-backup' | 'db-restore', args: string[], target: Target) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...target };
  for (const key of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'PGLITE_DIR'] as const)
    if (!target[key]) delete env[key];
  try {
    const { stdout, stderr } = await run(tsx, [`scripts/${name}.ts`, ...args], { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * Everything a restore must bring back, read as a superuser (no row-level security): every row
 * of every table of ours (drizzle's migrations included), each table's owner, row-level security
 * flags, table and column privileges, the policies, the schemas' privileges and where each
 * sequence stands.
 */
async function everything(query: Query) {
  const tables = await query(`select schemaname as s, tablename as t from pg_tables
    where schemaname in ('public', 'drizzle') order by 1, 2`);
  const rows: Record<string, unknown> = {};
  for (const { s, t } of tables as { s: string; t: string }[]) {
    const [row] = await query(`select coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text),
      '[]') as rows from "${s}"."${t}" x`);
    rows[`${s}.${t}`] = row?.rows;
  }
  const relations = await query(`select n.nspname, c.relname, c.relkind, c.relrowsecurity,
      c.relforcerowsecurity, c.relacl::text, pg_get_userbyid(c.relowner) as owner
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'S', 'v', 'm')
    order by 1, 2`);
  const columns = await query(`select c.relname, a.attname, a.attacl::text from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and a.attacl is not null order by 1, 2`);
  const policies = await query(`select tablename, policyname, cmd, roles::text, qual, with_check
    from pg_policies where schemaname = 'public' order by 1, 2`);
  const schemas = await query(`select nspname, nspacl::text from pg_namespace
    where nspname in ('public', 'drizzle') order by 1`);
  const sequences = await query(`select schemaname, sequencename, last_value::text from pg_sequences
    where schemaname in ('public', 'drizzle') order by 1, 2`);
  return { rows, relations, columns, policies, schemas, sequences };
}

/** Data worth restoring: two organizations with streams, a map, measurements and a token. */
async function seed(db: Db) {
  const orgs: TestOrg[] = [];
  for (const name of ['Backed Up One', 'Backed Up Two']) {
    const t = await makeOrgWithRoles(db, { name: `${name} ${crypto.randomUUID().slice(0, 6)}` });
    const stream = await makeStream(db, t);
    await makeStream(db, t);
    await saveMap(db, t, stream);
    for (const [start, end] of [
      ['2026-01-05', '2026-01-11'],
      ['2026-01-12', '2026-01-18'],
      ['2026-01-19', '2026-01-25'],
    ] as const)
      await saveMeasurement(db, t, stream, { overrides: { periodStart: start, periodEnd: end } });
    await makeToken(db, t);
    orgs.push(t);
  }
  return orgs;
}

/** Changes after the backup: a new organization and stream, one measurement deleted. */
async function change(db: Db, t: TestOrg) {
  const [first] = await listMeasurements(db, t);
  if (!first) throw new Error('the seed has measurements');
  await as(db, t, 'owner').measurements.remove({ orgSlug: t.org.slug, id: first.id });
  const other = await makeOrgWithRoles(db);
  await saveMeasurement(db, other, await makeStream(db, other));
}

/** The app's view after a restore: the door opens on the tenant, and nothing shows outside it. */
async function expectAppSees(db: Db, t: TestOrg, measurements: unknown) {
  expect(await listMeasurements(db, t)).toEqual(measurements);
  const [outside] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from measurements`,
  );
  expect(outside?.n).toBe(0);
}

describe.each(drivers())('backup and restore on %s', (driver) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-backup-'));
  const backupFile = path.join(work, driver === 'postgres' ? 'backup.dump' : 'backup.tar.gz');
  let target: Target;
  /** A superuser's queries on the database, while the app is not running. */
  let asSuperuser: <T>(fn: (query: Query) => Promise<T>) => Promise<T>;
  let openApp: () => Promise<DatabaseHandle>;
  let dispose = async () => {};

  beforeAll(async () => {
    if (driver === 'pglite') {
      const dir = path.join(work, 'pglite');
      target = { PGLITE_DIR: dir };
      openApp = () => openDatabase({ dataDir: dir, migrate: true });
      asSuperuser = async (fn) => {
        const { PGlite } = await import('@electric-sql/pglite');
        const client = new PGlite(dir);
        try {
          return await fn(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
        } finally {
          await client.close();
        }
      };
      return;
    }
    const serverUrl = process.env.TEST_DATABASE_URL ?? '';
    const name = `vs_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    dispose = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    const owner = new URL(serverUrl);
    owner.pathname = `/${name}`;
    const app = new URL(owner);
    app.username = APP_ROLE;
    app.password = '';
    target = { DATABASE_URL: app.toString(), DATABASE_MIGRATION_URL: owner.toString() };
    openApp = () =>
      openDatabase({ url: app.toString(), migrationUrl: owner.toString(), migrate: true });
    asSuperuser = async (fn) => {
      const client = postgres(owner.toString(), { max: 1, onnotice: () => {} });
      try {
        return await fn((text) => client.unsafe(text));
      } finally {
        await client.end();
      }
    };
  });

  afterAll(async () => {
    await dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores every row, privilege and policy as they were at backup time', async () => {
    let handle = await openApp();
    const [t] = await seed(handle.db);
    if (!t) throw new Error('seeded');
    const measurementsAtBackup = await listMeasurements(handle.db, t);
    await handle.close(); // the app is stopped for the backup (the embedded database requires it)

    const atBackup = await asSuperuser(everything);
    const backup = await script('db-backup', [backupFile], target);
    expect(backup.output).toContain(`Backed up the`);
    expect(backup.code).toBe(0);

    handle = await openApp();
    await change(handle.db, t);
    // A running app holds the database: the restore refuses, and changes nothing.
    const refused = await script(
      'db-restore',
      driver === 'pglite' ? [backupFile, '--force'] : [backupFile],
      target,
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      driver === 'postgres' ? /Other sessions are connected .*stop the app/ : /already open/,
    );
    await handle.close();

    const changed = await asSuperuser(everything);
    expect(changed.rows).not.toEqual(atBackup.rows);

    if (driver === 'pglite') {
      const existing = await script('db-restore', [backupFile], target);
      expect(existing.code).toBe(1);
      expect(existing.output).toContain('already holds a database: pass --force');
    }
    const restored = await script(
      'db-restore',
      driver === 'pglite' ? [backupFile, '--force'] : [backupFile],
      target,
    );
    expect(restored.output).toContain('Restored');
    expect(restored.code).toBe(0);

    expect(await asSuperuser(everything)).toEqual(atBackup);
    handle = await openApp();
    try {
      await expectAppSees(handle.db, t, measurementsAtBackup);
    } finally {
      await handle.close();
    }
  }, 300_000); // the embedded database is opened, dumped and loaded several times: slow on a busy machine

  it('refuses a file that is not its kind of backup, with a clear message and exit code 1', async () => {
    const notBackup = path.join(work, 'notes.txt');
    fs.writeFileSync(notBackup, 'not a backup');
    const wrong = await script('db-restore', [notBackup, '--force'], target);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain(`${notBackup} is not a`);
    const missing = await script('db-restore', [path.join(work, 'missing.dump')], target);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('Cannot read');
    const usage = await script('db-restore', [], target);
    expect(usage.code).toBe(1);
    expect(usage.output).toContain('Usage: npm run db:restore <file> [--force]');
  });
});
