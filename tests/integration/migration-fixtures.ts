/**
 * For tests/integration/migrations.test.ts: an unmigrated database on either driver, a folder that
 * offers drizzle's migrator only the first migrations, and the rows a database held at each
 * migration, with what the later migrations should make of them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as pgliteDrizzle } from 'drizzle-orm/pglite';
import { migrate as pgliteMigrate } from 'drizzle-orm/pglite/migrator';
import { drizzle as postgresDrizzle } from 'drizzle-orm/postgres-js';
import { migrate as postgresMigrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MIGRATIONS_FOLDER } from '@/db/client';
import type { Driver } from './harness';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------------------------------------
// Databases and migrations

/**
 * A database reached as its owner (a superuser: row-level security does not apply), in UTC so
 * that to_jsonb writes a timestamp as the fixtures do (`2026-01-02T08:00:00+00:00`).
 */
export interface RawDatabase {
  query<T>(text: string, params?: string[]): Promise<T[]>;
  /** drizzle-orm's migrator for this driver, over `folder`, as the app's openDatabase runs it. */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** A new, empty database: in-memory PGlite, or a `vs_test_<random>` database on TEST_DATABASE_URL. */
export async function openUnmigrated(driver: Driver): Promise<RawDatabase> {
  if (driver === 'pglite') {
    const client = new PGlite();
    await client.waitReady;
    await client.exec(`SET TIME ZONE 'UTC'`);
    const db = pgliteDrizzle(client);
    return {
      async query<T>(text: string, params: string[] = []) {
        return (await client.query<T>(text, params)).rows;
      },
      migrate: (folder) => pgliteMigrate(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `vs_test_${crypto.randomBytes(6).toString('hex')}`;
  const onServer = async (statement: string) => {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), {
    max: 1,
    onnotice: () => {},
    connection: { TimeZone: 'UTC' },
  });
  const db = postgresDrizzle(sql);
  return {
    async query<T>(text: string, params: string[] = []) {
      return [...(await sql.unsafe<T[]>(text, params))];
    },
    migrate: (folder) => postgresMigrate(db, { migrationsFolder: folder }),
    close: async () => {
      try {
        await sql.end();
      } finally {
        await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    },
  };
}

export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}
export interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

export function readJournal(): Journal {
  const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8');
  return JSON.parse(text) as Journal;
}

/** The hash drizzle records for a migration: SHA-256 of its file's text (drizzle-orm/migrator). */
export function migrationHash(tag: string): string {
  const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`)).toString();
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * A copy of db/migrations whose journal `upTo(n)` lists the first n migrations only: drizzle's
 * migrator applies what the journal lists, so each step offers it exactly one more.
 */
export function stageMigrations(journal: Journal) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  for (const { tag } of journal.entries)
    fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return {
    upTo(n: number): string {
      const partial = { ...journal, entries: journal.entries.slice(0, n) };
      fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(partial));
      return dir;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rows

/** What a later migration does to a row: drops or sets columns, or deletes it. */
type Change = { drop?: string[]; set?: Record<string, Json> } | 'deleted';

export interface Fixture {
  table: string;
  /** The primary key's columns (their values are in `values` and no migration changes them). */
  key: string[];
  /**
   * Column values, written as to_jsonb gives them back (timestamps as `…+00:00`, numbers as JSON
   * numbers): the test compares them with what it reads, value for value.
   */
  values: Record<string, Json>;
  /** By migration tag: what that migration, applied after the insert, does to the row. */
  changes?: Record<string, Change>;
}

/** The row's values once the migrations `applied` (in order) have run; null when one deleted it. */
export function expectedAfter(f: Fixture, applied: readonly string[]): Record<string, Json> | null {
  const values = { ...f.values };
  for (const tag of applied) {
    const change = f.changes?.[tag];
    if (change === 'deleted') return null;
    for (const column of change?.drop ?? []) delete values[column];
    Object.assign(values, change?.set);
  }
  return values;
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const row = (
  table: string,
  values: Record<string, Json>,
  more: Partial<Fixture> = {},
): Fixture => ({
  table,
  key: ['org_id', 'id'],
  values,
  ...more,
});

/** Fixed ids, so the test can look rows up and name them in its checks. */
export const ids = {
  ada: id(101),
  bob: id(102),
  cleo: id(103),
  acme: id(201),
  globex: id(202),
  fulfil: id(301),
  product: id(302),
  press: id(303),
  currentMap: id(401),
  futureMap: id(402),
  formWeek: id(501),
  stepWeek: id(502),
  apiWeek: id(503),
  importedWeek: id(504),
  lateWeek: id(505),
  ciToken: id(601),
  oldToken: id(602),
  committedImport: id(701),
  stagingImport: id(702),
  oneRequestImport: id(703),
};

const ARGON = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$';
/** The eight DOWNTIME waste columns of measurements, in hours; null where `hours` gives none. */
const wastes = (hours: Partial<Record<string, number>>) =>
  Object.fromEntries(
    [
      'defects',
      'overproduction',
      'waiting',
      'non_utilized_talent',
      'transportation',
      'inventory',
      'motion',
      'extra_processing',
    ].map((w) => [`waste_${w}_hours`, hours[w] ?? null]),
  );
const week = (start: string, end: string) => ({ period_start: start, period_end: end });
/** A staged import chunk's rows, column by column: 0006 kept each column as an array. */
const chunkColumns = (rows: Record<string, Json>[]) =>
  Object.fromEntries(Object.keys(rows[0] ?? {}).map((c) => [c, rows.map((r) => r[c] ?? null)]));
const chunkRow = (n: number, start: string, end: string, lead: number) => ({
  row: n,
  stream_id: ids.fulfil,
  step_name: '',
  ...week(start, end),
  lead_time_seconds: lead,
  process_time_seconds: 3600,
  wait_time_seconds: null,
  throughput: 30,
  wip: 12,
  pct_complete_accurate: 90,
  defects: 1,
  cost: null,
  customer_satisfaction: null,
  ...wastes({ waiting: 1.5 }),
  method: 'observed',
  sample_size: 30,
  note: '',
  import_key: hash(`row-${n}`),
});

/** The rows inserted right after each migration (by tag), for the tables that exist by then. */
// One row a line reads as a table; prettier would give every value a line of its own.
// prettier-ignore
export const rowsAfter: Record<string, Fixture[]> = {
  '0000_init': [
    row('users', { id: ids.ada, name: 'Ada Lovelace', email: 'ada@acme.example', password_hash: `${ARGON}${hash('ada')}`, created_at: '2026-01-02T08:00:00+00:00' }, { key: ['id'] }),
    row('users', { id: ids.bob, name: 'Bob Okafor', email: 'bob@acme.example', password_hash: `${ARGON}${hash('bob')}`, created_at: '2026-01-02T09:30:00+00:00' }, { key: ['id'] }),
    row('users', { id: ids.cleo, name: 'Cleo Brandt', email: 'cleo@globex.example', password_hash: `${ARGON}${hash('cleo')}`, created_at: '2026-01-03T14:15:00+00:00' }, { key: ['id'] }),
    row('organizations', { id: ids.acme, name: 'Acme Logistics', slug: 'acme', created_at: '2026-01-02T08:01:00+00:00' }, { key: ['id'] }),
    row('organizations', { id: ids.globex, name: 'Globex', slug: 'globex', created_at: '2026-01-03T14:16:00+00:00' }, { key: ['id'] }),
    row('memberships', { org_id: ids.acme, user_id: ids.ada, role: 'owner', created_at: '2026-01-03T10:00:00+00:00' }, { key: ['org_id', 'user_id'] }),
    row('memberships', { org_id: ids.acme, user_id: ids.bob, role: 'lead', created_at: '2026-01-03T10:00:00+00:00' }, { key: ['org_id', 'user_id'] }),
    row('memberships', { org_id: ids.globex, user_id: ids.cleo, role: 'owner', created_at: '2026-01-03T10:00:00+00:00' }, { key: ['org_id', 'user_id'] }),
    row('invitations', { org_id: ids.acme, id: id(801), email: 'dan@acme.example', role: 'viewer', token_hash: hash('invite-dan'), created_by: ids.ada, created_at: '2026-01-04T09:00:00+00:00', expires_at: '2026-01-11T09:00:00+00:00' }),
    row('invitations', { org_id: ids.acme, id: id(802), email: 'bob@acme.example', role: 'lead', token_hash: hash('invite-bob'), created_by: ids.ada, created_at: '2026-01-02T09:00:00+00:00', expires_at: '2026-01-09T09:00:00+00:00', accepted_at: '2026-01-02T09:31:00+00:00', accepted_by: ids.bob }),
    row('sign_in_failures', { id: 1, key: 'email:ada@acme.example', at: '2026-01-05T07:59:12.345+00:00' }, { key: ['id'], changes: { '0018_sessions_and_rate_limits': 'deleted' } }),
    row('sign_in_failures', { id: 2, key: 'ip:203.0.113.9', at: '2026-01-05T07:59:13.5+00:00' }, { key: ['id'], changes: { '0018_sessions_and_rate_limits': 'deleted' } }),
  ],
  '0001_tenant_security': [
    row('memberships', { org_id: ids.acme, user_id: ids.cleo, role: 'viewer', created_at: '2026-01-06T11:00:00+00:00' }, { key: ['org_id', 'user_id'] }),
    row('invitations', { org_id: ids.acme, id: id(803), email: null, role: 'admin', token_hash: hash('invite-link'), created_by: ids.ada, created_at: '2026-01-06T12:00:00+00:00', expires_at: '2026-01-13T12:00:00+00:00', revoked_at: '2026-01-06T12:05:00+00:00' }),
  ],
  '0002_streams_and_maps': [
    row('value_streams', { org_id: ids.acme, id: ids.fulfil, name: 'Order fulfilment', kind: 'operational', type: 'fulfillment', trigger: 'A customer order', customer: 'Retail customers', value_delivered: 'Goods on the doorstep', owner_id: ids.bob, description: 'From order to delivery', status: 'active', guide: null, created_by: ids.ada, created_at: '2026-01-07T09:00:00+00:00', updated_at: '2026-01-08T10:00:00+00:00' }),
    row('value_streams', { org_id: ids.acme, id: ids.product, name: 'Warehouse app', kind: 'development', type: null, customer_interaction: 'Weekly demo', work_pattern: 'Two-week sprints', feedback_loop: 'Support tickets', team_composition: '5 engineers', waste_kind: 'handoffs', iteration_pace: 'biweekly', status: 'draft', guide: { step: 2, purposeNotes: 'Scan faster', steps: [{ name: 'Build' }], hoursPerDay: 7.5 }, created_by: ids.bob, created_at: '2026-01-07T09:30:00+00:00', updated_at: '2026-01-07T09:30:00+00:00' }),
    row('value_streams', { org_id: ids.acme, id: ids.press, name: 'Old press line', kind: 'operational', type: 'manufacturing', archived_at: '2026-01-08T16:00:00+00:00', created_by: ids.ada, created_at: '2026-01-07T10:00:00+00:00', updated_at: '2026-01-08T16:00:00+00:00' }),
    row('value_stream_maps', { org_id: ids.acme, id: ids.currentMap, stream_id: ids.fulfil, state: 'current', version: 1, hours_per_day: 7.5, days_per_week: 5, note: 'As observed in week 1', created_by: ids.bob, created_at: '2026-01-08T10:00:00+00:00' }),
    row('value_stream_maps', { org_id: ids.acme, id: ids.futureMap, stream_id: ids.fulfil, state: 'future', version: 1, hours_per_day: 8, days_per_week: 4.5, created_by: ids.bob, created_at: '2026-01-08T11:00:00+00:00' }),
    row('map_steps', { org_id: ids.acme, map_id: ids.currentMap, position: 0, name: 'Pick', process_time_seconds: 1800, lead_time_seconds: 14400, process_time_unit: 'minutes', lead_time_unit: 'hours', pct_complete_accurate: 92.5, people: 3, wastes: ['waiting', 'motion'], notes: 'Paper pick lists' }, { key: ['org_id', 'map_id', 'position'], changes: { '0017_exact_calendar_time_entry': { set: { time_entry: 'lead' } } } }),
    row('map_steps', { org_id: ids.acme, map_id: ids.currentMap, position: 1, name: 'Pack', process_time_seconds: 600.25, lead_time_seconds: 86400, lead_time_unit: 'days', pct_complete_accurate: 100, people: null }, { key: ['org_id', 'map_id', 'position'], changes: { '0017_exact_calendar_time_entry': { set: { time_entry: 'lead' } } } }),
    row('stream_links', { org_id: ids.acme, development_stream_id: ids.product, operational_stream_id: ids.fulfil, created_at: '2026-01-08T12:00:00+00:00' }, { key: ['org_id', 'development_stream_id', 'operational_stream_id'] }),
  ],
  '0004_measurements': [
    row('measurements', { org_id: ids.acme, id: ids.formWeek, stream_id: ids.fulfil, ...week('2026-01-05', '2026-01-11'), lead_time_seconds: 432000, process_time_seconds: 7200.5, wait_time_seconds: 424799.5, throughput: 42, wip: 17.5, pct_complete_accurate: 92.125, defects: 3, cost: 1250.5, customer_satisfaction: 4.25, ...wastes({ defects: 2.5, waiting: 4 }), entered_by: ids.bob, source: 'csv', method: 'observed', sample_size: 42, note: 'Stocktake week', import_key: hash('week-1'), created_at: '2026-01-12T08:00:00+00:00', updated_at: '2026-01-12T08:30:00+00:00' },
      { changes: { '0011_waste_hours': { set: { waste_hours: 6.5 } }, '0012_imports_in_one_request': { drop: ['import_key'] } } }),
    row('measurements', { org_id: ids.acme, id: ids.stepWeek, stream_id: ids.fulfil, step_name: 'Pick', ...week('2026-01-05', '2026-01-11'), lead_time_seconds: 14400, throughput: 40, entered_by: ids.ada, source: 'form', method: 'estimated', created_at: '2026-01-12T09:00:00+00:00', updated_at: '2026-01-12T09:00:00+00:00' },
      { changes: { '0011_waste_hours': { set: { waste_hours: null } } } }),
    row('measurement_audit', { org_id: ids.acme, id: 1, measurement_id: ids.formWeek, stream_id: ids.fulfil, action: 'update', actor_id: ids.ada, at: '2026-01-12T08:30:00+00:00', before: { throughput: '41.00', note: '' }, after: { throughput: '42.00', note: 'Stocktake week' } }),
    row('measurement_audit', { org_id: ids.acme, id: 2, measurement_id: id(599), stream_id: ids.press, action: 'delete', actor_id: ids.bob, at: '2026-01-12T10:00:00+00:00', before: { period_start: '2025-12-29', wip: '3.00' }, after: null }),
  ],
  '0006_ingest': [
    row('api_tokens', { org_id: ids.acme, id: ids.ciToken, name: 'CI pipeline', token_hash: hash('vs_ci'), hint: 'vs_…3f9a', created_by: ids.ada, created_at: '2026-01-13T08:00:00+00:00', last_used_at: '2026-01-14T06:00:00+00:00' }),
    row('api_tokens', { org_id: ids.acme, id: ids.oldToken, name: 'ci pipeline', token_hash: hash('vs_old'), hint: 'vs_…77c0', created_by: ids.bob, created_at: '2026-01-10T08:00:00+00:00', revoked_at: '2026-01-13T07:59:00+00:00' }),
    // The app stored each answer as a jsonb *string* holding the response's JSON text.
    row('idempotency_keys', { org_id: ids.acme, key: 'nightly-2026-01-14', request_hash: hash('body-1'), status: 'done', response_status: 201, response: `{"data":{"id":"${ids.apiWeek}","created":true}}`, created_at: '2026-01-14T06:00:00+00:00' },
      { key: ['org_id', 'key'], changes: { '0013_vestigial_columns': { drop: ['status'] } } }),
    row('idempotency_keys', { org_id: ids.acme, key: 'nightly-2026-01-13', request_hash: hash('body-0'), status: 'done', response_status: 422, response: '{"error":{"code":"key_reused","message":"Idempotency-Key reused"}}', created_at: '2026-01-13T06:00:00+00:00' },
      { key: ['org_id', 'key'], changes: { '0013_vestigial_columns': { drop: ['status'] } } }),
    row('idempotency_keys', { org_id: ids.acme, key: 'nightly-crashed', request_hash: hash('body-2'), status: 'in_flight', response_status: null, response: null, created_at: '2026-01-14T06:01:00+00:00' },
      { key: ['org_id', 'key'], changes: { '0013_vestigial_columns': 'deleted' } }),
    row('measurement_imports', { org_id: ids.acme, id: ids.committedImport, created_by: ids.bob, file_name: 'january.csv', status: 'committed', total_rows: 120, added: 100, replaced: 15, skipped: 5, created_at: '2026-01-15T10:00:00+00:00', committed_at: '2026-01-15T10:02:30.5+00:00' },
      { changes: { '0013_vestigial_columns': { drop: ['status', 'committed_at'], set: { created_at: '2026-01-15T10:02:30.5+00:00' } } } }),
    row('measurement_imports', { org_id: ids.acme, id: ids.stagingImport, created_by: ids.ada, file_name: 'abandoned.csv', status: 'staging', total_rows: 2, created_at: '2026-01-15T11:00:00+00:00', committed_at: null },
      { changes: { '0013_vestigial_columns': 'deleted' } }),
    row('measurement_import_chunks', { org_id: ids.acme, import_id: ids.stagingImport, first_row: 0, row_count: 2, stream_ids: [ids.fulfil], ...chunkColumns([chunkRow(1, '2026-01-19', '2026-01-25', 360000), chunkRow(2, '2026-01-26', '2026-02-01', 345600.5)]) },
      { key: ['org_id', 'import_id', 'first_row'], changes: { '0012_imports_in_one_request': 'deleted' } }),
    row('measurements', { org_id: ids.acme, id: ids.apiWeek, stream_id: ids.fulfil, ...week('2026-01-12', '2026-01-18'), lead_time_seconds: 400000, process_time_seconds: 7000, throughput: 45, ...wastes({ inventory: 1.25, motion: 0.75 }), entered_by: ids.ada, source: 'api', method: 'system', api_token_id: ids.ciToken, created_at: '2026-01-14T06:00:00+00:00', updated_at: '2026-01-14T06:00:00+00:00' },
      { changes: { '0011_waste_hours': { set: { waste_hours: 2 } } } }),
    row('measurements', { org_id: ids.acme, id: ids.importedWeek, stream_id: ids.product, ...week('2026-01-05', '2026-01-18'), throughput: 9, defects: 0, entered_by: ids.bob, source: 'csv', method: 'observed', import_id: ids.committedImport, import_key: hash('row-7'), created_at: '2026-01-15T10:02:30+00:00', updated_at: '2026-01-15T10:02:30+00:00' },
      { changes: { '0011_waste_hours': { set: { waste_hours: null } }, '0012_imports_in_one_request': { drop: ['import_key'] } } }),
  ],
  '0009_improvements': [
    row('improvements', { org_id: ids.acme, id: id(901), stream_id: ids.fulfil, step_name: 'Pick', title: 'Scanners instead of paper pick lists', waste: 'motion', metric: 'lead_time', owner_id: ids.bob, started_on: '2026-01-19', completed_on: '2026-02-16', window_weeks: 6, expected_effect: 'Pick lead time halves', notes: 'Pilot on aisle 3', created_by: ids.ada, created_at: '2026-01-16T09:00:00+00:00', updated_at: '2026-02-16T17:00:00+00:00' }),
    row('improvements', { org_id: ids.acme, id: id(902), stream_id: ids.fulfil, title: 'Fewer handoffs', waste: null, metric: 'waste_hours', owner_id: null, started_on: '2026-02-02', completed_on: null, window_weeks: 8, created_by: ids.bob, created_at: '2026-01-30T09:00:00+00:00', updated_at: '2026-01-30T09:00:00+00:00' }),
  ],
  '0011_waste_hours': [
    row('measurements', { org_id: ids.acme, id: ids.lateWeek, stream_id: ids.fulfil, ...week('2026-01-19', '2026-01-25'), throughput: 44, ...wastes({ extra_processing: 3, overproduction: 0 }), entered_by: ids.bob, source: 'form', method: 'observed', created_at: '2026-01-26T08:00:00+00:00', updated_at: '2026-01-26T08:00:00+00:00' }),
  ],
  '0012_imports_in_one_request': [
    // The one-request design (decision 0011) recorded an import as it committed.
    row('measurement_imports', { org_id: ids.acme, id: ids.oneRequestImport, created_by: ids.ada, file_name: 'february.csv', status: 'committed', total_rows: 30, added: 30, created_at: '2026-02-02T09:00:00+00:00', committed_at: '2026-02-02T09:00:00+00:00' },
      { changes: { '0013_vestigial_columns': { drop: ['status', 'committed_at'] } } }),
  ],
};
