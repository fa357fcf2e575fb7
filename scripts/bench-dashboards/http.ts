/**
 * The HTTP part of `npm run bench`: a production build of the app, started on the bench database,
 * a signed-in session, and autocannon against the portfolio endpoint and the bare /api/health.
 *
 * The build goes to a copy of the work tree (its tracked and untracked files, node_modules as
 * hard links), never to the repository's own `.next`, which a developer's server or Playwright may
 * be using; when the work tree does not build, to a copy of the last commit. It holds
 * /tmp/vs-e2e.lock, as the end-to-end runs do, while it builds and serves.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { APP_ROLE } from '@/db/client';

export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.HTTP_SECONDS ?? 10);
export const WARM_UP_S = 3;
const LOCK_FILE = '/tmp/vs-e2e.lock';

/** Registers something to undo at the end (the caller runs them last first, also on Ctrl-C). */
type OnCleanup = (undo: () => void | Promise<void>) => void;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

/** Waits for the lock the end-to-end runs share; resolves with the function that releases it. */
async function acquireLock(): Promise<() => void> {
  // flock holds the lock while `cat` runs; `cat` ends when our end of its stdin closes, which also
  // happens if this process dies, so the lock is never left behind.
  const child = spawn('flock', [LOCK_FILE, 'sh', '-c', 'echo locked; exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = setTimeout(
    () => console.log(`  waiting for ${LOCK_FILE} (an end-to-end run holds it)…`),
    1000,
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`flock ${LOCK_FILE} exited with ${code}`)));
  });
  clearTimeout(waiting);
  return () => child.stdin.end();
}

/** The health route: served by the build even before it is committed. */
const HEALTH_ROUTE = 'app/api/health/route.ts';

/**
 * A copy of the app in a temporary folder: the work tree as it is now (tracked and untracked
 * files, not ignored ones), or the last commit with the health route.
 */
function copyApp(repo: string, source: 'work tree' | 'last commit', onCleanup: OnCleanup): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-bench-app-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  if (source === 'work tree') {
    const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repo)
      .split('\0')
      .filter((f) => f && fs.existsSync(path.join(repo, f)));
    const list = path.join(dir, '.bench-files');
    fs.writeFileSync(list, files.join('\0'));
    run('rsync', ['-a', '--from0', `--files-from=${list}`, './', `${dir}/`], repo);
    fs.rmSync(list);
  } else {
    run('sh', ['-c', `git archive --format=tar HEAD | tar -x -C '${dir}'`], repo);
    fs.mkdirSync(path.dirname(path.join(dir, HEALTH_ROUTE)), { recursive: true });
    fs.copyFileSync(path.join(repo, HEALTH_ROUTE), path.join(dir, HEALTH_ROUTE));
  }
  // Hard links, not a symlink: Turbopack refuses a node_modules that points outside the project.
  run('cp', ['-al', path.join(repo, 'node_modules'), path.join(dir, 'node_modules')], repo);
  return dir;
}

/**
 * Builds the work tree; when it does not build (someone's change half done), the last commit.
 * Returns the folder, what was built and how long it took.
 */
function build(
  repo: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  onCleanup: OnCleanup,
) {
  let failure = '';
  for (const source of ['work tree', 'last commit'] as const) {
    const dir = copyApp(repo, source, onCleanup);
    log(`  building the ${source} in ${dir} …`);
    const started = performance.now();
    const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (result.status === 0) return { dir, source, seconds: (performance.now() - started) / 1000 };
    failure = `${result.stdout}\n${result.stderr}`;
    const errors = failure.split('\n').filter((l) => /error/i.test(l));
    log(`  the ${source} does not build: ${errors.slice(0, 3).join(' | ').slice(0, 400)}`);
  }
  throw new Error(`next build failed:\n${failure}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No port')),
      );
    });
  });
}

/** Starts `next start` in its own process group; stopping kills the whole group. */
async function startServer(
  dir: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  onCleanup: OnCleanup,
) {
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      env,
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onCleanup(async () => {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
    const group = -child.pid;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(group, name);
      } catch {
        // the group is gone already
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `next start exited with ${child.exitCode}:\n${fs.readFileSync(logFile, 'utf8')}`,
      );
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, group: child.pid ?? 0 };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(
        `next start did not answer within 60 s:\n${fs.readFileSync(logFile, 'utf8')}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');

/** Signs in as a browser does (next-auth's CSRF token, then the credentials callback); returns the session cookie. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookiesOf(csrf).join('; '),
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith('authjs.session-token='));
  if (!session)
    throw new Error(`Sign-in failed: ${response.status} ${response.headers.get('location') ?? ''}`);
  return session;
}

/** CPU time (user + system, ms) of some processes, from /proc (Linux). */
let tickMs: number | undefined;
function cpuMs(pids: number[]): number {
  tickMs ??= 1000 / Number(run('getconf', ['CLK_TCK'], '/').trim() || 100);
  const tick = tickMs;
  let total = 0;
  for (const pid of pids) {
    try {
      // After the command name (in parentheses, possibly with spaces): state, ppid, pgrp, … utime, stime.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // the process has ended
    }
  }
  return total;
}

/** The processes of a process group (the server and any worker it started). */
function groupPids(pgid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return (
          Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[2]) === pgid
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU milliseconds per request: the app's server processes, its Postgres backends, and autocannon (this process). */
  cpu: { node: number; postgres: number; autocannon: number };
}

interface Processes {
  /** The server's process group. */
  serverGroup: number;
  /** The Postgres backends serving the bench database. */
  backends: () => Promise<number[]>;
}

/**
 * Waits until the server has finished the requests autocannon left in flight when it stopped
 * (it abandons them; the server still serves them): until its CPU time stops growing.
 */
async function idle(pids: number[]) {
  const deadline = Date.now() + 20_000;
  for (let last = cpuMs(pids); Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuMs(pids);
    if (now - last < 25) return;
    last = now;
  }
}

async function load(
  url: string,
  headers: Record<string, string>,
  processes: Processes,
): Promise<Load> {
  const options = { url, connections: CONNECTIONS, headers };
  await autocannon({ ...options, duration: WARM_UP_S });
  // The warm-up opened the server's database connections: count their backends from here on.
  const pids = { node: groupPids(processes.serverGroup), postgres: await processes.backends() };
  await idle(pids.node);
  const before = {
    node: cpuMs(pids.node),
    postgres: cpuMs(pids.postgres),
    self: process.cpuUsage(),
  };
  const r = await autocannon({ ...options, duration: DURATION_S });
  const self = process.cpuUsage(before.self);
  await idle(pids.node);
  // CPU per request: every request sent was served, including those answered after the run ended.
  const per = (total: number) => total / Math.max(1, r.requests.sent);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpu: {
      node: per(cpuMs(pids.node) - before.node),
      postgres: per(cpuMs(pids.postgres) - before.postgres),
      autocannon: per((self.user + self.system) / 1000),
    },
  };
}

export interface HttpResult {
  bytes: number;
  gzipBytes: number;
  buildSeconds: number;
  /** What was built: the work tree, or the last commit when the work tree did not build. */
  source: string;
  portfolio: Load;
  portfolioIdentity: Load;
  /** The same build started again with DASHBOARD_CACHE=off: every request computes the answer. */
  portfolioUncached: Load;
  /** `orgs.current`: the session, the organization and the tenant transaction, with a tiny answer. */
  orgCurrent: Load;
  health: Load;
}

/**
 * Builds and starts the app on `databaseUrl`, signs in as the largest organization's owner and
 * loads the portfolio (12 weeks, as the page asks for it first: one procedure in a tRPC batch, as
 * the browser's httpBatchLink sends it), `orgs.current` (what every tenant request pays before
 * its own work) and /api/health, each after a warm-up.
 */
/** The same database, logged in as the app's role (production refuses any other user). */
function asAppRole(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

export async function httpBench(params: {
  repo: string;
  databaseUrl: string;
  email: string;
  password: string;
  orgSlug: string;
  /** The pids of the Postgres backends connected to the bench database. */
  backends: () => Promise<number[]>;
  log: (line: string) => void;
  onCleanup: OnCleanup;
}): Promise<HttpResult> {
  params.onCleanup(await acquireLock());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: asAppRole(params.databaseUrl),
    AUTH_SECRET: crypto.randomBytes(33).toString('base64'),
  };
  const {
    dir,
    source,
    seconds: buildSeconds,
  } = build(params.repo, env, params.log, params.onCleanup);
  const logFile = path.join(dir, 'bench-server.log');
  const { base, group } = await startServer(dir, env, logFile, params.onCleanup);
  const processes = { serverGroup: group, backends: params.backends };
  const cookie = await signIn(base, params.email, params.password);
  const batch = (procedure: string, input: unknown) =>
    `${base}/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: input } }))}`;
  const url = batch('dashboards.portfolio', { orgSlug: params.orgSlug, range: '12w' });
  // One request first: the answer must be the portfolio, and its size is worth knowing.
  const check = await fetch(url, { headers: { cookie } });
  const body = await check.text();
  const streams = (
    JSON.parse(body) as { result?: { data?: { json?: { streams?: unknown[] } } } }[]
  )[0]?.result?.data?.json?.streams?.length;
  if (check.status !== 200 || !streams)
    throw new Error(`The portfolio did not answer: ${check.status} ${body.slice(0, 300)}`);
  const gzip = { 'accept-encoding': 'gzip, deflate, br' };
  const portfolio = await load(url, { cookie, ...gzip }, processes);
  const portfolioIdentity = await load(url, { cookie }, processes);
  const orgCurrent = await load(
    batch('orgs.current', { orgSlug: params.orgSlug }),
    { cookie, ...gzip },
    processes,
  );
  const health = await load(`${base}/api/health`, gzip, processes);
  // A second server on the same build, without the answer cache (the first one idles meanwhile).
  const uncached = await startServer(
    dir,
    { ...env, DASHBOARD_CACHE: 'off' },
    `${logFile}.uncached`,
    params.onCleanup,
  );
  const uncachedCookie = await signIn(uncached.base, params.email, params.password);
  const portfolioUncached = await load(
    url.replace(base, uncached.base),
    { cookie: uncachedCookie, ...gzip },
    { serverGroup: uncached.group, backends: params.backends },
  );
  return {
    bytes: Buffer.byteLength(body),
    gzipBytes: zlib.gzipSync(body).byteLength,
    buildSeconds,
    source,
    portfolio,
    portfolioIdentity,
    portfolioUncached,
    orgCurrent,
    health,
  };
}
