/**
 * Upgrading a database that holds data, one migration at a time, on each driver, as successive
 * deploys do: after every migration of db/migrations each row inserted so far must still be there
 * with its values (changed only as the migrations' comments say), and at the end the schema must
 * be the one a new database gets from all the migrations at once.
 *
 * drizzle-orm 0.45.4's migrator (the pg-core dialect's `migrate`) reads the journal, takes the
 * newest `created_at` in drizzle.__drizzle_migrations and applies, in one transaction, each listed
 * migration whose journal `when` is later, recording its hash (which it never compares). So a
 * journal one entry longer than the last applies exactly that one entry (each step checks the
 * migrator's table says so), and a migration dated before the newest applied one would be skipped
 * without a word (the journal test below rules that out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '@/db/client';
import { drivers } from './harness';
import {
  type Fixture,
  ids,
  type Json,
  type RawDatabase,
  expectedAfter,
  migrationHash,
  openUnmigrated,
  readJournal,
  rowsAfter,
  stageMigrations,
} from './migration-fixtures';

const journal = readJournal();
const tags = journal.entries.map((e) => e.tag);
/** Every fixture row with the index of the migration after which it is inserted. */
const fixtures = tags.flatMap((tag, step) => (rowsAfter[tag] ?? []).map((f) => ({ f, step })));

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function insert(db: RawDatabase, f: Fixture): Promise<void> {
  // Typed by the table itself, so the fixtures need no casts: a JSON array becomes a text[] or
  // numeric[], a JSON string a jsonb string in a jsonb column, and so on.
  const columns = Object.keys(f.values).map(q).join(', ');
  await db.query(
    `insert into ${q(f.table)} (${columns})
     select ${columns} from jsonb_populate_record(null::${q(f.table)}, $1::text::jsonb)`,
    [JSON.stringify(f.values)],
  );
}

async function tableExists(db: RawDatabase, table: string): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(`select to_regclass($1) is not null as found`, [
    `public.${q(table)}`,
  ]);
  return row?.found ?? false;
}

/** The row with `f`'s key, every column as to_jsonb writes it; undefined when there is none. */
async function readRow(db: RawDatabase, f: Fixture): Promise<Record<string, Json> | undefined> {
  if (!(await tableExists(db, f.table))) return undefined;
  const match = f.key.map((column, i) => `t.${q(column)}::text = $${i + 1}`).join(' and ');
  const rows = await db.query<{ row: Record<string, Json> }>(
    `select to_jsonb(t) as row from ${q(f.table)} t where ${match}`,
    f.key.map((column) => String(f.values[column])),
  );
  expect(rows.length, `${f.table} rows with one key`).toBeLessThanOrEqual(1);
  return rows[0]?.row;
}

/**
 * Each row inserted up to migration `step`, read back and compared value by value (in JavaScript,
 * not through the columns' current types, so a narrowed type fails too) to the fixture as the
 * migrations since its insert should have changed it; and no table holds rows it should not.
 */
async function checkRows(db: RawDatabase, step: number): Promise<void> {
  const kept = new Map<string, number>();
  for (const { f, step: insertedAt } of fixtures.filter((x) => x.step <= step)) {
    const expected = expectedAfter(f, tags.slice(insertedAt + 1, step + 1));
    const actual = await readRow(db, f);
    const where = `${f.table} ${f.key.map((c) => f.values[c]).join('/')} after ${tags[step]}`;
    kept.set(f.table, (kept.get(f.table) ?? 0) + (expected ? 1 : 0));
    if (!expected) {
      expect(actual, `${where}: should be gone`).toBeUndefined();
      continue;
    }
    if (!actual) throw new Error(`${where}: the row is gone`);
    const read = Object.fromEntries(Object.keys(expected).map((c) => [c, actual[c]]));
    expect(read, where).toEqual(expected);
  }
  for (const [table, n] of kept) {
    const [row] = (await tableExists(db, table))
      ? await db.query<{ n: number }>(`select count(*)::int as n from ${q(table)}`)
      : [{ n: 0 }];
    expect(row?.n, `rows in ${table} after ${tags[step]}`).toBe(n);
  }
}

/** What drizzle recorded as applied, in order. */
function appliedMigrations(db: RawDatabase) {
  return db.query<{ hash: string; created_at: number }>(
    `select hash, created_at::float8 as created_at from drizzle.__drizzle_migrations order by id`,
  );
}

/** The public schema as text lines: columns, constraints, indexes, policies, RLS, grants. */
async function schemaListing(db: RawDatabase): Promise<string[]> {
  const rows = await db.query<{ line: string }>(`
    select line from (
      select concat_ws(' ', 'column', table_name, ordinal_position, column_name, data_type, udt_name,
        character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default,
        is_generated, generation_expression) as line
      from information_schema.columns where table_schema = 'public'
      union all
      select concat_ws(' ', 'constraint', conrelid::regclass, conname, pg_get_constraintdef(oid))
      from pg_constraint where connamespace = 'public'::regnamespace
      union all
      select concat_ws(' ', 'index', tablename, indexname, indexdef)
      from pg_indexes where schemaname = 'public'
      union all
      select concat_ws(' ', 'policy', tablename, policyname, permissive, roles::text, cmd, qual, with_check)
      from pg_policies where schemaname = 'public'
      union all
      select concat_ws(' ', 'table', relname, relkind, relrowsecurity, relforcerowsecurity)
      from pg_class where relnamespace = 'public'::regnamespace
      union all
      select concat_ws(' ', 'grant', grantee, table_name, privilege_type)
      from information_schema.role_table_grants
      where table_schema = 'public' and grantee = 'valuestream_app'
    ) listing order by line`);
  return rows.map((r) => r.line);
}

async function columnsOf(db: RawDatabase, table: string) {
  const rows = await db.query<{ name: string; type: string; nullable: string; generated: string }>(
    `select column_name as name, data_type as type, is_nullable as nullable, is_generated as generated
     from information_schema.columns where table_schema = 'public' and table_name = $1`,
    [table],
  );
  return new Map(rows.map((r) => [r.name, r]));
}

describe('the journal and the fixtures', () => {
  it('date every migration after the one before it, as drizzle needs to apply it', () => {
    const whens = journal.entries.map((e) => e.when);
    expect(whens.slice(1).filter((when, i) => when <= (whens[i] ?? 0))).toEqual([]);
  });

  // A misspelt tag would leave rows never inserted or changes never expected, silently.
  it('name only migrations of the journal', () => {
    const named = Object.entries(rowsAfter).flatMap(([tag, rows]) => [
      tag,
      ...rows.flatMap((f) => Object.keys(f.changes ?? {})),
    ]);
    expect(named.filter((tag) => !tags.includes(tag))).toEqual([]);
  });
});

describe.each(drivers())(
  'migrations applied one by one to a database with data, on %s',
  (driver) => {
    let opened: RawDatabase | undefined;
    let folder: ReturnType<typeof stageMigrations> | undefined;
    const db = () => {
      if (!opened) throw new Error('The database is not open');
      return opened;
    };
    const staged = () => {
      if (!folder) throw new Error('The migrations are not staged');
      return folder;
    };
    beforeAll(async () => {
      folder = stageMigrations(journal);
      opened = await openUnmigrated(driver);
    });
    afterAll(async () => {
      await opened?.close();
      folder?.remove();
    });

    // One test a migration, in journal order, each building on the last: the first to fail names
    // the migration that lost or changed a row.

    it.each(tags)('applies %s alone and keeps every row inserted before it', async (tag) => {
      const step = tags.indexOf(tag);
      await db().migrate(staged().upTo(step + 1));
      expect(await appliedMigrations(db())).toEqual(
        journal.entries
          .slice(0, step + 1)
          .map((e) => ({ hash: migrationHash(e.tag), created_at: e.when })),
      );
      for (const f of rowsAfter[tag] ?? []) await insert(db(), f);
      await checkRows(db(), step);
    });

    it('computes waste_hours (0011) for rows written before it and after it', async () => {
      const rows = await db().query<{ id: string; waste_hours: number | null }>(
        `select id, waste_hours from measurements where id = any($1::uuid[]) order by id`,
        [`{${[ids.formWeek, ids.stepWeek, ids.apiWeek, ids.lateWeek].join(',')}}`],
      );
      expect(rows).toEqual([
        { id: ids.formWeek, waste_hours: 6.5 },
        { id: ids.stepWeek, waste_hours: null },
        { id: ids.apiWeek, waste_hours: 2 },
        { id: ids.lateWeek, waste_hours: 3 },
      ]);
      expect((await columnsOf(db(), 'measurements')).get('waste_hours')?.generated).toBe('ALWAYS');
    });

    it('drops the staged chunks and the row hashes of imports (0012)', async () => {
      expect(await tableExists(db(), 'measurement_import_chunks')).toBe(false);
      expect((await columnsOf(db(), 'measurements')).has('import_key')).toBe(false);
      const indexes = await db().query<{ name: string }>(
        `select indexname as name from pg_indexes where tablename = 'measurements' order by 1`,
      );
      expect(indexes.map((i) => i.name)).not.toContain('measurements_import_key');
    });

    it('keeps answered idempotency keys with their JSON text, and committed imports (0013)', async () => {
      const keys = await columnsOf(db(), 'idempotency_keys');
      expect(keys.has('status')).toBe(false);
      expect(keys.get('response')).toMatchObject({ type: 'text', nullable: 'NO' });
      expect(keys.get('response_status')).toMatchObject({ nullable: 'NO' });
      const answers = await db().query<{ key: string; response: string }>(
        `select key, response from idempotency_keys order by key`,
      );
      expect(answers).toEqual([
        { key: 'nightly-2026-01-13', response: expect.stringMatching(/^\{"error":/) },
        { key: 'nightly-2026-01-14', response: `{"data":{"id":"${ids.apiWeek}","created":true}}` },
      ]);

      const imports = await columnsOf(db(), 'measurement_imports');
      expect([imports.has('status'), imports.has('committed_at')]).toEqual([false, false]);
      const recorded = await db().query<{ id: string; created_at: string }>(
        `select id, to_jsonb(created_at) #>> '{}' as created_at from measurement_imports order by id`,
      );
      expect(recorded).toEqual([
        { id: ids.committedImport, created_at: '2026-01-15T10:02:30.5+00:00' },
        { id: ids.oneRequestImport, created_at: '2026-02-02T09:00:00+00:00' },
      ]);
    });

    it('carries sign-in failures per address over into rate_limit_hits, and drops sign_in_failures (0018)', async () => {
      expect(await tableExists(db(), 'sign_in_failures')).toBe(false);
      const hits = await db().query<{ key: string; at: string }>(
        `select key, to_jsonb(at) #>> '{}' as at from rate_limit_hits order by id`,
      );
      expect(hits).toEqual([
        { key: 'sign-in:address:203.0.113.9', at: '2026-01-05T07:59:13.5+00:00' },
      ]);
    });

    // Every start of the app runs the migrator: on an up-to-date database it must change nothing.
    it('does nothing more when every migration is applied already', async () => {
      await db().migrate(staged().upTo(tags.length));
      await db().migrate(MIGRATIONS_FOLDER);
      expect(await appliedMigrations(db())).toHaveLength(tags.length);
      await checkRows(db(), tags.length - 1);
    });

    // A migration that behaves differently on a database holding rows shows up here.
    it('ends with the schema of a new database migrated in one go', async () => {
      const fresh = await openUnmigrated(driver);
      try {
        await fresh.migrate(MIGRATIONS_FOLDER);
        expect(await schemaListing(db())).toEqual(await schemaListing(fresh));
      } finally {
        await fresh.close();
      }
    });
  },
);
