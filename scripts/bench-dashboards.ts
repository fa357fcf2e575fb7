/**
 * `npm run bench`: the dashboards on real Postgres, for the largest of ORGS organizations (200
 * streams, three years of weeks), as `measurements` grows from 50,000 rows to SIZE:
 *   1. server time (p50, p95, mean) of the portfolio (12 weeks and a year) and of one stream's
 *      dashboard, through the tRPC procedures (`createCaller`: app role, row-level security, the
 *      tenant transaction; no HTTP), at each size;
 *   2. the same aggregates as raw SQL (the statements db/queries/dashboards/ sends, captured and
 *      sent by the superuser, and as the app role in a transaction), and the ratio;
 *   3. the portfolio at 50,000 rows and at SIZE side by side: a second database holds the first
 *      50,000 rows only (the largest organization's rows are the same in both), and the calls go to
 *      both in turns, so that the machine's other work falls on both alike;
 *   4. EXPLAIN (ANALYZE, BUFFERS) of the portfolio query at SIZE, then requests per second over
 *      HTTP (autocannon, 50 connections, signed in) of the portfolio endpoint beside the bare
 *      /api/health route, on a production build (bench-dashboards/http.ts).
 * Prints the issue's targets beside the figures. Uses BENCH_DATABASE_URL (default: the local
 * server) to create and drop its own databases. SIZE (default 5,000,000), ORGS (default 2,000),
 * ITERATIONS (default 200), HTTP_SECONDS (default 10), HTTP=0 to skip HTTP, PLANS=1 for the whole plan.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { setDashboardCache } from '@/server/dashboard-cache';
import { createCaller } from '@/server/routers';
import { signedInAs } from '@/server/services/sessions';
import { transformer } from '@/server/transformer';
import { hashPassword } from '@/server/services/passwords';
import {
  LARGEST_ROWS,
  LARGEST_STREAMS,
  loadMaps,
  loadMeasurements,
  loadTenants,
  makePlan,
  type BenchPlan,
} from './bench-dashboards/data';
import { CONNECTIONS, DURATION_S, httpBench, type HttpResult } from './bench-dashboards/http';
import { int, log, ms, printHttp, printPlans } from './bench-dashboards/report';
import {
  explain,
  ITERATIONS,
  portfolioSql,
  runAsApp,
  runRaw,
  streamSql,
  timeInTurns,
  timeIt,
  type Stats,
} from './bench-dashboards/timing';

const SIZE = Number(process.env.SIZE ?? 5_000_000);
const ORGS = Number(process.env.ORGS ?? 2000);
const SMALL = 50_000;
const HTTP = process.env.HTTP !== '0';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OWNER_EMAIL = 'owner@bench-largest.example';
const OWNER_PASSWORD = 'bench-owner-password-not-secret';

// The issue's targets.
const P95_MS = 15;
const GROWTH = 0.2;
const OVER_RAW = 1.5;
const OF_BARE = 0.25;

const secs = (from: number) => (performance.now() - from) / 1000;
const pct = (ratio: number) => `${ratio >= 0 ? '+' : ''}${Math.round(100 * ratio)}%`;

/** Things to undo at the end, last first; also on Ctrl-C. */
const undo: (() => unknown)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(error);
      }
    }
  })();
  return cleaning;
}
// Ctrl-C reaches this process more than once (from the terminal, and relayed by npm and tsx): the
// first starts the clean-up, later ones must not cut it short.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!cleaning) console.log(`\n${signal}: stopping the server and dropping the databases…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Gives up waiting for something to close after a few seconds (a query may still be running). */
const within = (p: Promise<unknown>, seconds = 5) =>
  Promise.race([p, new Promise((r) => setTimeout(r, seconds * 1000))]);

/** A database of its own, migrated, with the tenants and maps of the plan. */
async function benchDatabase(admin: postgres.Sql, plan: BenchPlan, passwordHash: string) {
  const name = `vs_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  undo.push(() => admin.unsafe(`drop database if exists "${name}" with (force)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const app = await openDatabase({ url: url.toString(), migrate: true });
  undo.push(() => within(app.close()));
  // The superuser: loads (COPY is refused under row-level security) and runs the raw SQL.
  const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
  undo.push(() => owner.end({ timeout: 5 }));
  await loadTenants(owner, plan, OWNER_EMAIL, passwordHash);
  await loadMaps(owner, plan);
  await owner`analyze`;
  return {
    name,
    url: url.toString(),
    owner,
    caller: createCaller({
      db: app.db,
      session: await signedInAs(app.db, plan.largest.ownerId),
      address: 'bench',
    }),
    rows: 0,
  };
}

type BenchDb = Awaited<ReturnType<typeof benchDatabase>>;

/**
 * Grows the database's `measurements` from `from` rows to `to` (about: each organization's share is
 * rounded down), then vacuums it; prints how long it took.
 */
async function grow(db: BenchDb, plan: BenchPlan, from: number, to: number, label: string) {
  let started = performance.now();
  const added = await loadMeasurements(db.owner, plan, from, to);
  const loadedIn = secs(started);
  db.rows += added;
  started = performance.now();
  // Sets the visibility map (index-only scans need it) and the statistics, as autovacuum would in time.
  await db.owner`vacuum (analyze) measurements`;
  log(
    `${label}: ${int(added)} rows added in ${loadedIn.toFixed(1)} s (${int(added / loadedIn)} rows/s; ${int(db.rows)} in the table), vacuum and analyze ${secs(started).toFixed(1)} s`,
  );
}

interface Row {
  label: string;
  trpc: Stats;
  raw: Stats;
  asApp: Stats;
  /** What sending the answer over HTTP adds: tRPC's serialization of it (server/transformer.ts, then JSON). */
  serialize: Stats;
  bytes: number;
}

/** The portfolio (12 weeks) with the answer cache on, at each size. */
const cachedBySize: Stats[] = [];

async function main() {
  const sizes = [...new Set([SMALL, 500_000, SIZE])].filter((s) => s <= SIZE).sort((a, b) => a - b);
  const plan = makePlan(SIZE, ORGS);
  const org = plan.largest;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  undo.push(() => admin.end({ timeout: 5 }));
  const version = (await admin`show server_version`)[0]?.server_version as string;
  log(
    `Dashboards of the largest of ${int(ORGS)} organizations (${LARGEST_STREAMS} streams × ${plan.weeks.length} weeks = ${int(LARGEST_ROWS)} rows, ${plan.weeks[0]} to ${plan.weeks.at(-1)})`,
  );
  log(
    `as \`measurements\` grows to ${sizes.map(int).join(', ')} rows; Postgres ${version} on ${new URL(serverUrl).host}, Node ${process.version}, ${os.cpus().length} cores`,
  );
  log(
    `${ITERATIONS} calls each after a warm-up, one at a time; HTTP: ${CONNECTIONS} connections for ${DURATION_S} s after a warm-up`,
  );
  log(
    `1-minute load average at the start: ${os.loadavg()[0]?.toFixed(2)} (other work on the machine shows in every figure)`,
  );
  log();

  const started = performance.now();
  const passwordHash = await hashPassword(OWNER_PASSWORD);
  const big = await benchDatabase(admin, plan, passwordHash);
  const small = await benchDatabase(admin, plan, passwordHash);
  log(
    `Two databases, each with ${int(ORGS)} organizations and owners, ${int(plan.orgs.reduce((a, o) => a + o.streams.length, 0))} streams, ${LARGEST_STREAMS} maps: ${secs(started).toFixed(1)} s`,
  );

  const bySize = new Map<number, Row[]>();
  let reached = 0;
  for (const size of sizes) {
    await grow(big, plan, reached, size, `${int(size)} rows`);
    reached = size;
    bySize.set(size, await measure(big, org.id, org.slug, org.streams[0]?.id ?? ''));
  }
  await grow(small, plan, 0, SMALL, `Second database, ${int(SMALL)} rows`);
  const turns = await compare(small, big, org.slug);

  const query = await portfolioSql(org.id, 'year');
  const plans = {
    superuser: await explain(big.owner, query),
    'app role': await explain(big.owner, query, { orgId: org.id }),
  };
  printPlans(plans, SIZE);

  let http: HttpResult | undefined;
  if (HTTP) {
    log();
    log(
      `HTTP, ${int(big.rows)} rows (production build, \`next start\`, signed in as the largest organization's owner):`,
    );
    log(
      `  1-minute load average before: ${os.loadavg()[0]?.toFixed(2)} (the bench itself adds about 1)`,
    );
    http = await httpBench({
      repo: process.cwd(),
      databaseUrl: big.url,
      email: OWNER_EMAIL,
      password: OWNER_PASSWORD,
      orgSlug: org.slug,
      // The bench's own connections are among them, idle meanwhile.
      backends: async () =>
        (
          await admin`select pid from pg_stat_activity where datname = ${big.name} and backend_type = 'client backend'`
        ).map((r) => Number(r.pid)),
      log,
      onCleanup: (step) => undo.push(step),
    });
    printHttp(http);
  }
  printTargets(bySize.get(reached) ?? [], turns, http);
}

/** The answer as tRPC sends it: through the app's transformer, then JSON. */
const sent = (answer: unknown) => JSON.stringify(transformer.serialize(answer));

/**
 * Times the three dashboard calls and their SQL, with the answer cache off (every call computes its
 * answer), then the portfolio once more with the cache on (every call but the first is a hit);
 * checks first that they answer what they should.
 */
async function measure(db: BenchDb, orgId: string, orgSlug: string, streamId: string) {
  setDashboardCache(false);
  const year = await db.caller.dashboards.portfolio({ orgSlug, range: 'year' });
  if (year.streams.length !== LARGEST_STREAMS || year.streams.some((s) => s.weeks !== 52))
    throw new Error(
      `The portfolio should show ${LARGEST_STREAMS} streams of 52 weeks: ${JSON.stringify(year.cards.streams)}`,
    );
  const stream = await db.caller.dashboards.stream({ orgSlug, id: streamId, range: 'year' });
  if (stream.weeks.length !== 52)
    throw new Error(`The stream dashboard should show 52 weeks, not ${stream.weeks.length}`);

  const result: Row[] = [];
  for (const range of ['12w', 'year'] as const) {
    const query = [await portfolioSql(orgId, range)];
    const [raw] = await runRaw(db.owner, query);
    if (raw?.length !== LARGEST_STREAMS)
      throw new Error(`The portfolio's SQL returned ${raw?.length} rows`);
    const answer = await db.caller.dashboards.portfolio({ orgSlug, range });
    result.push({
      label: `portfolio, ${range === '12w' ? '12 weeks' : 'a year'}`,
      trpc: await timeIt(() => db.caller.dashboards.portfolio({ orgSlug, range })),
      raw: await timeIt(() => runRaw(db.owner, query)),
      asApp: await timeIt(() => runAsApp(db.owner, orgId, query)),
      serialize: await timeIt(async () => sent(answer)),
      bytes: sent(answer).length,
    });
  }
  const queries = await streamSql(orgId, streamId, 'year');
  result.push({
    label: 'stream, a year',
    trpc: await timeIt(() => db.caller.dashboards.stream({ orgSlug, id: streamId, range: 'year' })),
    raw: await timeIt(() => runRaw(db.owner, queries)),
    asApp: await timeIt(() => runAsApp(db.owner, orgId, queries)),
    serialize: await timeIt(async () => sent(stream)),
    bytes: sent(stream).length,
  });

  setDashboardCache(true);
  const cached = await timeIt(() => db.caller.dashboards.portfolio({ orgSlug, range: '12w' }));
  setDashboardCache(false);
  const cell = (s: Stats) =>
    `${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.mean).padStart(9)}`;
  log(
    `  ${'(answer cache off)'.padEnd(46)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'mean'.padStart(9)}`,
  );
  for (const r of result) {
    log(
      `  ${`${r.label}, tRPC procedure`.padEnd(46)} ${cell(r.trpc)}   ${(r.trpc.p50 / r.raw.p50).toFixed(2)}× the raw SQL (p50)`,
    );
    log(`  ${'  its SQL, by the superuser'.padEnd(46)} ${cell(r.raw)}`);
    log(`  ${'  its SQL, as the app role in a transaction'.padEnd(46)} ${cell(r.asApp)}`);
    log(
      `  ${`  serializing its answer (${int(r.bytes / 1024)} kB)`.padEnd(46)} ${cell(r.serialize)}`,
    );
  }
  log(
    `  ${'portfolio, 12 weeks, answer cache on'.padEnd(46)} ${cell(cached)}   (membership check, then the stored answer)`,
  );
  cachedBySize.push(cached);
  return result;
}

interface Turns {
  label: string;
  small: Stats;
  big: Stats;
}

/** The portfolio on the small and the big database, in turns. */
async function compare(small: BenchDb, big: BenchDb, orgSlug: string): Promise<Turns[]> {
  const result: Turns[] = [];
  log(`The portfolio (tRPC procedure) at ${int(SMALL)} and ${int(SIZE)} rows, in turns:`);
  log(
    `  ${''.padEnd(20)} ${`${int(SMALL)} rows: p50`.padStart(19)} ${'p95'.padStart(9)}   ${`${int(SIZE)} rows: p50`.padStart(22)} ${'p95'.padStart(9)}   p95 change`,
  );
  for (const range of ['12w', 'year'] as const) {
    const [s, b] = await timeInTurns(
      [small, big].map((db) => () => db.caller.dashboards.portfolio({ orgSlug, range })),
    );
    if (!s || !b) throw new Error('No timings');
    const label = range === '12w' ? '12 weeks' : 'a year';
    result.push({ label, small: s, big: b });
    log(
      `  ${label.padEnd(20)} ${ms(s.p50).padStart(19)} ${ms(s.p95).padStart(9)}   ${ms(b.p50).padStart(22)} ${ms(b.p95).padStart(9)}   ${pct(b.p95 / s.p95 - 1)}`,
    );
  }
  return result;
}

function printTargets(largest: Row[], turns: Turns[], http?: HttpResult) {
  const portfolios = largest.filter((r) => r.label.startsWith('portfolio'));
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const each = <T extends { label: string }>(list: T[], f: (r: T) => string) =>
    list.map((r) => `${r.label.replace('portfolio, ', '')} ${f(r)}`).join(', ');
  const growth = (t: Turns) => t.big.p95 / t.small.p95 - 1;
  log();
  log(
    `Targets (issue 5): the largest organization's portfolio at ${int(SIZE)} rows (answer cache off unless said)`,
  );
  log(
    `  ${mark(portfolios.every((r) => r.trpc.p95 < P95_MS))} p95 server time under ${P95_MS} ms: ${each(portfolios, (r) => ms(r.trpc.p95))}`,
  );
  const warm = cachedBySize.at(-1);
  if (warm)
    log(
      `  ${mark(warm.p95 < P95_MS)} the same with the answer cache on (unchanged data): 12 weeks ${ms(warm.p95)}`,
    );
  log(
    `  ${mark(turns.every((t) => Math.abs(growth(t)) <= GROWTH))} p95 within ${GROWTH * 100}% of the same at ${int(SMALL)} rows (in turns): ${each(turns, (t) => `${ms(t.small.p95)} → ${ms(t.big.p95)} (${pct(growth(t))})`)}`,
  );
  log(
    `  ${mark(portfolios.every((r) => r.trpc.p50 / r.raw.p50 <= OVER_RAW))} at most ${OVER_RAW}× the raw SQL (p50): ${each(portfolios, (r) => `${(r.trpc.p50 / r.raw.p50).toFixed(2)}×`)}`,
  );
  if (http) {
    const share = http.portfolio.rps / http.health.rps;
    log(
      `  ${mark(share >= OF_BARE)} at least ${OF_BARE * 100}% of a bare route's requests per second: ${Math.round(100 * share)}% (${int(http.portfolio.rps)} of ${int(http.health.rps)} req/s; ${Math.round((100 * http.portfolioIdentity.rps) / http.health.rps)}% without compression; ${Math.round((100 * http.portfolioUncached.rps) / http.health.rps)}% with the answer cache off)`,
    );
  }
}

main()
  .catch((error: unknown) => {
    // After Ctrl-C the clean-up closes the connections under the running step: that is no failure.
    if (!cleaning) console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
