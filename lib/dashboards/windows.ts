/**
 * The values of an improvement's window (the weeks come from `windowsOf` in
 * server/services/improvements.ts: whole weeks before the week it started and after the week it
 * was completed).
 */
import type { DateRange } from './weeks';

/** The values of the weeks (by start day) that fall in a window, oldest first; missing values left out. */
export function valuesIn<T extends { week: string }>(
  weeks: readonly T[],
  window: DateRange | null,
  pick: (w: T) => number | null,
): number[] {
  if (!window) return [];
  return weeks
    .filter((w) => w.week >= window.from && w.week <= window.to)
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0))
    .map(pick)
    .filter((v): v is number => v !== null);
}
