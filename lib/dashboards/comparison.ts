/**
 * The comparison dashboard's figures: one stream's rates from its sums, and a group's figures
 * from its streams'. Flow efficiency is a ratio of sums (PRODUCT.md); a group's lead time and
 * %C&A are the medians of its streams' own figures; throughput, WIP and waste are the group's
 * totals in an average week (each stream's weekly figure, added up), as on the portfolio.
 */
import { flowEfficiency, median, sum } from './stats';

/** Sums and counts over one stream's measured weeks (stream-level rows of the chosen range). */
export interface StreamSums {
  weeks: number;
  medianLead: number | null;
  /** Process and lead time summed over the weeks that have both. */
  pt: number | null;
  lt: number | null;
  throughput: number | null;
  throughputWeeks: number;
  wip: number | null;
  wipWeeks: number;
  pct: number | null;
  pctWeeks: number;
  waste: number | null;
  wasteWeeks: number;
}

export interface Rates {
  medianLead: number | null;
  /** Percent. */
  flowEfficiency: number | null;
  throughputPerWeek: number | null;
  /** Items in progress in an average week. */
  wip: number | null;
  /** Percent complete and accurate in an average week. */
  pct: number | null;
  wastePerWeek: number | null;
}

export const metricKeys = [
  'medianLead',
  'flowEfficiency',
  'throughputPerWeek',
  'wip',
  'pct',
  'wastePerWeek',
] as const;
export type MetricKey = (typeof metricKeys)[number];

const perWeek = (total: number | null, weeks: number) =>
  total === null || weeks === 0 ? null : total / weeks;
const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const totalOf = (values: (number | null)[]) => {
  const known = present(values);
  return known.length === 0 ? null : sum(known);
};

export function streamRates(s: StreamSums): Rates {
  return {
    medianLead: s.medianLead,
    flowEfficiency: flowEfficiency(s.pt, s.lt),
    throughputPerWeek: perWeek(s.throughput, s.throughputWeeks),
    wip: perWeek(s.wip, s.wipWeeks),
    pct: perWeek(s.pct, s.pctWeeks),
    wastePerWeek: perWeek(s.waste, s.wasteWeeks),
  };
}

export interface GroupFigures extends Rates {
  streams: number;
  /** Streams with at least one week measured in the range. */
  measured: number;
}

export function groupFigures(streams: readonly StreamSums[]): GroupFigures {
  const rates = streams.map(streamRates);
  return {
    streams: streams.length,
    measured: streams.filter((s) => s.weeks > 0).length,
    medianLead: median(present(rates.map((r) => r.medianLead))),
    flowEfficiency: flowEfficiency(
      totalOf(streams.map((s) => s.pt)),
      totalOf(streams.map((s) => s.lt)),
    ),
    throughputPerWeek: totalOf(rates.map((r) => r.throughputPerWeek)),
    wip: totalOf(rates.map((r) => r.wip)),
    pct: median(present(rates.map((r) => r.pct))),
    wastePerWeek: totalOf(rates.map((r) => r.wastePerWeek)),
  };
}
