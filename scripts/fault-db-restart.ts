/**
 * `npm run fault:db-restart` (issue 12): API batches under load while Postgres restarts.
 *
 * Starts a cluster of its own (scripts/infra/cluster.ts), migrates a fresh database as the owner,
 * starts the built app (`npm start`) logged in as the app's role, and lets several clients send
 * measurement batches, each retrying with its own Idempotency-Key until acknowledged, while the
 * cluster is restarted FAULT_RESTARTS times. At the end every acknowledged batch must be stored
 * exactly once (every row, with its values), nothing acknowledged lost, and the app must have
 * answered again within 5 s of each restart without being restarted. Prints the counts.
 * Needs `npm run build` first; the browser suite runs a short version (tests/e2e/faults.spec.ts).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { APP_ROLE, openDatabase } from '@/db/client';
import { insertUser } from '@/db/queries/users';
import { createCaller } from '@/server/routers';
import { emptyStream } from '@/lib/validation/streams';
import { createOrganization } from '@/server/services/orgs';
import { signedInAs } from '@/server/services/sessions';
import { ownCluster } from './infra/cluster';

export interface FaultOptions {
  restarts: number;
  clients: number;
  batchesPerClient: number;
  batchSize: number;
  clusterPort: number;
  appPort: number;
  log?: (line: string) => void;
}

export interface FaultReport {
  acknowledged: number;
  rowsExpected: number;
  rowsStored: number;
  rowsWrong: number;
  attempts: number;
  retried: number;
  replayed: number;
  /** Per restart: ms from the database accepting connections again to the app's next acknowledgement. */
  recoveryMs: number[];
}

const STREAMS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Row i of the run: its stream and a week of its own, and values that say which row it is. */
function rowOf(i: number, streams: string[]) {
  const start = new Date(Date.UTC(2000, 0, 3) + Math.floor(i / STREAMS) * 7 * 86_400_000);
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return {
    streamId: streams[i % STREAMS] as string,
    periodStart: start.toISOString().slice(0, 10),
    periodEnd: end.toISOString().slice(0, 10),
    leadTimeSeconds: 100_000 + i,
    processTimeSeconds: 1_000 + (i % 1_000),
    pctCompleteAccurate: 90,
  };
}

export async function runDbRestartFault(opts: FaultOptions): Promise<FaultReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('No build: run `npm run build` first.');
  const cluster = ownCluster(`vsfault${opts.clusterPort}`, opts.clusterPort);
  const dbName = `fault_${Date.now().toString(36)}`;
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const ownerUrl = cluster.url(dbName);
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_ROLE;

  // The schema, an owner, an organization with streams and a token, through the app's own code.
  const handle = await openDatabase({
    url: appUrl.toString(),
    migrationUrl: ownerUrl,
    migrate: true,
  });
  const user = await insertUser(handle.db, {
    name: 'Fault',
    email: `fault-${crypto.randomUUID()}@fault.example`,
    passwordHash: 'x',
  });
  const org = await createOrganization(handle.db, { name: 'Fault test', ownerId: user.id });
  const session = await signedInAs(handle.db, user.id);
  const caller = createCaller({ db: handle.db, session, address: 'fault-test' });
  const streams: string[] = [];
  for (let s = 0; s < STREAMS; s++) {
    const { id } = await caller.streams.create({
      orgSlug: org.slug,
      fields: { ...emptyStream, name: `Stream ${s}`, ownerId: user.id },
    });
    streams.push(id);
  }
  const { token } = await caller.apiTokens.create({ orgSlug: org.slug, name: 'fault' });
  await handle.close();

  const server = spawn(
    'node',
    ['scripts/start.mjs', '-p', String(opts.appPort), '-H', '127.0.0.1'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: appUrl.toString(),
        AUTH_SECRET: crypto.randomBytes(33).toString('base64'),
        DATABASE_POOL_SIZE: '4',
      },
    },
  );
  let serverLog = '';
  server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
  const base = `http://127.0.0.1:${opts.appPort}`;
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 120 || server.exitCode !== null)
        throw new Error(`The app did not start:\n${serverLog}`);
      await sleep(500);
    }

    const report: FaultReport = {
      acknowledged: 0,
      rowsExpected: 0,
      rowsStored: 0,
      rowsWrong: 0,
      attempts: 0,
      retried: 0,
      replayed: 0,
      recoveryMs: [],
    };
    let lastAck = 0;
    const acknowledgedRows: number[] = [];

    /** Sends one batch until the app acknowledges it; a 4xx other than "busy" is a failure. */
    async function sendUntilAcknowledged(first: number) {
      const rows = Array.from({ length: opts.batchSize }, (_, r) => first + r);
      const body = JSON.stringify({ measurements: rows.map((i) => rowOf(i, streams)) });
      const key = crypto.randomUUID();
      for (let attempt = 0; ; attempt++) {
        report.attempts++;
        if (attempt > 0) report.retried++;
        const answer = await fetch(`${base}/api/v1/measurements/batch`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body,
          signal: AbortSignal.timeout(30_000),
        }).then(
          async (r) => ({
            status: r.status,
            text: await r.text(),
            replayed: r.headers.get('idempotent-replayed'),
          }),
          () => null,
        );
        if (answer && answer.status === 201) {
          const json = JSON.parse(answer.text) as { added: number; replaced: number };
          if (json.added + json.replaced !== opts.batchSize)
            throw new Error(`Batch at ${first} acknowledged ${answer.text}`);
          if (answer.replayed === 'true') report.replayed++;
          report.acknowledged++;
          acknowledgedRows.push(...rows);
          lastAck = Date.now();
          return;
        }
        const retryable =
          !answer || answer.status >= 500 || answer.status === 409 || answer.status === 429;
        if (!retryable) throw new Error(`Batch at ${first}: ${answer.status} ${answer.text}`);
        if (attempt > 600) throw new Error(`Batch at ${first} was never acknowledged`);
        await sleep(100 + Math.random() * 150);
      }
    }

    // Clients send at least their batches, and keep sending until every restart has been
    // recovered from, so each restart happens under load.
    let faultsDone = false;
    let next = 0;
    const clients = Array.from({ length: opts.clients }, async () => {
      for (let b = 0; b < opts.batchesPerClient || !faultsDone; b++) {
        const first = next;
        next += opts.batchSize;
        await sendUntilAcknowledged(first);
      }
    });
    const faults = (async () => {
      try {
        for (let r = 0; r < opts.restarts; r++) {
          await sleep(1_000);
          log(`restart ${r + 1}: ${report.acknowledged} batches acknowledged so far`);
          cluster.restart(); // returns once the server accepts connections again
          const up = Date.now();
          while (lastAck < up) {
            if (Date.now() - up > 30_000) throw new Error('The app did not recover within 30 s');
            await sleep(20);
          }
          report.recoveryMs.push(lastAck - up);
        }
      } finally {
        faultsDone = true;
      }
    })();
    await Promise.all([...clients, faults]);

    // Every acknowledged row is stored once, with its own values; nothing else is stored.
    const check = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const stored = await check<
        { lt: string }[]
      >`select lead_time_seconds::text as lt from measurements`;
      report.rowsStored = stored.length;
      const seen = new Set(stored.map((r) => Number(r.lt) - 100_000));
      report.rowsExpected = acknowledgedRows.length;
      report.rowsWrong = acknowledgedRows.filter((i) => !seen.has(i)).length;
    } finally {
      await check.end();
    }
    return report;
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    cluster.drop();
  }
}

async function main() {
  const n = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const report = await runDbRestartFault({
    restarts: n('FAULT_RESTARTS', 3),
    clients: n('FAULT_CLIENTS', 4),
    batchesPerClient: n('FAULT_BATCHES', 60),
    batchSize: n('FAULT_BATCH_SIZE', 50),
    clusterPort: n('FAULT_PG_PORT', 54330),
    appPort: n('FAULT_APP_PORT', 3190),
  });
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.rowsStored === report.rowsExpected &&
    report.rowsWrong === 0 &&
    report.recoveryMs.every((ms) => ms <= 5_000);
  console.log(
    ok
      ? `OK: ${report.acknowledged} batches (${report.rowsStored} rows) stored exactly once across ${report.recoveryMs.length} restarts; recovery ${report.recoveryMs.join(', ')} ms (≤ 5,000).`
      : 'FAILED: see the counts above.',
  );
  if (!ok) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
