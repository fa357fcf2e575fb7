/**
 * The portfolio dashboard: one read of every (filtered) stream's figures for the chosen weeks and
 * the weeks before, turned into headline cards, a row per stream and the streams that got worse.
 * Formulas: PRODUCT.md (flow efficiency is a ratio of sums) and lib/dashboards.
 */
import type { Db } from '@/db/client';
import {
  portfolioRows,
  type PeriodFigures,
  type PortfolioStreamRow,
} from '@/db/queries/dashboards/portfolio';
import { median, percentChange, trendDirection } from '@/lib/dashboards/stats';
import { previousRange, rangeOf, weeksBetween } from '@/lib/dashboards/weeks';
import type { PortfolioInputValues } from '@/lib/validation/dashboards';
import { defaultCalendar } from '@/lib/vsm/types';
import type { Actor } from './members';

/** The parsed view, and the day it is seen from ('YYYY-MM-DD'; default today, UTC). */
export type PortfolioInput = PortfolioInputValues & { today?: string };

export interface Card {
  value: number | null;
  previous: number | null;
  /** Percent change from the previous period. */
  change: number | null;
  trend: 'better' | 'worse' | 'flat' | null;
}

/** A change of at least this many percent in the wrong direction flags a stream. */
export const WORSE_THRESHOLD = 10;

const ratioPct = (pt: number | null, lt: number | null) =>
  pt === null || lt === null || lt === 0 ? null : (100 * pt) / lt;
const perWeek = (total: number | null, weeks: number) =>
  total === null || weeks === 0 ? null : total / weeks;

/** Rounds for the answer: the screen shows fewer digits, and every digit sent is serialized and parsed. */
function round(v: number | null, digits: number): number | null {
  if (v === null) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A figure, its previous period's, and the change between them (from the unrounded values). */
function card(
  value: number | null,
  previous: number | null,
  betterWhen: 'lower' | 'higher',
  digits: number,
): Card {
  const change = percentChange(value, previous);
  return {
    value: round(value, digits),
    previous: round(previous, digits),
    change: round(change, 1),
    trend: trendDirection(change, betterWhen),
  };
}

const medianOf = (f: PeriodFigures) => median(f.leads);

/**
 * A stream's lead time for each week of the range (null where none was measured), in whole
 * seconds; weeks with more than one measured period get their mean.
 */
function weeklyLeads(series: PortfolioStreamRow['series'], weeks: number): (number | null)[] {
  const sums = new Array<number>(weeks).fill(0);
  const counts = new Array<number>(weeks).fill(0);
  for (const { week, lead } of series) {
    if (lead === null || week < 0 || week >= weeks) continue;
    sums[week] = (sums[week] ?? 0) + lead;
    counts[week] = (counts[week] ?? 0) + 1;
  }
  return sums.map((sum, i) => (counts[i] ? Math.round(sum / (counts[i] ?? 1)) : null));
}

/** Sums one figure over streams; null when no stream has it. */
function total(
  rows: PortfolioStreamRow[],
  pick: (f: PeriodFigures) => number | null,
  period: 'current' | 'previous',
): number | null {
  const values = rows.map((r) => pick(r[period])).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

function streamView(row: PortfolioStreamRow, weeks: number) {
  const c = row.current;
  const p = row.previous;
  const lead = card(medianOf(c), medianOf(p), 'lower', 0);
  const flow = card(ratioPct(c.pt, c.lt), ratioPct(p.pt, p.lt), 'higher', 2);
  const throughput = card(
    perWeek(c.throughput, c.throughputWeeks),
    perWeek(p.throughput, p.throughputWeeks),
    'higher',
    2,
  );
  const wasteRate = perWeek(c.waste, c.wasteWeeks);
  const waste = card(wasteRate, perWeek(p.waste, p.wasteWeeks), 'lower', 2);
  const vsBaseline =
    row.baselineWaste && wasteRate !== null
      ? (100 * (row.baselineWaste - wasteRate)) / row.baselineWaste
      : null;
  const worse: string[] = [];
  const flag = (label: string, k: Card, betterWhen: 'lower' | 'higher') => {
    if (k.change === null) return;
    if (betterWhen === 'lower' ? k.change >= WORSE_THRESHOLD : k.change <= -WORSE_THRESHOLD)
      worse.push(`${label} ${k.change > 0 ? 'up' : 'down'} ${Math.abs(Math.round(k.change))}%`);
  };
  flag('Lead time', lead, 'lower');
  flag('Flow efficiency', flow, 'higher');
  flag('Throughput', throughput, 'higher');
  flag('Waste', waste, 'lower');
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    type: row.type,
    ownerName: row.ownerName,
    weeks: c.weeks,
    lead,
    flow,
    throughput,
    waste,
    wasteHours: round(c.waste, 2),
    wasteVsBaseline: round(vsBaseline, 2),
    baselineFrom: row.baselineFrom,
    /** Lead time (seconds) of each week in `range.weeks`, null where not measured. */
    leads: weeklyLeads(row.series, weeks),
    calendar: row.map?.calendar ?? defaultCalendar,
    bottleneck: row.map?.bottleneck
      ? {
          name: row.map.bottleneck.name,
          waitTimeSeconds: Math.round(row.map.bottleneck.waitTimeSeconds),
        }
      : null,
    weakest: row.map?.weakest ?? null,
    worse,
  };
}

export type PortfolioStream = ReturnType<typeof streamView>;

export async function portfolio(db: Db, actor: Actor, input: PortfolioInput) {
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const current = rangeOf(
    input.range,
    today,
    input.from && input.to ? { from: input.from, to: input.to } : undefined,
  );
  const prev = previousRange(current);
  const range = { from: current.from, to: current.to, prevFrom: prev.from, prevTo: prev.to };
  const weeks = weeksBetween(current.from, current.to);
  const rows = await portfolioRows(db, actor.orgId, range, {
    kind: input.kind,
    type: input.type,
    ownerId: input.ownerId,
  });
  const streams = rows.map((r) => streamView(r, weeks.length));
  const medians = (period: 'current' | 'previous') =>
    median(rows.map((r) => medianOf(r[period])).filter((v): v is number => v !== null));
  const rate = (
    period: 'current' | 'previous',
    pick: 'throughput' | 'waste',
    weeks: 'throughputWeeks' | 'wasteWeeks',
  ) => {
    // Per week across the portfolio: each stream's weekly rate, summed.
    const values = rows
      .map((r) => perWeek(r[period][pick], r[period][weeks]))
      .filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  // Waste against the baseline, over the streams that have both a baseline and waste in these weeks.
  const withBaseline = rows
    .map((r) => ({
      baseline: r.baselineWaste,
      now: perWeek(r.current.waste, r.current.wasteWeeks),
    }))
    .filter((b): b is { baseline: number; now: number } => !!b.baseline && b.now !== null);
  const baselineRate = withBaseline.reduce((a, b) => a + b.baseline, 0);
  const currentRate = withBaseline.reduce((a, b) => a + b.now, 0);
  return {
    range: { ...range, preset: input.range, weeks },
    cards: {
      streams: { count: streams.length, measured: streams.filter((s) => s.weeks > 0).length },
      medianLead: card(medians('current'), medians('previous'), 'lower', 0),
      flowEfficiency: card(
        ratioPct(
          total(rows, (f) => f.pt, 'current'),
          total(rows, (f) => f.lt, 'current'),
        ),
        ratioPct(
          total(rows, (f) => f.pt, 'previous'),
          total(rows, (f) => f.lt, 'previous'),
        ),
        'higher',
        2,
      ),
      throughputPerWeek: card(
        rate('current', 'throughput', 'throughputWeeks'),
        rate('previous', 'throughput', 'throughputWeeks'),
        'higher',
        2,
      ),
      wastePerWeek: card(
        rate('current', 'waste', 'wasteWeeks'),
        rate('previous', 'waste', 'wasteWeeks'),
        'lower',
        2,
      ),
      wasteVsBaseline: {
        value:
          baselineRate > 0 ? round((100 * (baselineRate - currentRate)) / baselineRate, 2) : null,
        baselinePerWeek: baselineRate > 0 ? round(baselineRate, 2) : null,
        currentPerWeek: baselineRate > 0 ? round(currentRate, 2) : null,
        streams: withBaseline.length,
      },
    },
    streams,
    worse: streams
      .filter((s) => s.worse.length > 0)
      .map((s) => ({ id: s.id, name: s.name, reasons: s.worse })),
  };
}

export type Portfolio = Awaited<ReturnType<typeof portfolio>>;
