/**
 * Dashboard reads from a streaming replica, and read-your-writes (decision: read replica).
 *
 * With DATABASE_READ_URL set, the door (server/tenant.ts) runs read-only dashboard procedures on
 * the replica's pool, everything else on the primary. After a write commits, the door reads the
 * primary's WAL position and remembers it for the person who wrote: in this process (an LRU by
 * user) and in a cookie the response carries (`vs-wrote`), so another instance behind the load
 * balancer knows it too. A dashboard read on the replica first reads how far the replica has
 * replayed (in the statement that opens its transaction); behind the person's last write, it is
 * rolled back and run on the primary instead.
 */
import { LRUCache } from 'lru-cache';
import type { Db } from '@/db/client';

export const WROTE_COOKIE = 'vs-wrote';
/** Long past any replication delay worth reading from: a replica further behind is broken. */
const WROTE_MAX_AGE_S = 15 * 60;
/** No replica reaches it: where the position of a write could not be read, read the primary. */
export const PRIMARY_ONLY = 'FFFFFFFF/FFFFFFFF';

/** What a request knows to route a dashboard read (null or absent: no replica, all on the primary). */
export interface ReadRoute {
  /** The replica's pool, logged in as the app's role like the primary's. */
  db: Db;
  /** The caller's `vs-wrote` cookie: how far the primary's WAL was at their last write. */
  cookie: string | null;
  /** Sends a Set-Cookie header back with the response (absent where none can: server components). */
  setCookie?: (header: string) => void;
}

const state = globalThis as typeof globalThis & {
  __valuestreamReplica?: { inUse: boolean; writes: LRUCache<string, string> };
};

function store() {
  state.__valuestreamReplica ??= {
    inUse: false,
    writes: new LRUCache<string, string>({ max: 10_000, ttl: WROTE_MAX_AGE_S * 1000 }),
  };
  return state.__valuestreamReplica;
}

/** server/db.ts, when DATABASE_READ_URL is set: writes now record their WAL position. */
export function replicaInUse(inUse?: boolean): boolean {
  if (inUse !== undefined) store().inUse = inUse;
  return store().inUse;
}

/** A WAL position `X/Y` (hexadecimal) as a number; null for anything else. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  if (!m) return null;
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/** The later of two WAL positions (either may be missing or malformed). */
export function laterLsn(a: string | null, b: string | null): string | null {
  const x = parseLsn(a);
  const y = parseLsn(b);
  if (x === null) return y === null ? null : b;
  if (y === null) return a;
  return y > x ? b : a;
}

/** Whether a replica that has replayed up to `replayed` (null: not a replica) shows `wroteAt`. */
export function caughtUp(replayed: string | null, wroteAt: string | null): boolean {
  const want = parseLsn(wroteAt);
  const have = parseLsn(replayed);
  if (want === null || have === null) return true;
  return have >= want;
}

/** How far the primary's WAL was at `userId`'s last write, by this process's memory or their cookie. */
export function lastWrite(userId: string, cookie: string | null): string | null {
  return laterLsn(store().writes.get(userId) ?? null, cookie);
}

/** After `userId`'s write committed at `lsn`: remembered here, and sent back as the cookie. */
export function rememberWrite(userId: string, lsn: string, route?: ReadRoute | null) {
  const s = store();
  const latest = laterLsn(s.writes.get(userId) ?? null, lsn) ?? lsn;
  s.writes.set(userId, latest);
  if (!route) return;
  route.cookie = laterLsn(route.cookie, latest);
  route.setCookie?.(
    `${WROTE_COOKIE}=${route.cookie ?? latest}; Path=/; Max-Age=${WROTE_MAX_AGE_S}; HttpOnly; SameSite=Lax`,
  );
}

/** For tests: this process forgets every write, as another instance would not know them. */
export function forgetWrites() {
  store().writes.clear();
}

/** The `vs-wrote` cookie of a Cookie header, if it holds a WAL position. */
export function wroteCookieOf(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === WROTE_COOKIE && parseLsn(value) !== null) return value ?? null;
  }
  return null;
}
