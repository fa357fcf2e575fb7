/**
 * `npm run check:replica`: read-your-writes over HTTP, across two instances. Makes a primary and a
 * streaming replica of its own (scripts/infra/replica.ts), starts two production servers (the
 * build in .next) with DATABASE_URL on the primary and DATABASE_READ_URL on the replica, signs in
 * an owner and a viewer, pauses replay on the replica, saves a week as the owner on instance A and
 * reads the stream dashboard on instance B: the viewer gets the replica's figures, the owner, with
 * the `vs-wrote` cookie A sent, the new ones (and without it, the replica's). Then resumes replay
 * and measures how long the replica takes to show a save. Drops everything it made.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { APP_ROLE, openDatabase } from '@/db/client';
import { insertMembership } from '@/db/queries/orgs';
import { insertUser } from '@/db/queries/users';
import { withTenant } from '@/db/tenant';
import { emptyStream } from '@/lib/validation/streams';
import { createCaller } from '@/server/routers';
import { createOrganization } from '@/server/services/orgs';
import { hashPassword } from '@/server/services/passwords';
import { signedInAs } from '@/server/services/sessions';
import { ownReplicaPair } from './infra/replica';

const PORT = 5485; // primary; replica on 5486
const APP_PORTS = [3181, 3182];
const DB = 'vs_replica_check';
const PASSWORD = 'replica-check-password';
const H = 3600;

function check(ok: boolean, what: string) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) process.exitCode = 1;
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('No build: run `npm run build` first.');
  const pair = await ownReplicaPair('vsrcheck', PORT);
  const servers: ChildProcess[] = [];
  try {
    const admin = postgres(pair.primary.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${DB}"`);
    await admin.end();
    const app = (url: string) => Object.assign(new URL(url), { username: APP_ROLE }).toString();
    const handle = await openDatabase({
      url: app(pair.primary.url(DB)),
      migrationUrl: pair.primary.url(DB),
      migrate: true,
    });
    const passwordHash = await hashPassword(PASSWORD);
    const email = (who: string) => `${who}-${crypto.randomUUID()}@replica.example`;
    const owner = await insertUser(handle.db, { name: 'Owner', email: email('o'), passwordHash });
    const viewer = await insertUser(handle.db, { name: 'Viewer', email: email('v'), passwordHash });
    const org = await createOrganization(handle.db, { name: 'Replica', ownerId: owner.id });
    await withTenant(handle.db, { orgId: org.id }, (tx) =>
      insertMembership(tx, { orgId: org.id, userId: viewer.id, role: 'viewer' }),
    );
    const caller = createCaller({
      db: handle.db,
      session: await signedInAs(handle.db, owner.id),
      address: 'replica-check',
    });
    const { id: streamId } = await caller.streams.create({
      orgSlug: org.slug,
      fields: { ...emptyStream, name: 'Orders', ownerId: owner.id },
    });
    const week = (start: string) => ({
      streamId,
      periodStart: start,
      periodEnd: new Date(Date.parse(start) + 6 * 86_400_000).toISOString().slice(0, 10),
      leadTimeSeconds: 10 * H,
      processTimeSeconds: H,
    });
    for (const start of ['2025-03-03', '2025-03-10'])
      await caller.measurements.save({ orgSlug: org.slug, measurement: week(start) });
    await handle.close();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: app(pair.primary.url(DB)),
      DATABASE_READ_URL: app(pair.replica.url(DB)),
      AUTH_SECRET: crypto.randomBytes(33).toString('base64'),
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
    };
    const bases = await Promise.all(APP_PORTS.map((port) => start(port, env, servers)));
    const [a = '', b = ''] = bases;
    const ownerSession = await signIn(a, owner.email);
    const viewerSession = await signIn(b, viewer.email);

    const range = { range: 'custom', from: '2025-03-03', to: '2025-03-30' };
    const weeksOn = async (base: string, cookie: string) => {
      const input = encodeURIComponent(
        JSON.stringify({ json: { orgSlug: org.slug, id: streamId, ...range } }),
      );
      const res = await fetch(`${base}/api/trpc/dashboards.stream?input=${input}`, {
        headers: { cookie },
      });
      const body = (await res.json()) as { result?: { data: { json: { weeks: unknown[] } } } };
      return body.result?.data.json.weeks.length ?? -1;
    };
    check((await weeksOn(b, viewerSession)) === 2, 'the viewer reads 2 weeks on instance B');

    const replicaSu = postgres(pair.replica.url(DB), { max: 1, onnotice: () => {} });
    await replicaSu`select pg_wal_replay_pause()`;
    const save = await fetch(`${a}/api/trpc/measurements.save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a, cookie: ownerSession },
      body: JSON.stringify({ json: { orgSlug: org.slug, measurement: week('2025-03-17') } }),
    });
    const wrote = save.headers.getSetCookie().find((c) => c.startsWith('vs-wrote='));
    check(save.ok && wrote !== undefined, `the save on A answers ${save.status} with ${wrote}`);
    const wroteCookie = wrote?.split(';')[0] ?? '';
    check((await weeksOn(b, viewerSession)) === 2, 'replay paused: the viewer on B still reads 2');
    check(
      (await weeksOn(b, `${ownerSession}; ${wroteCookie}`)) === 3,
      'the owner on B, with the cookie from A, reads 3 (on the primary)',
    );
    check(
      (await weeksOn(b, ownerSession)) === 2,
      'the owner on B without the cookie reads 2 (B never saw the write)',
    );
    await replicaSu`select pg_wal_replay_resume()`;
    const lsn = wroteCookie.split('=')[1] ?? '0/0';
    for (;;) {
      const [row] = await replicaSu<{ ok: boolean }[]>`
        select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`;
      if (row?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    check((await weeksOn(b, viewerSession)) === 3, 'replay resumed: the viewer on B reads 3');

    // How far behind the replica runs here: a save, then until the replica has replayed it.
    const lags: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${a}/api/trpc/measurements.save`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: a, cookie: ownerSession },
        body: JSON.stringify({
          json: { orgSlug: org.slug, measurement: week('2025-03-24'), replace: true },
        }),
      });
      const at = res.headers.getSetCookie().find((c) => c.startsWith('vs-wrote='));
      const position = at?.split(';')[0]?.split('=')[1] ?? '0/0';
      const t0 = performance.now();
      for (;;) {
        const [row] = await replicaSu<{ ok: boolean }[]>`
          select pg_last_wal_replay_lsn() >= ${position}::pg_lsn as ok`;
        if (row?.ok) break;
      }
      lags.push(performance.now() - t0);
    }
    lags.sort((x, y) => x - y);
    console.log(
      `replay after a save: median ${lags[10]?.toFixed(1)} ms, max ${lags.at(-1)?.toFixed(1)} ms (20 saves)`,
    );
    await replicaSu.end();
  } finally {
    for (const server of servers) stop(server);
    pair.drop();
  }
}

async function start(port: number, env: NodeJS.ProcessEnv, servers: ChildProcess[]) {
  const child = spawn('node', ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  servers.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`The server on ${port} exited.`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return base;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server on ${port} did not answer within 60 s.`);
}

function stop(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // gone already
  }
}

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');

/** Signs in as a browser does (next-auth's CSRF token, then the credentials callback). */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookiesOf(csrf).join('; '),
    },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`Sign-in failed: ${response.status}`);
  return session;
}

await main();
