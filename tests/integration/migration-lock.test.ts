/**
 * Two instances that start at once on a fresh Postgres database both migrate it: the migrator
 * runs under an advisory lock (db/client.ts), so the second waits for the first and then finds
 * nothing left to apply, instead of racing it to create the same tables.
 *
 * Postgres only: the embedded database is one process at a time (its folder lock), so two
 * instances can never migrate it at once.
 */
import crypto from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { APP_ROLE, openDatabase } from '@/db/client';
import { readJournal } from './migration-fixtures';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('migrations under an advisory lock on postgres', () => {
  it('two instances migrating a fresh database at once both succeed, each migration applied once', async () => {
    const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
    const name = `vs_test_${crypto.randomBytes(6).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const owner = new URL(serverUrl ?? '');
    owner.pathname = `/${name}`;
    const app = new URL(owner);
    app.username = APP_ROLE;
    app.password = '';
    const check = postgres(owner.toString(), { max: 1, onnotice: () => {} });
    try {
      const open = () =>
        openDatabase({ url: app.toString(), migrationUrl: owner.toString(), migrate: true });
      const opened = await Promise.allSettled([open(), open()]);
      for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual([
        'ok',
        'ok',
      ]);

      const applied = await check<{ created_at: string }[]>`
        select created_at from drizzle.__drizzle_migrations order by id`;
      expect(applied.map((r) => Number(r.created_at))).toEqual(
        readJournal().entries.map((e) => e.when),
      );
      const [tables] = await check<{ n: number }[]>`
        select count(*)::int as n from pg_tables where schemaname = 'public'`;
      expect(tables?.n).toBeGreaterThan(10);
      // The lock went with the migrating sessions.
      const locks = await check`
        select 1 from pg_locks where locktype = 'advisory' and database = (
          select oid from pg_database where datname = current_database())`;
      expect(locks).toHaveLength(0);
    } finally {
      await check.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
