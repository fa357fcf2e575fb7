/**
 * A clean stop (issue 12): `npm start` (scripts/start.mjs) on SIGTERM stops taking connections,
 * finishes the request in flight, closes the database and exits 0. Runs a second server of the
 * suite's build, on the embedded database and (with TEST_DATABASE_URL) on Postgres as the app's
 * role, as an operator would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import postgres from 'postgres';
import { expect, test } from './fixtures';

const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const secret = 'e2e-only-secret-that-is-long-enough-0123456789';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Started> {
  let output = '';
  const child = spawn('node', ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true, // its own process group, so a failed test can stop the whole tree
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AUTH_SECRET: secret, SEED_DEMO: '0', ...env, NODE_ENV: 'production' },
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 120; i++) {
    // An invitation link looks its organization up, so the database is open (and a new embedded
    // one migrated) once this answers.
    const up = await fetch(`http://127.0.0.1:${port}/join/lifecycle/${'a'.repeat(40)}`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { child, output: () => output, exited };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (child.pid) process.kill(-child.pid, 'SIGKILL');
  throw new Error(`the server did not start:\n${output}`);
}

/** A sign-in POST whose body arrives in two parts: the request is in flight between them. */
function slowRequest(): { finish: () => void; answer: Promise<number> } {
  const body = 'email=someone%40example.com&password=not-the-password&csrfToken=x';
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/auth/callback/credentials',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
    },
  });
  const answer = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 10));
  return { finish: () => req.end(body.slice(10)), answer };
}

async function stopsCleanly(server: Started) {
  const inFlight = slowRequest();
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.kill(server.child.pid as number, 'SIGTERM');
  await expect
    .poll(() => server.output())
    .toMatch(/"signal":"SIGTERM","inFlight":1,.*"msg":"stopping"/);
  // No new connections once stopping…
  const refused = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => 'answered',
    () => 'refused',
  );
  expect(refused).toBe('refused');
  // …but the one in flight is answered, and only then does the process exit, with 0.
  expect(server.child.exitCode).toBeNull();
  inFlight.finish();
  const status = await inFlight.answer;
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  expect(await server.exited, server.output()).toBe(0);
  expect(server.output()).toContain('"msg":"stopped cleanly"');
}

test.describe('a clean stop', () => {
  test('on the embedded database: the request in flight is answered, PGlite is closed and unlocked', async () => {
    const dataDir = '.data/pglite-e2e-lifecycle';
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.lock`, { force: true });
    const env = { PGLITE_DIR: dataDir, DATABASE_URL: '' };
    const server = await start(env);
    try {
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
      await stopsCleanly(server);
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
      // The folder opens again at once, with nothing to recover.
      const again = await start(env);
      process.kill(again.child.pid as number, 'SIGTERM');
      expect(await again.exited, again.output()).toBe(0);
    } finally {
      if (server.child.exitCode === null) process.kill(-(server.child.pid as number), 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('on Postgres: the pool is drained, no connection is left behind', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    test.skip(!serverUrl, 'TEST_DATABASE_URL is not set: Postgres is not part of this run');
    const name = `vs_e2e_stop_${Date.now().toString(36)}`;
    const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    try {
      const owner = new URL(serverUrl as string);
      owner.pathname = `/${name}`;
      const app = new URL(owner);
      app.username = 'valuestream_app';
      app.password = '';
      // Production migrates by its own command, as the tables' owner.
      const migrated = spawnSync('npx', ['tsx', 'scripts/migrate.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: app.toString(),
          DATABASE_MIGRATION_URL: owner.toString(),
        },
        encoding: 'utf8',
      });
      expect(migrated.status, migrated.stderr).toBe(0);
      const server = await start({ DATABASE_URL: app.toString() });
      try {
        const connections = () =>
          admin`select count(*)::int as n from pg_stat_activity where datname = ${name}`.then(
            (rows) => rows[0]?.n as number,
          );
        expect(await connections()).toBeGreaterThan(0);
        await stopsCleanly(server);
        expect(await connections()).toBe(0);
      } finally {
        if (server.child.exitCode === null) process.kill(-(server.child.pid as number), 'SIGKILL');
      }
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});

test('logs a JSON line per request under its request id, and serves metrics only with the token', async () => {
  const dataDir = '.data/pglite-e2e-metrics';
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  const token = 'metrics-token-for-e2e-0123456789';
  const server = await start({ PGLITE_DIR: dataDir, DATABASE_URL: '', METRICS_TOKEN: token });
  try {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`, {
      headers: { 'x-request-id': 'probe-0123456789' },
    });
    expect(health.headers.get('x-request-id')).toBe('probe-0123456789');
    await expect
      .poll(() => server.output())
      .toMatch(
        /"requestId":"probe-0123456789","method":"GET","route":"\/api\/health","status":200/,
      );
    // A request id that is not plain text is replaced, never logged as sent.
    const hostile = await fetch(`http://127.0.0.1:${port}/api/health`, {
      headers: { 'x-request-id': 'x"}\u00e9; drop' },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    expect((await fetch(`http://127.0.0.1:${port}/api/metrics`)).status).toBe(404);
    const wrong = await fetch(`http://127.0.0.1:${port}/api/metrics`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${port}/api/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="2xx"\} [1-9]/,
    );
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('valuestream_dashboard_answers_total');
  } finally {
    process.kill(server.child.pid as number, 'SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
