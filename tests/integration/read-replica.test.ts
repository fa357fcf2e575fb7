/**
 * Reads from a replica (server/replica.ts), on a real primary and a streaming replica of this
 * test's own (scripts/infra/replica.ts, pg_basebackup on two other ports): dashboards read on the
 * replica and everything else on the primary; a person who just saved reads their write on the next
 * page, in this process or another (the cookie); the dashboard cache never keeps an answer the
 * replica computed before it had replayed a change; an unreachable replica sends reads to the primary.
 * Replay is paused on the replica to make "behind" certain, not a matter of timing.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, type DatabaseHandle, openDatabase } from '@/db/client';
import { walPosition } from '@/db/queries/replication';
import { watchPrimary } from '@/server/dashboard-cache';
import { dashboardReads } from '@/server/metrics';
import { forgetWrites, replicaInUse, wroteCookieOf, type ReadRoute } from '@/server/replica';
import { createCaller } from '@/server/routers';
import { canMakeClusters, ownReplicaPair, type ReplicaPair } from '@/scripts/infra/replica';
import { H, log, mar, march } from './dashboard-factories';
import { makeOrgWithRoles, sessionOf, type TestOrg } from './harness';
import { makeStream } from './stream-factories';

const PORT = 5481; // the primary; the replica is on 5482
const DB = 'vs_replica_test';

/** A browser's cookie jar: what `vs-wrote` it holds, sent with each request. */
interface Jar {
  cookie: string | null;
}

// Making clusters needs root and Debian's postgresql-common (pg_createcluster), as on this
// machine; elsewhere the suite is skipped and says why.
describe.skipIf(!canMakeClusters())(
  'reads from a replica (needs root and pg_createcluster to make a primary and a replica)',
  () => {
    let pair: ReplicaPair;
    let primary: DatabaseHandle;
    let replica: DatabaseHandle;
    let primarySu: postgres.Sql;
    let replicaSu: postgres.Sql;
    let org: TestOrg;
    let stream: string;

    beforeAll(async () => {
      pair = await ownReplicaPair('vsrtest', PORT);
      const admin = postgres(pair.primary.url(), { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE "${DB}"`);
      await admin.end();
      const appUrl = (url: string) => {
        const u = new URL(url);
        u.username = APP_ROLE;
        return u.toString();
      };
      // As server/db.ts does with DATABASE_URL and DATABASE_READ_URL: both pools as the app's role.
      primary = await openDatabase({
        url: appUrl(pair.primary.url(DB)),
        migrationUrl: pair.primary.url(DB),
        migrate: true,
      });
      replicaInUse(true);
      watchPrimary(() => walPosition(primary.db));
      primarySu = postgres(pair.primary.url(DB), { max: 1, onnotice: () => {} });
      replicaSu = postgres(pair.replica.url(DB), { max: 1, onnotice: () => {} });
      org = await makeOrgWithRoles(primary.db);
      stream = await makeStream(primary.db, org, { fields: { name: 'Orders' } });
      for (const w of mar.slice(0, 2)) await logWeek(w);
      await replayed();
      replica = await openDatabase({ url: appUrl(pair.replica.url(DB)) });
    });

    afterAll(async () => {
      // As server/db.ts does: postgres.js may never finish closing a pool whose server went away
      // under a transaction (the last test stops the replica), so its close is bounded.
      const bounded = new Promise<void>((done) => setTimeout(done, 2_000).unref());
      await Promise.race([replica?.close(), bounded]);
      await primary?.close();
      await primarySu?.end();
      await replicaSu?.end({ timeout: 1 });
      pair?.drop();
    });

    /** Logs a March week of the stream as the owner, straight on the primary (no replica route). */
    async function logWeek(week: string) {
      await log(primary.db, org, stream, week, { leadTimeSeconds: 10 * H, processTimeSeconds: H });
    }

    /** Waits until the replica has replayed everything the primary has written so far. */
    async function replayed() {
      const [{ lsn } = { lsn: '' }] = await primarySu<{ lsn: string }[]>`
        select pg_current_wal_insert_lsn()::text as lsn`;
      for (;;) {
        const [row] = await replicaSu<{ ok: boolean }[]>`
          select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`;
        if (row?.ok) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    async function pauseReplay() {
      await replicaSu`select pg_wal_replay_pause()`;
      for (;;) {
        const [row] = await replicaSu<{ state: string }[]>`
          select pg_get_wal_replay_pause_state() as state`;
        if (row?.state === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    async function resumeReplay() {
      await replicaSu`select pg_wal_replay_resume()`;
      await replayed();
    }

    /** A request of `role` from a browser holding `jar`, through the app's router, as the route builds it. */
    function request(role: keyof TestOrg['users'], jar: Jar) {
      const route: ReadRoute = {
        db: replica.db,
        cookie: jar.cookie,
        setCookie: (header) => {
          jar.cookie = wroteCookieOf(header.split(';')[0] ?? null);
        },
      };
      return createCaller(async () => ({
        db: primary.db,
        session: await sessionOf(primary.db, org.users[role].id),
        address: 'replica-test',
        route,
      }));
    }

    /** How many dashboard reads ran where (the metric the door counts). */
    async function readsOn() {
      const { values } = await dashboardReads.get();
      const on = (where: string) => values.find((v) => v.labels.on === where)?.value ?? 0;
      return { replica: on('replica'), primary: on('primary'), unreachable: on('unreachable') };
    }

    const slug = () => org.org.slug;
    const portfolioWeeks = async (role: keyof TestOrg['users'], jar: Jar) => {
      const p = await request(role, jar).dashboards.portfolio({ orgSlug: slug(), ...march });
      return p.streams.find((s) => s.id === stream)?.weeks;
    };
    const streamWeeks = async (role: keyof TestOrg['users'], jar: Jar) =>
      (await request(role, jar).dashboards.stream({ orgSlug: slug(), id: stream, ...march })).weeks
        .length;

    it('dashboards read on the replica; the person who saved reads their write on the next page, the others once the replica replays it; the cache keeps no answer the replica computed behind', async () => {
      const owner: Jar = { cookie: null };
      const viewer: Jar = { cookie: null };
      expect(await portfolioWeeks('viewer', viewer)).toBe(2);

      await pauseReplay();
      // The owner saves a third week (on the primary): the response carries where the WAL was.
      await request('owner', owner).measurements.save({
        orgSlug: slug(),
        measurement: {
          streamId: stream,
          periodStart: mar[2] ?? '',
          periodEnd: '2025-03-23',
          leadTimeSeconds: 10 * H,
          processTimeSeconds: H,
        },
      });
      expect(owner.cookie).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      // The viewer's dashboards come from the paused replica: still two weeks.
      const before = await readsOn();
      expect(await portfolioWeeks('viewer', viewer)).toBe(2);
      expect(await streamWeeks('viewer', viewer)).toBe(2);
      expect(await readsOn()).toEqual({ ...before, replica: before.replica + 2 });
      // Everything else reads on the primary: the viewer's measurement list has the third week.
      const list = await request('viewer', viewer).measurements.list({ orgSlug: slug() });
      expect(list).toHaveLength(3);

      // The owner, who saved it, sees it on the dashboard at once (read on the primary).
      expect(await streamWeeks('owner', owner)).toBe(3);
      expect((await readsOn()).primary).toBe(before.primary + 1);
      // Another instance (which never saw the write) knows it from the cookie alone ...
      forgetWrites();
      expect(await streamWeeks('owner', owner)).toBe(3);
      // ... and without the cookie, would have read the replica.
      expect(await streamWeeks('owner', { cookie: null })).toBe(2);

      // Replay resumes: everyone sees it. The viewer's portfolio, computed on the replica while it
      // was behind the write the cache already knew of, was not kept for them.
      await resumeReplay();
      expect(await portfolioWeeks('viewer', viewer)).toBe(3);
      expect(await streamWeeks('viewer', viewer)).toBe(3);
    });

    it('a replica answer is kept in the cache while the replica shows every change the app knows of, and dropped by the next change', async () => {
      const viewer: Jar = { cookie: null };
      const portfolio = () =>
        request('viewer', viewer)
          .dashboards.portfolio({ orgSlug: slug(), ...march })
          .then((p) => p.streams.find((s) => s.id === stream));
      await replayed();
      expect((await portfolio())?.lead.value).toBe(10 * H);
      // Kept: a change made behind the app's back (no notification), replayed on the replica, is
      // not in the answer the viewer gets, which comes from the cache.
      await primarySu`update measurements set lead_time_seconds = ${20 * H} where stream_id = ${stream}`;
      await replayed();
      expect((await portfolio())?.lead.value).toBe(10 * H);
      // A write through the app drops it. The replica, paused before that write, computes an
      // answer with the update but without the new week: answered, and not kept ...
      await pauseReplay();
      await logWeek(mar[3] ?? '');
      expect(await portfolio()).toMatchObject({ weeks: 3, lead: { value: 20 * H } });
      // ... so once the replica replays the write, the viewer has it.
      await resumeReplay();
      expect(await portfolio()).toMatchObject({ weeks: 4, lead: { value: 20 * H } });
    });

    it('when the replica cannot be reached, dashboards read on the primary', async () => {
      pair.replica.stop();
      try {
        const before = await readsOn();
        expect(await streamWeeks('viewer', { cookie: null })).toBe(4);
        expect(await portfolioWeeks('viewer', { cookie: null })).toBe(4);
        expect((await readsOn()).unreachable).toBe(before.unreachable + 2);
      } finally {
        pair.replica.start();
      }
    });
  },
);
