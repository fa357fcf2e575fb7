import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '@/db/client';
import { dashboardAnswers } from './metrics';
import { parseLsn } from './replica';

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
 *
 * With a read replica, an answer computed there may miss a change the version already counts: the
 * replica replays the primary's WAL a little later. So each change also records how far the
 * primary's WAL was once it had committed (its "mark": the door's own reading after a local write,
 * else one read from the primary when the notification arrives, since Postgres delivers it after
 * the commit). An answer read on the replica at replay position R is stored only if no mark is
 * still being read and R is at or past the organization's mark and the global one (taken when
 * listening (re)starts, for the changes whose notifications were missed). Otherwise it is answered
 * and not kept, and the next request computes it again.
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
    /** With a read replica: how to read the primary's WAL position, and the marks. */
    replica?: {
      position: () => Promise<string>;
      marks: Map<string, bigint>;
      pending: Map<string, number>;
    };
  };
};

/** The scope of a change to everything (a reconnection of the listening connection). */
const EVERYTHING = '*';
const RETRY_MS = 1_000;

function store() {
  state.__valuestreamDashboardCache ??= {
    versions: new Map(),
    epoch: 0,
    entries: new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: MAX_AGE_MS }),
    enabled: process.env.DASHBOARD_CACHE !== 'off',
  };
  return state.__valuestreamDashboardCache;
}

/**
 * The organization's data changed (or may have): its cached answers are no longer served.
 * `position`: the primary's WAL position read after the change committed, when the caller has it.
 */
export function dataChanged(orgId: string, position?: Promise<string>) {
  const s = store();
  s.versions.set(orgId, (s.versions.get(orgId) ?? 0) + 1);
  mark(orgId, position);
}

/**
 * With a read replica (server/db.ts): `position` reads the primary's WAL position. From now on
 * changes are marked, and answers computed on the replica are kept only when it shows them.
 */
export function watchPrimary(position: () => Promise<string>) {
  store().replica = { position, marks: new Map(), pending: new Map() };
  mark(EVERYTHING);
}

/** Records how far the primary's WAL was once the change to `scope` had committed. */
function mark(scope: string, position?: Promise<string>) {
  const r = store().replica;
  if (!r) return;
  r.pending.set(scope, (r.pending.get(scope) ?? 0) + 1);
  void readPosition(r.position, position).then((lsn) => {
    const known = r.marks.get(scope) ?? 0n;
    if (lsn > known) r.marks.set(scope, lsn);
    r.pending.set(scope, (r.pending.get(scope) ?? 1) - 1);
  });
}

/**
 * The primary's WAL position as a number. If the primary cannot be asked (it may be restarting),
 * asks again every second; until then answers computed on the replica are not kept for the scope.
 */
async function readPosition(ask: () => Promise<string>, first?: Promise<string>): Promise<bigint> {
  let attempt = first ?? ask();
  for (;;) {
    const lsn = parseLsn(await attempt.catch(() => null));
    if (lsn !== null) return lsn;
    await new Promise<void>((ok) => setTimeout(ok, RETRY_MS).unref());
    attempt = ask();
  }
}

/** Whether an answer read at `readAt` (a replica's replay position; null: the primary) may be kept. */
function keepable(orgId: string, readAt: string | null): boolean {
  const r = store().replica;
  if (readAt === null || !r) return true;
  const at = parseLsn(readAt);
  if (at === null) return false;
  for (const scope of [orgId, EVERYTHING]) {
    if ((r.pending.get(scope) ?? 0) > 0) return false;
    if (at < (r.marks.get(scope) ?? 0n)) return false;
  }
  return true;
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
  mark(EVERYTHING);
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
 * key must hold everything the answer depends on besides the organization's data. `readAt`: the
 * replay position of the replica the answer is computed on (null: the primary).
 */
export async function cachedAnswer<T extends object>(
  orgId: string,
  key: string,
  compute: () => Promise<T>,
  readAt: string | null = null,
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
  if (keepable(orgId, readAt)) s.entries.set(id, { version, epoch, value });
  return value;
}
