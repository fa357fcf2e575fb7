/**
 * Bounded work (issue 12): the app's role carries statement, lock and idle-in-transaction
 * timeouts (migration 0015); work past them fails with a clear message, saves nothing and leaves
 * no connection held. Postgres only: role settings apply at login, and PGlite has no second session.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, type DatabaseHandle, openDatabase } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { withTenant } from '@/db/tenant';
import { errorResponse } from '@/server/api/errors';
import { expectCode } from './errors';
import { makeOrgWithRoles, otherConnection, useDatabase } from './harness';
import { as, makeStream, readStream, streamFields } from './stream-factories';

const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('bounded work on postgres', () => {
  const t = useDatabase('postgres');
  let database = '';
  /** A second app handle whose connections log in with this database's short test budgets. */
  let short: DatabaseHandle;

  beforeAll(async () => {
    const [row] = await rowsOf<{ name: string }>(t.db, sql`select current_database() as name`);
    database = row?.name ?? '';
    const admin = await otherConnection(t.db);
    try {
      // Per database, so other test files' databases keep the real budgets.
      await admin.unsafe(
        `ALTER ROLE ${APP_ROLE} IN DATABASE "${database}" SET lock_timeout = '300ms'`,
      );
    } finally {
      await admin.end();
    }
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = `/${database}`;
    url.username = APP_ROLE;
    short = await openDatabase({ url: url.toString() });
  });
  afterAll(async () => {
    await short?.close();
  });

  it('the role logs in with statement, lock and idle-in-transaction timeouts', async () => {
    const [settings] = await rowsOf<{ statement: string; idle: string }>(
      t.db,
      sql`select current_setting('statement_timeout') as statement,
                 current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect(settings).toEqual({ statement: '30s', idle: '1min' });
    const [lock] = await rowsOf<{ lock: string }>(
      short.db,
      sql`select current_setting('lock_timeout') as lock`,
    );
    expect(lock?.lock).toBe('300ms');
  });

  it('a statement past its budget answers 503 with a clear message and frees its connection', async () => {
    let failure: unknown;
    try {
      await t.db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = '100ms'`);
        await tx.execute(sql`select pg_sleep(5)`);
      });
    } catch (error) {
      failure = error;
    }
    const response = errorResponse(failure);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/took longer than the server allows.*nothing was saved/);
    expect(body.error.message).not.toMatch(/pg_sleep|select|statement_timeout/i);
    // The pool serves the next request, and no connection of ours is left inside a transaction.
    const stuck = await rowsOf<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state like 'idle in transaction%'`,
    );
    expect(stuck[0]?.n).toBe(0);
  });

  it('a change that waits past the lock budget is refused as unavailable and saves nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    const before = await readStream(t.db, org, id);
    const holder = await otherConnection(t.db);
    try {
      // Another session holds the stream's row, as a long write would.
      await holder`begin`;
      await holder.unsafe(`select set_config('app.org_id', '${org.org.id}', true)`);
      await holder.unsafe(`select id from value_streams where id = '${id}' for update`);
      const error = await expectCode(
        as(short.db, org, 'owner').streams.update({
          orgSlug: org.org.slug,
          id,
          fields: streamFields({ name: 'Renamed while locked' }),
        }),
        'SERVICE_UNAVAILABLE',
      );
      expect(error.message).toMatch(/taking long; nothing was saved/);
    } finally {
      await holder`rollback`;
      await holder.end();
    }
    expect(await readStream(t.db, org, id)).toEqual(before);
    // Once the lock is gone the same change goes through on the same pool.
    await as(short.db, org, 'owner').streams.update({
      orgSlug: org.org.slug,
      id,
      fields: streamFields({ name: 'Renamed after' }),
    });
    const after = await withTenant(t.db, { orgId: org.org.id }, (tx) =>
      rowsOf<{ name: string }>(tx, sql`select name from value_streams where id = ${id}`),
    );
    expect(after[0]?.name).toBe('Renamed after');
  });
});
