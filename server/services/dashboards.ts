/**
 * The portfolio dashboard: one read of every (filtered) stream's figures for the chosen weeks and
 * the weeks before, turned into headline cards, a row per stream and the streams that got worse.
 * Formulas: PRODUCT.md (flow efficiency is a ratio of sums) and lib/dashboards.
 */
import { portfolioRows, type PeriodFigures, type PortfolioStreamRow, type StreamFilters } from '@/db/queries/dashboards';
import { median, percentChange, trendDirection } from '@/lib/dashboards/stats';
import { previousRange, rangeOf, type RangePreset } from '@/lib/dashboards/weeks';
import { defaultCalendar, type MapTotals, type WorkingCalendar } from '@/lib/vsm/types';
import type { Actor } from './members';
import { currentMapTotals } from './streams';
import type { Db } from '@/db/client';

export interface PortfolioInput extends StreamFilters {
  range: RangePreset;
  from?: string;
  to?: string;
  /** 'YYYY-MM-DD'; default today (UTC). */
  today?: string;
}

export interface Card {
  value: number | null;
  previous: number | null;
  /** Percent change from the previous period. */
  change: number | null;
  trend: 'better' | 'worse' | 'flat' | null;
}

/** A change of at least this many percent in the wrong direction flags a stream. */
export const WORSE_THRESHOLD = 10;

const ratioPct = (pt: number | null, lt: number | null) => (pt === null || lt === null || lt === 0 ? null : (100 * pt) / lt);
const perWeek = (total: number | null, weeks: number) => (total === null || weeks === 0 ? null : total / weeks);

function card(value: number | null, previous: number | null, betterWhen: 'lower' | 'higher'): Card {
  const change = percentChange(value, previous);
  return { value, previous, change, trend: trendDirection(change, betterWhen) };
}

/** Sums one figure over streams; null when no stream has it. */
function total(rows: PortfolioStreamRow[], pick: (f: PeriodFigures) => number | null, period: 'current' | 'previous'): number | null {
  const values = rows.map((r) => pick(r[period])).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

function streamView(row: PortfolioStreamRow, map: { calendar: WorkingCalendar; totals: MapTotals | null } | undefined) {
  const c = row.current;
  const p = row.previous;
  const lead = card(c.medianLead, p.medianLead, 'lower');
  const flow = card(ratioPct(c.pt, c.lt), ratioPct(p.pt, p.lt), 'higher');
  const throughput = card(perWeek(c.throughput, c.throughputWeeks), perWeek(p.throughput, p.throughputWeeks), 'higher');
  const wasteRate = perWeek(c.waste, c.wasteWeeks);
  const waste = card(wasteRate, perWeek(p.waste, p.wasteWeeks), 'lower');
  const vsBaseline = row.baselineWaste && wasteRate !== null ? (100 * (row.baselineWaste - wasteRate)) / row.baselineWaste : null;
  const worse: string[] = [];
  const flag = (label: string, k: Card, betterWhen: 'lower' | 'higher') => {
    if (k.change === null) return;
    if (betterWhen === 'lower' ? k.change >= WORSE_THRESHOLD : k.change <= -WORSE_THRESHOLD) worse.push(`${label} ${k.change > 0 ? 'up' : 'down'} ${Math.abs(Math.round(k.change))}%`);
  };
  flag('Lead time', lead, 'lower');
  flag('Flow efficiency', flow, 'higher');
  flag('Throughput', throughput, 'higher');
  flag('Waste', waste, 'lower');
  const totals = map?.totals ?? null;
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
    wasteHours: c.waste,
    wasteVsBaseline: vsBaseline,
    baselineFrom: row.baselineFrom,
    series: row.series,
    calendar: map?.calendar ?? defaultCalendar,
    bottleneck: totals ? { name: totals.bottleneck.name, waitTimeSeconds: totals.bottleneck.waitTimeSeconds } : null,
    weakest: totals ? { name: totals.weakest.name, pctCompleteAccurate: totals.weakest.pctCompleteAccurate } : null,
    worse,
  };
}

export type PortfolioStream = ReturnType<typeof streamView>;

export async function portfolio(db: Db, actor: Actor, input: PortfolioInput) {
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const current = rangeOf(input.range, today, input.from && input.to ? { from: input.from, to: input.to } : undefined);
  const prev = previousRange(current);
  const range = { from: current.from, to: current.to, prevFrom: prev.from, prevTo: prev.to };
  const [rows, maps] = await Promise.all([
    portfolioRows(db, actor.orgId, range, { kind: input.kind, type: input.type, ownerId: input.ownerId }),
    currentMapTotals(db, actor.orgId),
  ]);
  const streams = rows.map((r) => streamView(r, maps.get(r.id)));
  const medians = (period: 'current' | 'previous') => median(rows.map((r) => r[period].medianLead).filter((v): v is number => v !== null));
  const rate = (period: 'current' | 'previous', pick: 'throughput' | 'waste', weeks: 'throughputWeeks' | 'wasteWeeks') => {
    // Per week across the portfolio: each stream's weekly rate, summed.
    const values = rows.map((r) => perWeek(r[period][pick], r[period][weeks])).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  const withBaseline = streams.filter((s) => s.wasteVsBaseline !== null);
  const baselineRate = withBaseline.reduce((a, s) => a + (rows.find((r) => r.id === s.id)?.baselineWaste ?? 0), 0);
  const currentRate = withBaseline.reduce((a, s) => a + (s.waste.value ?? 0), 0);
  return {
    range: { ...range, preset: input.range },
    cards: {
      streams: { count: streams.length, measured: streams.filter((s) => s.weeks > 0).length },
      medianLead: card(medians('current'), medians('previous'), 'lower'),
      flowEfficiency: card(
        ratioPct(total(rows, (f) => f.pt, 'current'), total(rows, (f) => f.lt, 'current')),
        ratioPct(total(rows, (f) => f.pt, 'previous'), total(rows, (f) => f.lt, 'previous')),
        'higher',
      ),
      throughputPerWeek: card(rate('current', 'throughput', 'throughputWeeks'), rate('previous', 'throughput', 'throughputWeeks'), 'higher'),
      wastePerWeek: card(rate('current', 'waste', 'wasteWeeks'), rate('previous', 'waste', 'wasteWeeks'), 'lower'),
      wasteVsBaseline: {
        value: baselineRate > 0 ? (100 * (baselineRate - currentRate)) / baselineRate : null,
        baselinePerWeek: baselineRate > 0 ? baselineRate : null,
        currentPerWeek: baselineRate > 0 ? currentRate : null,
        streams: withBaseline.length,
      },
    },
    streams,
    worse: streams.filter((s) => s.worse.length > 0).map((s) => ({ id: s.id, name: s.name, reasons: s.worse })),
  };
}

export type Portfolio = Awaited<ReturnType<typeof portfolio>>;
