/**
 * The app through PgBouncer in transaction pooling (issue 12, several instances): a server
 * connection serves one transaction of one client, then another client's. Proves that the tenant
 * settings (set_config(..., true) in db/tenant.ts) end with their transaction, on a pool of one
 * connection that two organizations' requests alternate on; that named prepared statements break
 * transactions on Debian's PgBouncer (1.18, no prepared-statement support), hence
 * DATABASE_PREPARE=false; that a role given as a start-up parameter is refused (not ignored); and
 * that LISTEN on a direct connection (DATABASE_LISTEN_URL) hears writes made through the bouncer.
 * Postgres and Debian's pgbouncer only.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, type DatabaseHandle, openDatabase } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { withTenant } from '@/db/tenant';
import { announceChange, DATA_CHANNEL } from '@/server/dashboard-cache';
import { type PgBouncer, startPgBouncer } from '@/scripts/infra/pgbouncer';
import { freePort, hasProgram } from '@/scripts/infra/processes';
import { makeOrgWithRoles, type TestOrg, useDatabase } from './harness';
import { as, makeStream, streamFields } from './stream-factories';

const runs = Boolean(process.env.TEST_DATABASE_URL) && hasProgram('pgbouncer');
const onBouncer = runs ? describe : describe.skip;

onBouncer('the app through PgBouncer in transaction pooling', () => {
  const t = useDatabase('postgres');
  /** The test database, directly, as a URL of `user`. */
  let direct: (user: string) => string;
  const bouncers: PgBouncer[] = [];
  const handles: DatabaseHandle[] = [];

  async function bouncer(poolSize: number): Promise<PgBouncer> {
    const port = await freePort();
    const b = await startPgBouncer({
      dir: `/tmp/vs-pgbouncer-test-${port}`,
      port,
      target: direct('postgres'),
      poolSize,
      users: [APP_ROLE, 'postgres'],
    });
    bouncers.push(b);
    return b;
  }
  async function open(url: string, extra: { prepare?: boolean; listenUrl?: string } = {}) {
    const handle = await openDatabase({ url, prepare: false, ...extra });
    handles.push(handle);
    return handle;
  }

  beforeAll(async () => {
    const [row] = await rowsOf<{ name: string }>(t.db, sql`select current_database() as name`);
    direct = (user) => {
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${row?.name ?? ''}`;
      url.username = user;
      url.password = '';
      return url.toString();
    };
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await Promise.all(bouncers.map((b) => b.stop()));
  });

  it('two organizations alternate on a pool of one connection: each sees only its own, nothing is left behind', async () => {
    const b = await bouncer(1);
    const app = await open(b.url(APP_ROLE));
    const orgs: TestOrg[] = [await makeOrgWithRoles(t.db), await makeOrgWithRoles(t.db)];
    const names = [`Alpha ${Date.now()}`, `Beta ${Date.now()}`];
    for (const [i, org] of orgs.entries())
      await makeStream(t.db, org, { fields: streamFields({ name: names[i] }) });

    const pids = new Set<number>();
    for (let round = 0; round < 10; round++) {
      // Both organizations' requests at once, through the app's door, on one server connection.
      const answers = await Promise.all(
        orgs.map((org) => as(app.db, org, 'viewer').streams.list({ orgSlug: org.org.slug })),
      );
      expect(answers.map((list) => list.map((s) => s.name))).toEqual([[names[0]], [names[1]]]);
      for (const org of orgs) {
        const [inside] = await withTenant(app.db, { orgId: org.org.id }, (tx) =>
          rowsOf<{ org: string; pid: number }>(
            tx,
            sql`select current_setting('app.org_id', true) as org, pg_backend_pid() as pid`,
          ),
        );
        expect(inside?.org).toBe(org.org.id);
        pids.add(inside?.pid as number);
        // The next transaction on the same connection, with no tenant named: nothing set, no row.
        const [after] = await rowsOf<{ org: string | null; user: string | null; pid: number }>(
          app.db,
          sql`select current_setting('app.org_id', true) as org,
                     current_setting('app.user_id', true) as user,
                     pg_backend_pid() as pid`,
        );
        expect(after?.pid).toBe(inside?.pid);
        expect(after?.org ?? '').toBe('');
        expect(after?.user ?? '').toBe('');
        const [seen] = await rowsOf<{ n: number }>(
          app.db,
          sql`select count(*)::int as n from value_streams`,
        );
        expect(seen?.n).toBe(0);
      }
    }
    expect(pids.size).toBe(1);
  });

  it('named prepared statements break a transaction on another server connection; DATABASE_PREPARE=false does not', async () => {
    const b = await bouncer(2);
    const outcome = async (prepare: boolean) => {
      const clients = [1, 2, 3].map(() =>
        postgres(b.url(APP_ROLE), { max: 1, prepare, onnotice: () => {} }),
      );
      const [c1, c2, c3] = clients as [postgres.Sql, postgres.Sql, postgres.Sql];
      const query = (c: postgres.Sql | postgres.TransactionSql) => c`select ${1}::int + 1 as two`;
      const hold = (c: postgres.Sql) => {
        let release = () => {};
        const released = new Promise<void>((resolve) => (release = resolve));
        let held = () => {};
        const holding = new Promise<void>((resolve) => (held = resolve));
        const done = c.begin(async (tx) => {
          await tx`select 1`;
          held();
          await released;
        });
        return { holding, release: async () => (release(), await done) };
      };
      try {
        const first = hold(c2); // c2 holds server connection S1 in a transaction
        await first.holding;
        await query(c1); // so c1 prepares its statement on S2
        const second = hold(c3); // S2 is free again: c3 holds it
        await second.holding;
        await first.release(); // S1 is free: c1's next transaction runs there
        const result = await c1
          .begin((tx) => query(tx))
          .then(
            () => 'committed',
            (error: Error) => error.message,
          );
        await second.release();
        return result;
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    };
    expect(await outcome(true)).toMatch(/prepared statement .* does not exist/);
    expect(await outcome(false)).toBe('committed');
  });

  it('a role given as a start-up parameter is refused, not ignored: behind PgBouncer the app logs in as its role', async () => {
    const b = await bouncer(1);
    const asOwner = await open(b.url('postgres')); // openDatabase sets role=valuestream_app
    const failure = await asOwner.db.execute(sql`select current_user`).then(
      () => null,
      (error: Error) => error.cause as Error,
    );
    expect(failure?.message).toMatch(/unsupported startup parameter: role/);
  });

  it('LISTEN on a direct connection hears a change written through the bouncer', async () => {
    const b = await bouncer(1);
    const app = await open(b.url(APP_ROLE), { listenUrl: direct(APP_ROLE) });
    const heard: string[] = [];
    await app.listen?.(
      DATA_CHANNEL,
      (payload) => heard.push(payload),
      () => {},
    );
    const org = await makeOrgWithRoles(t.db);
    await withTenant(app.db, { orgId: org.org.id }, (tx) => announceChange(tx, org.org.id));
    await expect.poll(() => heard).toContain(org.org.id);
  });
});
