/**
 * Waste reduction over time, for one stream or the whole portfolio: each category's weekly rate
 * against a baseline (chosen, or by default the first 13 weeks from the first week with waste
 * recorded), the weekly trend, the hours saved against the baseline week by week, and the
 * improvements of those weeks. Formulas: lib/dashboards/waste.ts.
 */
import type { Db } from '@/db/client';
import {
  firstWasteWeek,
  improvementsInRange,
  wasteByWeek,
  type WasteScope,
} from '@/db/queries/dashboards/waste';
import { percentChange } from '@/lib/dashboards/stats';
import { rangeOf, type DateRange } from '@/lib/dashboards/weeks';
import { weekStartOf } from '@/lib/dates';
import { categoryRows, defaultBaseline, wasteTrend, weeklyRates } from '@/lib/dashboards/waste';
import type { WasteInputValues } from '@/lib/validation/dashboards';
import { wastes } from '@/lib/vsm/types';
import type { Actor } from './members';
import { requireStream } from './streams';

/** The parsed choice, and the day it is seen from ('YYYY-MM-DD'; default today, UTC). */
export type WasteInput = WasteInputValues & { today?: string };

export async function wasteReduction(db: Db, actor: Actor, input: WasteInput) {
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const range = rangeOf(
    input.range,
    today,
    input.from && input.to ? { from: input.from, to: input.to } : undefined,
  );
  const stream = input.streamId ? await requireStream(db, actor, input.streamId) : null;
  const scope: WasteScope = { orgId: actor.orgId, streamId: stream?.id };
  const first = await firstWasteWeek(db, scope);
  // A chosen baseline is snapped outward to whole weeks, as a custom range is.
  const baselineRange: DateRange | null = input.baseline
    ? rangeOf('custom', today, input.baseline)
    : first
      ? defaultBaseline(first)
      : null;
  const [current, base, improvements] = await Promise.all([
    wasteByWeek(db, scope, range),
    baselineRange ? wasteByWeek(db, scope, baselineRange) : Promise.resolve([]),
    improvementsInRange(db, scope, range),
  ]);
  const baselineRates = weeklyRates(base, wastes.length);
  const currentRates = weeklyRates(current, wastes.length);
  const trend = wasteTrend(range, current, baselineRates.total);
  return {
    range: { ...range, preset: input.range },
    stream: stream
      ? { id: stream.id, name: stream.name, kind: stream.kind, type: stream.type }
      : null,
    firstWasteWeek: first,
    baseline: baselineRange
      ? {
          ...baselineRange,
          chosen: Boolean(input.baseline),
          weeks: baselineRates.weeks,
          perWeek: baselineRates.total,
        }
      : null,
    current: { weeks: currentRates.weeks, perWeek: currentRates.total },
    /** Percent change of the weekly waste from the baseline (negative: less waste). */
    change: percentChange(currentRates.total, baselineRates.total),
    cumulative: trend.at(-1)?.cumulative ?? null,
    categories: categoryRows(wastes, baselineRates, currentRates),
    weeks: trend,
    improvements: improvements.map((i, n) => ({
      ...i,
      number: n + 1,
      startWeek: weekStartOf(i.startedOn),
      completedWeek: i.completedOn ? weekStartOf(i.completedOn) : null,
    })),
  };
}

export type WasteReduction = Awaited<ReturnType<typeof wasteReduction>>;
