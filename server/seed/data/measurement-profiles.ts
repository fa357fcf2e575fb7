/**
 * How a demo stream behaves week by week, for the demo measurements (./measurements.ts): its
 * volume and cost, the seasons it lives with, its kaizen events and its bad weeks. Each stream's
 * own profile is written in its file, beside its maps; here are their shape, the seasons, and
 * the profiles by name. Levels of lead time, process time and %C&A come from the seeded maps.
 */
import type { Waste } from '@/lib/vsm/types';
import { acmeDemo } from './acme';
import { northwindDemo } from './northwind';

/**
 * The yearly rhythm: retail peaks from Black Friday to Christmas; a plant stops two weeks in
 * August and at Christmas; dealers sell most in March and September; office teams slow down
 * over the holidays and in summer.
 */
export type Season = 'retail' | 'plant' | 'dealer' | 'office';

/** A kaizen event: lead time and waste step down from that week on (most of all `wastes`). */
export interface Improvement {
  /** When, as a fraction of the series (0 = first week, 1 = last). */
  at: number;
  note: string;
  wastes: Waste[];
}

/** A few bad weeks: longer lead times, more waste and defects, unhappier customers. */
export interface Regression {
  /** A fraction of the series, or the nth retail peak (Black Friday week) in it, from 0. */
  at: number | { peak: number };
  weeks: number;
  /** How much worse, e.g. 0.4 for lead times 40% longer at the worst. */
  severity: number;
  note: string;
}

export interface MeasurementProfile {
  /** Items done per week at the start. */
  throughput: number;
  /** Growth of the volume per year, e.g. 0.08. */
  growth: number;
  /** Cost of running the stream for a week at the start, in EUR. */
  weeklyCost: number;
  /** The share of the cost that does not depend on the volume (people, equipment). */
  fixedCost: number;
  /** Customer satisfaction at the start, 0–100. */
  satisfaction: number;
  /** Defects per item done at the start. */
  defectRate: number;
  /** Waste hours per week at the start, all eight kinds together. */
  wasteHours: number;
  /** Items an observer samples in a week. */
  sample: number;
  season: Season;
  /** From this fraction of the series on, a system measures the stream (method 'system'); null: never. */
  systemFrom: number | null;
  /** Up to this fraction of the series the weeks came in by CSV (a back-filled spreadsheet). */
  csvUntil: number;
  improvements: Improvement[];
  regressions: Regression[];
}

export const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a calendar date (month from 0). */
export const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m, d) / DAY_MS;

/** The Monday of the week of Black Friday (the day after the fourth Thursday of November). */
export function blackFridayWeek(year: number): number {
  const thanksgiving = 1 + ((4 - new Date(Date.UTC(year, 10, 1)).getUTCDay() + 7) % 7) + 21;
  return dayOf(year, 10, thanksgiving - 3);
}

/** Volume of the week starting on `start` against a normal week. */
export function seasonLoad(season: Season, start: number): number {
  const mid = new Date((start + 3) * DAY_MS);
  const [m, d] = [mid.getUTCMonth(), mid.getUTCDate()];
  const md = m * 100 + d; // 1122 is December 22nd
  const holidays = md >= 1122 || md <= 2;
  switch (season) {
    case 'retail': {
      const peak = blackFridayWeek(mid.getUTCFullYear());
      if (start === peak) return 1.65;
      if (start > peak && md <= 1121) return 1.3;
      if (md >= 1122) return 1.1;
      if (md <= 14) return 0.9;
      return m === 6 || m === 7 ? 0.93 : 1;
    }
    case 'plant':
      return m === 7 && d <= 14 ? 0.2 : holidays ? 0.3 : 1;
    case 'dealer':
      return m === 2 ? 1.25 : m === 8 ? 1.15 : holidays ? 0.6 : m === 7 && d <= 14 ? 0.8 : 1;
    case 'office':
      return md >= 1120 || md <= 3 ? 0.5 : (m === 6 && d >= 15) || (m === 7 && d <= 25) ? 0.85 : 1;
  }
}

/**
 * Whether an event of `kind` may not start in the week starting on `start`. Kaizen events wait
 * for the quiet months (February to mid-September): from autumn on the teams prepare for the
 * peak, live through it or are away, and in January the year is being planned. Bad weeks other than a peak keep out
 * of mid-November to mid-January, so that they are not mistaken for the season.
 */
export function outOfSeason(kind: 'improvement' | 'regression', start: number): boolean {
  const mid = new Date((start + 3) * DAY_MS);
  const md = mid.getUTCMonth() * 100 + mid.getUTCDate();
  return kind === 'improvement' ? md >= 815 || md < 100 : md >= 1015 || md <= 10;
}

/** For a stream without a profile of its own. */
export const fallbackProfile: MeasurementProfile = {
  throughput: 10,
  growth: 0.03,
  weeklyCost: 30_000,
  fixedCost: 0.7,
  satisfaction: 72,
  defectRate: 0.05,
  wasteHours: 80,
  sample: 10,
  season: 'office',
  systemFrom: null,
  csvUntil: 0,
  improvements: [
    { at: 0.35, note: 'Kaizen: work in progress limited', wastes: ['waiting', 'inventory'] },
    {
      at: 0.7,
      note: 'Kaizen: standard work agreed with the team',
      wastes: ['extra_processing', 'defects'],
    },
  ],
  regressions: [{ at: 0.55, weeks: 2, severity: 0.35, note: 'Two people out sick, work queued' }],
};

/** By demo stream name: each stream's file (./northwind/, ./acme/) holds its profile. */
export const measurementProfiles: Readonly<Record<string, MeasurementProfile>> = Object.fromEntries(
  [...northwindDemo, ...acmeDemo].map((d) => [d.stream.fields.name, d.profile]),
);
