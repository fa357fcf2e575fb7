/**
 * Limits on attempts, counted in the database (rate_limit_hits) so that every process of the
 * app counts the same ones. An attempt is recorded before the limits are checked, so attempts
 * made in parallel count each other; a refused attempt is removed again (it checked nothing and
 * must not prolong the wait).
 */
import type { Db } from '@/db/client';
import { clearHits, countHitsSince, deleteHits, recordHits } from '@/db/queries/rate-limits';
import { AppError } from '../errors';

/** Attempts of one kind under one key: at most `max` within `windowMs`. */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/** Hits older than this are pruned: longer than any window. */
const KEEP_MS = 24 * 3600_000;

export class RateLimited extends AppError {
  constructor(
    readonly retryAfterMs: number,
    message = `Too many attempts. Try again in ${waitText(retryAfterMs)}.`,
  ) {
    super('TOO_MANY_REQUESTS', message);
    this.name = 'RateLimited';
  }
}

/** "3 minutes", "1 minute", "45 seconds". */
export function waitText(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms >= 60_000) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** An attempt counted under some limits; `forget` removes it again (it turned out no failure). */
export interface Attempt {
  forget(): Promise<void>;
}

/**
 * Counts one attempt under every limit of `limits`; throws RateLimited (and removes the attempt)
 * when any of them is now past its `max`.
 */
export async function attempt(db: Db, limits: Limit[], now = new Date()): Promise<Attempt> {
  const ids = await recordHits(
    db,
    limits.map((l) => l.key),
    now,
    new Date(now.getTime() - KEEP_MS),
  );
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const { count, oldest } = await countHitsSince(db, limit.key, since);
    if (count > limit.max) {
      await deleteHits(db, ids);
      const freedAt = (oldest ?? now).getTime() + limit.windowMs;
      throw new RateLimited(Math.max(freedAt - now.getTime(), 1000));
    }
  }
  return { forget: () => deleteHits(db, ids) };
}

/** Forgets every attempt counted under `key` (a success wipes the slate of its failures). */
export function clearAttempts(db: Db, key: string): Promise<void> {
  return clearHits(db, key);
}
