/** How `npm run bench` writes its findings: numbers, the query plans, the HTTP load. */
import type { HttpResult, Load } from './http';
import type { PlanSummary } from './timing';

export const log = (line = '') => console.log(line);
export const int = (n: number) => Math.round(n).toLocaleString('en');
export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

export function printPlans(plans: Record<string, PlanSummary>, size: number) {
  log();
  log(`EXPLAIN (ANALYZE, BUFFERS) of the portfolio query (a year), at ${int(size)} rows:`);
  for (const [who, p] of Object.entries(plans)) {
    const others = p.otherScans.length
      ? `; other scans of measurements: ${[...new Set(p.otherScans)].join(', ')}`
      : '';
    log(
      `  ${who.padEnd(10)} planning ${ms(p.planningMs)}, execution ${ms(p.executionMs)}, of which ${ms(p.scanMs)} in ${p.indexOnlyScans} index-only scans on measurements_dashboard_idx (heap fetches ${int(p.heapFetches)})${others}; JIT ${p.jit ? 'used' : 'not used'}`,
    );
  }
  if (process.env.PLANS === '1') for (const l of plans['app role']?.lines ?? []) log(`    ${l}`);
}

export function printHttp(h: HttpResult) {
  const line = (label: string, l: Load) =>
    log(
      `  ${label.padEnd(58)} ${int(l.rps).padStart(6)} req/s   latency p50 ${int(l.p50)} ms, p99 ${int(l.p99)} ms   (${int(l.requests)} requests${l.non2xx || l.errors ? `, ${l.non2xx} not 2xx, ${l.errors} errors` : ''})`,
    );
  log(
    `  built (the ${h.source}) in ${h.buildSeconds.toFixed(0)} s; the portfolio's answer: ${int(h.bytes / 1024)} kB of JSON, about ${int(h.gzipBytes / 1024)} kB gzipped`,
  );
  line('dashboards.portfolio, 12 weeks (gzip, as a browser asks)', h.portfolio);
  line('dashboards.portfolio, 12 weeks (no compression)', h.portfolioIdentity);
  line('dashboards.portfolio, 12 weeks, answer cache off (gzip)', h.portfolioUncached);
  line('orgs.current (session, tenant transaction, tiny answer)', h.orgCurrent);
  line('/api/health (bare route handler)', h.health);
  log('  CPU time per request (ms): the app server (Node), its Postgres backends, autocannon:');
  for (const [label, l] of [
    ['dashboards.portfolio (gzip)', h.portfolio],
    ['dashboards.portfolio (no compression)', h.portfolioIdentity],
    ['dashboards.portfolio, cache off (gzip)', h.portfolioUncached],
    ['orgs.current', h.orgCurrent],
    ['/api/health', h.health],
  ] as const) {
    log(
      `    ${label.padEnd(40)} ${l.cpu.node.toFixed(2).padStart(7)} ${l.cpu.postgres.toFixed(2).padStart(7)} ${l.cpu.autocannon.toFixed(2).padStart(7)}`,
    );
  }
}
