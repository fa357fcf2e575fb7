/**
 * One stream in depth: its weeks in the chosen range, a baseline (its first 13 weeks measured),
 * targets from its future-state map, a process behaviour chart (XmR) of lead time, and its
 * current map's totals beside the measured figures.
 */
import type { Db } from '@/db/client';
import { streamWeeks, type StreamWeek } from '@/db/queries/dashboards/stream';
import { listImprovements } from '@/db/queries/improvements';
import { findMap } from '@/db/queries/maps';
import { toMapStep } from '@/lib/maps/drawable';
import { median } from '@/lib/dashboards/stats';
import { previousRange, rangeOf } from '@/lib/dashboards/weeks';
import { weekStartOf } from '@/lib/dates';
import { xmr } from '@/lib/dashboards/xmr';
import type { StreamDashboardInputValues } from '@/lib/validation/dashboards';
import { computeMap } from '@/lib/vsm/map';
import { defaultCalendar, type MapTotals } from '@/lib/vsm/types';
import type { Actor } from './members';
import { requireStream } from './streams';

/** The parsed choice, and the day it is seen from ('YYYY-MM-DD'; default today, UTC). */
export type StreamDashboardInput = StreamDashboardInputValues & { today?: string };

const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Flow efficiency of some weeks: their process time over their lead time (a ratio of sums), in percent. */
function flowOf(weeks: StreamWeek[]): number | null {
  const both = weeks.filter((w) => w.lead !== null && w.process !== null);
  const lt = sumOf(both.map((w) => w.lead ?? 0));
  return lt > 0 ? (100 * sumOf(both.map((w) => w.process ?? 0))) / lt : null;
}

const wasteOf = (w: StreamWeek) =>
  w.wastes.every((v) => v === null) ? null : sumOf(w.wastes.map((v) => v ?? 0));

function summary(weeks: StreamWeek[]) {
  const waste = present(weeks.map(wasteOf));
  return {
    weeks: weeks.length,
    from: weeks[0]?.week ?? null,
    to: weeks.at(-1)?.periodEnd ?? null,
    medianLead: median(present(weeks.map((w) => w.lead))),
    medianProcess: median(present(weeks.map((w) => w.process))),
    flowEfficiency: flowOf(weeks),
    throughputPerWeek: weeks.length
      ? (median(present(weeks.map((w) => w.throughput))) ?? null)
      : null,
    wastePerWeek: waste.length ? sumOf(waste) / waste.length : null,
  };
}

function mapFigures(totals: MapTotals | null) {
  if (!totals) return null;
  return {
    lead: totals.totalLeadTimeSeconds,
    process: totals.totalProcessTimeSeconds,
    flowEfficiency: totals.flowEfficiency === null ? null : totals.flowEfficiency * 100,
    rolledPct: totals.rolledPctCompleteAccurate,
    bottleneck: totals.bottleneck,
    weakest: totals.weakest,
  };
}

export async function streamDashboard(db: Db, actor: Actor, input: StreamDashboardInput) {
  const stream = await requireStream(db, actor, input.id);
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const range = rangeOf(
    input.range,
    today,
    input.from && input.to ? { from: input.from, to: input.to } : undefined,
  );
  const prev = previousRange(range);
  const [{ weeks, baseline }, current, future, kaizen] = await Promise.all([
    streamWeeks(db, actor.orgId, stream.id, { from: prev.from, to: range.to }),
    findMap(db, { orgId: actor.orgId, streamId: stream.id, state: 'current' }),
    findMap(db, { orgId: actor.orgId, streamId: stream.id, state: 'future' }),
    listImprovements(db, { orgId: actor.orgId, streamId: stream.id }),
  ]);
  const inRange = weeks.filter((w) => w.week >= range.from);
  const before = weeks.filter((w) => w.week < range.from);
  const totalsOf = (map: typeof current) => {
    if (!map) return null;
    const result = computeMap(map.steps.map(toMapStep));
    return result.ok ? result.totals : null;
  };
  const currentTotals = totalsOf(current);
  const futureTotals = totalsOf(future);
  const calendar = current
    ? { hoursPerDay: Number(current.hoursPerDay), daysPerWeek: Number(current.daysPerWeek) }
    : defaultCalendar;
  const leads = inRange.filter((w) => w.lead !== null);
  const chart = xmr(leads.map((w) => w.lead ?? 0));
  return {
    stream: { id: stream.id, name: stream.name, kind: stream.kind, type: stream.type },
    range: { ...range, prevFrom: prev.from, prevTo: prev.to, preset: input.range },
    calendar,
    weeks: inRange.map((w) => ({ ...w, flowEfficiency: flowOf([w]), waste: wasteOf(w) })),
    current: summary(inRange),
    previous: summary(before),
    baseline: summary(baseline),
    targets: futureTotals
      ? {
          lead: futureTotals.totalLeadTimeSeconds,
          flowEfficiency:
            futureTotals.flowEfficiency === null ? null : futureTotals.flowEfficiency * 100,
          source: `future-state map, version ${future?.version ?? ''}`.trim(),
        }
      : null,
    xmr: chart ? { ...chart, weeks: leads.map((w) => w.week) } : null,
    map: mapFigures(currentTotals),
    // Improvements under way in these weeks, marked on the charts at the week they started.
    improvements: kaizen
      .map((k) => k.improvement)
      .filter((k) => k.startedOn <= range.to && (k.completedOn ?? range.to) >= range.from)
      .map((k) => ({
        id: k.id,
        title: k.title,
        startedOn: k.startedOn,
        completedOn: k.completedOn,
        week: weekStartOf(k.startedOn),
        metric: k.metric,
        waste: k.waste,
      })),
    mapVersion: current?.version ?? null,
  };
}

export type StreamDashboard = Awaited<ReturnType<typeof streamDashboard>>;
