/**
 * Metrics for Prometheus (prom-client), served by /api/metrics. One registry per process, shared
 * through a global with the launcher (scripts/start.mjs), which counts and times every request;
 * the app adds what only it sees: dashboard answers served from the cache or computed, and
 * failures by kind. Labels are closed sets (procedure names, codes), never ids or paths with ids.
 */
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

const scope = globalThis as typeof globalThis & { __valuestreamMetrics?: Registry };

function makeRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export const registry = (scope.__valuestreamMetrics ??= makeRegistry());

function counter(name: string, help: string, labelNames: string[]): Counter {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

export const dashboardAnswers = counter(
  'valuestream_dashboard_answers_total',
  'Dashboard answers, by whether the answer cache served them',
  ['source'],
);

export const failures = counter(
  'valuestream_failures_total',
  'Requests that failed on our side or passed a transient failure on, by kind',
  ['kind'],
);

export const dashboardReads = counter(
  'valuestream_dashboard_reads_total',
  "Dashboard reads with a read replica, by where they ran: replica, primary (the replica was behind the caller's last write) or unreachable (read on the primary)",
  ['on'],
);
