import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '@/db/client';
import { dashboardAnswers } from './metrics';

/**
 * Dashboard answers, kept per organization until its data changes (decision 0010).
 *
 * Each organization has a version, kept in this process. A change bumps it: every tRPC mutation
 * of the organization once it has committed, every write through the HTTP API, and a
 * notification from another process (`NOTIFY valuestream_data`, sent by the same write paths
 * inside their transactions; server/db.ts listens when the database is a Postgres server).
 * An answer is stored with the version read before it was computed, so a change committed while
 * it was being computed leaves it stale-marked rather than served. When the listening connection
 * (re)connects, notifications may have been missed, so every answer is dropped. Entries also
 * expire after a while, as a last resort against a write path nobody told this about.
 */
export const DATA_CHANNEL = 'valuestream_data';

const MAX_ENTRIES = 200;
const MAX_AGE_MS = 10 * 60_000;

interface Entry {
  version: number;
  epoch: number;
  value: object;
}

const state = globalThis as typeof globalThis & {
  __valuestreamDashboardCache?: {
    versions: Map<string, number>;
    epoch: number;
    entries: LRUCache<string, Entry>;
    enabled: boolean;
  };
};

function store() {
  state.__valuestreamDashboardCache ??= {
    versions: new Map(),
    epoch: 0,
    entries: new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: MAX_AGE_MS }),
    enabled: process.env.DASHBOARD_CACHE !== 'off',
  };
  return state.__valuestreamDashboardCache;
}

/** The organization's data changed (or may have): its cached answers are no longer served. */
export function dataChanged(orgId: string) {
  const s = store();
  s.versions.set(orgId, (s.versions.get(orgId) ?? 0) + 1);
}

/**
 * Inside a transaction that wrote the organization's data: tells every process that listens, when
 * the transaction commits (Postgres delivers notifications at commit, and only then).
 */
export async function announceChange(tx: Db, orgId: string) {
  await tx.execute(sql`select pg_notify(${DATA_CHANNEL}, ${orgId})`);
}

/** Anything may have changed (the notifications' connection was lost): no cached answer is served. */
export function everythingChanged() {
  store().epoch += 1;
}

/** For the benchmark: answers computed every time (`DASHBOARD_CACHE=off` does the same at start). */
export function setDashboardCache(enabled: boolean) {
  const s = store();
  s.enabled = enabled;
  s.entries.clear();
}

/**
 * The answer for `key` in the organization, from the cache when its data has not changed since it
 * was computed; else `compute()`, stored. The caller has already checked the member's access: the
 * key must hold everything the answer depends on besides the organization's data.
 */
export async function cachedAnswer<T extends object>(
  orgId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const s = store();
  if (!s.enabled) return compute();
  const version = s.versions.get(orgId) ?? 0;
  const epoch = s.epoch;
  const id = `${orgId}\u0000${key}`;
  const hit = s.entries.get(id);
  if (hit && hit.version === version && hit.epoch === epoch) {
    dashboardAnswers.inc({ source: 'cache' });
    return hit.value as T;
  }
  dashboardAnswers.inc({ source: 'computed' });
  const value = await compute();
  s.entries.set(id, { version, epoch, value });
  return value;
}
