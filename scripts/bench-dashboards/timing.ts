/**
 * Server time of the dashboards for `npm run bench`: the tRPC procedures through `createCaller`
 * (the app role, row-level security, the tenant transaction, no HTTP), and the SQL they run,
 * captured from db/queries/dashboards/ and sent as it is by the superuser, for comparison.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Db } from '@/db/client';
import { APP_ROLE } from '@/db/client';
import { portfolioRows } from '@/db/queries/dashboards/portfolio';
import { streamWeeks } from '@/db/queries/dashboards/stream';
import { previousRange, rangeOf, type RangePreset } from '@/lib/dashboards/weeks';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

export const WARM_UP = 20;
export const ITERATIONS = Number(process.env.ITERATIONS ?? 200);

function statsOf(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  // Nearest rank: the smallest time that at least p of the calls did not exceed.
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return {
    n: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

async function sample(fn: () => Promise<unknown>, n: number, into: number[]) {
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    into.push(performance.now() - started);
  }
}

/** Runs `fn` WARM_UP times, then ITERATIONS times one after another; milliseconds per call. */
export async function timeIt(fn: () => Promise<unknown>): Promise<Stats> {
  await sample(fn, WARM_UP, []);
  const ms: number[] = [];
  await sample(fn, ITERATIONS, ms);
  return statsOf(ms);
}

/**
 * Times several calls ITERATIONS times each, in turns (ten rounds of a tenth of the calls each), so
 * that whatever else the machine does meanwhile falls on all of them alike.
 */
export async function timeInTurns(fns: (() => Promise<unknown>)[], rounds = 10): Promise<Stats[]> {
  for (const fn of fns) await sample(fn, WARM_UP, []);
  const ms = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, fn] of fns.entries())
      await sample(fn, Math.ceil(ITERATIONS / rounds), ms[i] ?? []);
  }
  return ms.map(statsOf);
}

export interface RawQuery {
  text: string;
  params: unknown[];
}

/** The queries a db/queries function sends, rendered as postgres.js receives them from Drizzle. */
async function capture(run: (db: Db) => Promise<unknown>): Promise<RawQuery[]> {
  const captured: SQL[] = [];
  const spy = {
    execute: (query: SQL) => {
      captured.push(query);
      return Promise.resolve([]);
    },
  } as unknown as Db;
  await run(spy);
  const dialect = new PgDialect();
  return captured.map((q) => {
    const { sql, params } = dialect.sqlToQuery(q);
    return { text: sql, params };
  });
}

/** The range the services compute for a preset today (the same functions, the same day). */
function rangeFor(preset: RangePreset) {
  const today = new Date().toISOString().slice(0, 10);
  const current = rangeOf(preset, today);
  return { current, previous: previousRange(current) };
}

/** The portfolio's one aggregate query (`portfolioRows`), without filters. */
export async function portfolioSql(orgId: string, preset: RangePreset): Promise<RawQuery> {
  const { current, previous } = rangeFor(preset);
  const range = {
    from: current.from,
    to: current.to,
    prevFrom: previous.from,
    prevTo: previous.to,
  };
  const [query] = await capture((db) => portfolioRows(db, orgId, range, {}));
  if (!query) throw new Error('portfolioRows sent no query');
  return query;
}

/** The stream dashboard's two reads of measurements (`streamWeeks`: the weeks and the baseline). */
export function streamSql(
  orgId: string,
  streamId: string,
  preset: RangePreset,
): Promise<RawQuery[]> {
  const { current, previous } = rangeFor(preset);
  return capture((db) => streamWeeks(db, orgId, streamId, { from: previous.from, to: current.to }));
}

/** Sends the queries as Drizzle does (unnamed statements, bound parameters), at once on one connection. */
export function runRaw(sql: postgres.Sql, queries: RawQuery[]) {
  return Promise.all(
    queries.map((q) => sql.unsafe(q.text, q.params as postgres.ParameterOrJSON<never>[])),
  );
}

/** The same, as the app does it: in a transaction, as the app role, scoped to the organization by row-level security. */
export function runAsApp(sql: postgres.Sql, orgId: string, queries: RawQuery[]) {
  return sql.begin(async (tx) => {
    await tx.unsafe(`set local role ${APP_ROLE}`);
    await tx`select set_config('app.org_id', ${orgId}, true)`;
    return Promise.all(
      queries.map((q) => tx.unsafe(q.text, q.params as postgres.ParameterOrJSON<never>[])),
    );
  });
}

export interface PlanSummary {
  lines: string[];
  indexOnlyScans: number;
  /** Time spent in those scans (their last row's time × loops): the rest of the execution is aggregation. */
  scanMs: number;
  heapFetches: number;
  otherScans: string[];
  jit: boolean;
  planningMs: number;
  executionMs: number;
}

/** EXPLAIN (ANALYZE, BUFFERS) of one query, by the superuser or as the app role, and what matters in it. */
export async function explain(
  sql: postgres.Sql,
  query: RawQuery,
  asApp?: { orgId: string },
): Promise<PlanSummary> {
  const text = `explain (analyze, buffers) ${query.text}`;
  const params = query.params as postgres.ParameterOrJSON<never>[];
  const rows = asApp
    ? await sql.begin(async (tx) => {
        await tx.unsafe(`set local role ${APP_ROLE}`);
        await tx`select set_config('app.org_id', ${asApp.orgId}, true)`;
        return tx.unsafe(text, params);
      })
    : await sql.unsafe(text, params);
  const lines = rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN']));
  const scans = lines.filter((l) => l.includes('Index Only Scan using measurements_dashboard_idx'));
  const number = (pattern: RegExp) =>
    Number(lines.map((l) => pattern.exec(l)?.[1]).find((v) => v !== undefined) ?? NaN);
  return {
    lines,
    indexOnlyScans: scans.length,
    scanMs: scans.reduce((a, l) => {
      const m = /actual time=[\d.]+\.\.([\d.]+) rows=\d+ loops=(\d+)/.exec(l);
      return a + (m ? Number(m[1]) * Number(m[2]) : 0);
    }, 0),
    heapFetches: lines.reduce((a, l) => a + Number(/Heap Fetches: (\d+)/.exec(l)?.[1] ?? 0), 0),
    otherScans: lines
      .filter(
        (l) =>
          /(Seq Scan|Index Scan|Bitmap Heap Scan|Index Only Scan) (using \S+ )?on measurements/.test(
            l,
          ) && !l.includes('measurements_dashboard_idx'),
      )
      .map((l) =>
        l
          .trim()
          .replace(/^->\s*/, '')
          .replace(/\s+\(cost.*$/, ''),
      ),
    jit: lines.some((l) => l.startsWith('JIT:')),
    planningMs: number(/Planning Time: ([\d.]+) ms/),
    executionMs: number(/Execution Time: ([\d.]+) ms/),
  };
}
