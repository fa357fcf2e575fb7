/**
 * How each demo stream behaves week by week, for the demo measurements (./measurements.ts):
 * its volume and cost, the seasons it lives with, its kaizen events and its bad weeks. Levels
 * of lead time, process time and %C&A come from the stream's seeded maps, not from here.
 */
import type { Waste } from '@/lib/vsm/types';

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

/** By demo stream name (db/seed-data/*-streams.ts). */
export const measurementProfiles: Readonly<Record<string, MeasurementProfile>> = {
  'Online order fulfillment': {
    throughput: 42_000,
    growth: 0.1,
    weeklyCost: 193_000,
    fixedCost: 0.35,
    satisfaction: 78,
    defectRate: 0.018,
    wasteHours: 950,
    sample: 400,
    season: 'retail',
    systemFrom: 0.7,
    csvUntil: 0,
    improvements: [
      {
        at: 0.2,
        note: 'Kaizen: zone picking in 4 zones, batches of 30 orders',
        wastes: ['motion', 'waiting'],
      },
      {
        at: 0.45,
        note: 'Kaizen: box sizes stocked at each pack bench; fraud reviews every two hours',
        wastes: ['motion', 'defects', 'waiting'],
      },
      {
        at: 0.72,
        note: 'Kaizen: a second carrier truck at 13:00 on weekdays; labels printed per cut-off',
        wastes: ['waiting', 'inventory', 'defects'],
      },
    ],
    regressions: [
      {
        at: { peak: 1 },
        weeks: 3,
        severity: 0.4,
        note: 'Peak season: carrier short of capacity, parcels waiting on the dock',
      },
      {
        at: 0.58,
        weeks: 2,
        severity: 0.4,
        note: 'WMS upgrade: wave release failed for two days, backlog cleared over the weekend',
      },
    ],
  },
  'Inventory management': {
    throughput: 350,
    growth: 0.08,
    weeklyCost: 33_000,
    fixedCost: 0.6,
    satisfaction: 70,
    defectRate: 0.04,
    wasteHours: 160,
    sample: 60,
    season: 'retail',
    systemFrom: null,
    csvUntil: 0.35,
    improvements: [
      {
        at: 0.3,
        note: 'Kaizen: weekly forecast replaces the monthly spreadsheet; POs approved twice a week',
        wastes: ['overproduction', 'waiting', 'inventory'],
      },
      {
        at: 0.64,
        note: 'Kaizen: dock slots booked by the larger suppliers; a second reach truck on the late shift',
        wastes: ['waiting', 'motion', 'inventory'],
      },
    ],
    regressions: [
      {
        at: 0.5,
        weeks: 3,
        severity: 0.4,
        note: 'Three top suppliers late after a strike: pick faces empty, emergency orders',
      },
    ],
  },
  'Customer service': {
    throughput: 4_500,
    growth: 0.06,
    weeklyCost: 34_000,
    fixedCost: 0.7,
    satisfaction: 71,
    defectRate: 0.12,
    wasteHours: 420,
    sample: 150,
    season: 'retail',
    systemFrom: null,
    csvUntil: 0,
    improvements: [
      {
        at: 0.24,
        note: 'Kaizen: omnichannel inbox live, e-mail, chat and social land in one queue',
        wastes: ['waiting', 'extra_processing'],
      },
      {
        at: 0.5,
        note: 'Kaizen: round-robin assignment replaces the twice-daily triage',
        wastes: ['waiting'],
      },
      {
        at: 0.78,
        note: 'Kaizen: order data shown beside the ticket; CRM note copied from the ticket',
        wastes: ['motion', 'non_utilized_talent', 'extra_processing'],
      },
    ],
    regressions: [
      {
        at: { peak: 0 },
        weeks: 4,
        severity: 0.45,
        note: 'Peak season: Black Friday ticket surge, temporary agents still in training',
      },
      {
        at: 0.66,
        weeks: 2,
        severity: 0.35,
        note: 'Bad release: order status page broken, "where is my order" tickets doubled',
      },
    ],
  },
  'Storefront releases': {
    throughput: 12,
    growth: 0.05,
    weeklyCost: 26_000,
    fixedCost: 0.8,
    satisfaction: 74,
    defectRate: 0.12,
    wasteHours: 60,
    sample: 12,
    season: 'office',
    systemFrom: 0.6,
    csvUntil: 0,
    improvements: [
      {
        at: 0.3,
        note: 'Kaizen: two-week release train, scope frozen three days before',
        wastes: ['waiting', 'overproduction'],
      },
      {
        at: 0.55,
        note: 'Kaizen: environment configuration in version control',
        wastes: ['defects', 'waiting'],
      },
      {
        at: 0.82,
        note: 'Kaizen: a third of the regression suite automated; standard changes pre-approved',
        wastes: ['defects', 'waiting', 'extra_processing'],
      },
    ],
    regressions: [
      {
        at: 0.68,
        weeks: 2,
        severity: 0.5,
        note: 'Bad release: a checkout bug escaped, three hotfixes in a week',
      },
    ],
  },
  'Warehouse management system': {
    throughput: 2.5,
    growth: 0,
    weeklyCost: 40_000,
    fixedCost: 0.85,
    satisfaction: 68,
    defectRate: 0.3,
    wasteHours: 55,
    sample: 3,
    season: 'office',
    systemFrom: null,
    csvUntil: 0,
    improvements: [
      {
        at: 0.35,
        note: 'Kaizen: the team joins the warehouse stand-ups; backlog pruned to 40 items',
        wastes: ['overproduction', 'inventory', 'waiting'],
      },
      {
        at: 0.72,
        note: 'Kaizen: a test zone in aisle 12 replaces the Sunday floor tests',
        wastes: ['waiting', 'defects'],
      },
    ],
    regressions: [
      {
        at: 0.52,
        weeks: 3,
        severity: 0.4,
        note: 'Rules engine rewrite stalled the sprint; two features slipped',
      },
    ],
  },
  'Storefront platform': {
    throughput: 4,
    growth: 0.03,
    weeklyCost: 56_000,
    fixedCost: 0.85,
    satisfaction: 72,
    defectRate: 0.25,
    wasteHours: 80,
    sample: 4,
    season: 'office',
    systemFrom: null,
    csvUntil: 0,
    improvements: [
      {
        at: 0.4,
        note: 'Kaizen: review rota, any two engineers may approve a pull request',
        wastes: ['waiting', 'inventory'],
      },
      {
        at: 0.76,
        note: 'Kaizen: 20% of each sprint pays down the checkout debt',
        wastes: ['extra_processing', 'defects', 'waiting'],
      },
    ],
    regressions: [
      {
        at: 0.6,
        weeks: 4,
        severity: 0.35,
        note: 'Two senior engineers left; pull requests queued for review',
      },
    ],
  },
  'Vehicle manufacturing': {
    throughput: 2_400,
    growth: 0.03,
    weeklyCost: 4_440_000,
    fixedCost: 0.45,
    satisfaction: 82,
    defectRate: 0.11,
    wasteHours: 2_600,
    sample: 120,
    season: 'plant',
    systemFrom: null,
    csvUntil: 0.2,
    improvements: [
      {
        at: 0.18,
        note: 'Kaizen: weld tips dressed every 200 welds',
        wastes: ['defects', 'waiting'],
      },
      {
        at: 0.42,
        note: 'Kaizen: kitting carts bring the parts to the trim stations',
        wastes: ['motion', 'waiting'],
      },
      {
        at: 0.74,
        note: 'Kaizen: painted-body store cut to 140 bodies; a technician reserved for rework',
        wastes: ['inventory', 'defects', 'waiting'],
      },
    ],
    regressions: [
      {
        at: 0.55,
        weeks: 3,
        severity: 0.4,
        note: 'Paint shop: contaminated primer batch, 9% of bodies repainted',
      },
      {
        at: 0.88,
        weeks: 2,
        severity: 0.4,
        note: 'Seat frame shortage at a supplier: vehicles parked incomplete',
      },
    ],
  },
  'Dealer order fulfillment': {
    throughput: 2_000,
    growth: 0.04,
    weeklyCost: 320_000,
    fixedCost: 0.5,
    satisfaction: 69,
    defectRate: 0.04,
    wasteHours: 300,
    sample: 60,
    season: 'dealer',
    systemFrom: null,
    csvUntil: 0,
    improvements: [
      {
        at: 0.33,
        note: 'Kaizen: the dealer configurator refuses invalid option combinations',
        wastes: ['defects', 'extra_processing', 'waiting'],
      },
      {
        at: 0.6,
        note: 'Kaizen: build slots allocated twice a week',
        wastes: ['waiting', 'inventory'],
      },
      {
        at: 0.85,
        note: 'Kaizen: mixed loads allowed for neighbouring regions',
        wastes: ['transportation', 'waiting'],
      },
    ],
    regressions: [
      {
        at: 0.47,
        weeks: 3,
        severity: 0.45,
        note: 'Rail strike: finished vehicles waiting in the yard',
      },
    ],
  },
  'Parts procurement': {
    throughput: 160,
    growth: 0.03,
    weeklyCost: 38_000,
    fixedCost: 0.6,
    satisfaction: 75,
    defectRate: 0.03,
    wasteHours: 140,
    sample: 160,
    season: 'office',
    systemFrom: 0,
    csvUntil: 1,
    improvements: [
      {
        at: 0.38,
        note: 'Kaizen: framework contracts for repeat parts, one signature within the framework',
        wastes: ['waiting', 'extra_processing'],
      },
      {
        at: 0.7,
        note: 'Kaizen: kanban cards trigger the tuggers; trusted suppliers on skip-lot inspection',
        wastes: ['motion', 'inventory', 'waiting'],
      },
    ],
    regressions: [
      { at: 0.2, weeks: 4, severity: 0.4, note: 'Port congestion: ocean freight two weeks late' },
    ],
  },
  'Connected-car software delivery': {
    throughput: 1.5,
    growth: 0.05,
    weeklyCost: 57_000,
    fixedCost: 0.85,
    satisfaction: 66,
    defectRate: 0.4,
    wasteHours: 90,
    sample: 2,
    season: 'office',
    systemFrom: 0.75,
    csvUntil: 0,
    improvements: [
      { at: 0.3, note: 'Kaizen: two test rigs moved into the team', wastes: ['waiting'] },
      {
        at: 0.66,
        note: 'Kaizen: entitlement sync retried automatically; shorter rollout stages',
        wastes: ['defects', 'waiting'],
      },
    ],
    regressions: [
      {
        at: 0.5,
        weeks: 3,
        severity: 0.5,
        note: 'Bad OTA release: rollout paused at 10% after failed activations',
      },
    ],
  },
  'Manufacturing execution system': {
    throughput: 2,
    growth: 0,
    weeklyCost: 40_000,
    fixedCost: 0.85,
    satisfaction: 70,
    defectRate: 0.35,
    wasteHours: 70,
    sample: 2,
    season: 'office',
    systemFrom: null,
    csvUntil: 0,
    improvements: [
      {
        at: 0.45,
        note: 'Kaizen: trials on the digital twin of Line 2 between shutdowns',
        wastes: ['waiting', 'defects'],
      },
      {
        at: 0.8,
        note: 'Kaizen: first station adapter replaces a legacy interface',
        wastes: ['extra_processing', 'defects', 'waiting'],
      },
    ],
    regressions: [
      {
        at: 0.62,
        weeks: 2,
        severity: 0.4,
        note: 'Station interface failures during a rollout; change rolled back',
      },
    ],
  },
};
