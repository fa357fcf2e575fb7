/**
 * Demo measurements: about two and a half years of weekly whole-stream numbers (Monday to
 * Sunday, ending with the last full week) for every demo stream. Deterministic: a seeded PRNG
 * (mulberry32), never Math.random, so the same seed and `today` give the same rows.
 *
 * Levels start at the stream's first current-state map (total lead and process time, rolled
 * %C&A) and reach its latest one through the kaizen events of ./measurement-profiles.ts, after
 * which lead time and waste step down (most of all the wastes the event aimed at). On top: the
 * stream's seasons, a few bad weeks (regressions), volume growth and weekly noise. WIP follows
 * Little's law (throughput per week x lead time in working weeks of the map's calendar).
 */
import type { MeasurementMethod, MeasurementSource } from '@/lib/domain';
import { computeMap } from '@/lib/vsm/map';
import {
  defaultCalendar,
  wastes,
  type MapStep,
  type Waste,
  type WorkingCalendar,
} from '@/lib/vsm/types';
import { toSeconds } from '@/lib/vsm/units';
import type { SeedMap, SeedStream } from './define';
import {
  blackFridayWeek,
  DAY_MS,
  dayOf,
  fallbackProfile,
  measurementProfiles,
  outOfSeason,
  seasonLoad,
} from './measurement-profiles';

export const DEMO_MEASUREMENT_SEED = 20_240_404;
/** Two and a half years of weeks. */
export const DEMO_WEEKS = 130;

export const wasteColumns = {
  defects: 'wasteDefectsHours',
  overproduction: 'wasteOverproductionHours',
  waiting: 'wasteWaitingHours',
  non_utilized_talent: 'wasteNonUtilizedTalentHours',
  transportation: 'wasteTransportationHours',
  inventory: 'wasteInventoryHours',
  motion: 'wasteMotionHours',
  extra_processing: 'wasteExtraProcessingHours',
} as const satisfies Record<Waste, string>;
type WasteColumn = (typeof wasteColumns)[Waste];

/** One generated week, as the measurements table takes it (without org, stream and author). */
export type DemoMeasurement = {
  stepName: string;
  periodStart: string;
  periodEnd: string;
  leadTimeSeconds: number;
  processTimeSeconds: number;
  waitTimeSeconds: number;
  throughput: number;
  wip: number;
  pctCompleteAccurate: number;
  defects: number;
  cost: number;
  customerSatisfaction: number;
  method: MeasurementMethod;
  sampleSize: number | null;
  note: string;
  source: MeasurementSource;
} & Record<WasteColumn, number>;

/** A kaizen event or a run of bad weeks, by week index into the rows. */
export interface DemoEvent {
  kind: 'improvement' | 'regression';
  week: number;
  weeks: number;
  periodStart: string;
  note: string;
  /** The wastes a kaizen event aims at (none for regressions). */
  wastes: Waste[];
}

export interface DemoSeries {
  name: string;
  events: DemoEvent[];
  rows: DemoMeasurement[];
}

export interface DemoOptions {
  /** The seed runs on this day; the last week generated is the last full one before it. */
  today?: Date;
  seed?: number;
  weeks?: number;
}

/** mulberry32: a small, fast 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: one stream's seed from its name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function randomSource(seed: number) {
  const next = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const poisson = (lambda: number) => {
    if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = next(); p > limit; p *= next()) k++;
    return k;
  };
  return { next, normal, poisson };
}

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The Monday (a day number) of the last full Monday-to-Sunday week before `today`, in local time as the form reckons it. */
export function lastFullWeekStart(today: Date): number {
  return (
    dayOf(today.getFullYear(), today.getMonth(), today.getDate()) - ((today.getDay() + 6) % 7) - 7
  );
}

function mapTotals(map: SeedMap, calendar: WorkingCalendar) {
  const steps: MapStep[] = map.steps.map((s) => ({
    name: s.name,
    processTimeSeconds: toSeconds(s.processTime[0], s.processTime[1], calendar),
    leadTimeSeconds: toSeconds(s.leadTime[0], s.leadTime[1], calendar),
    pctCompleteAccurate: s.pctCompleteAccurate,
    people: s.people,
    wastes: s.wastes,
    notes: s.notes,
  }));
  const result = computeMap(steps);
  if (!result.ok)
    throw new Error(
      `Demo map "${map.note}" is not valid: ${result.issues.map((i) => i.message).join('; ')}`,
    );
  return result.totals;
}

/** Effect of an event `since` weeks ago: 40% in its week, all of it eight weeks later. */
const ramp = (since: number) => (since < 0 ? 0 : Math.min(1, 0.4 + (0.6 * since) / 8));
/** How bad week `j` of a regression of `length` weeks is, at most 1. */
const shape = (j: number, length: number) =>
  j === 0 ? 0.7 : j === length - 1 && length > 2 ? 0.6 : 1;

/** The weekly measurements of one demo stream. */
export function demoMeasurementSeries(stream: SeedStream, opts: DemoOptions = {}): DemoSeries {
  const name = stream.fields.name.trim();
  const profile = measurementProfiles[name] ?? fallbackProfile;
  const n = opts.weeks ?? DEMO_WEEKS;
  // The series ends the week before the last full one: that week is left for the demo lead to log.
  const first = lastFullWeekStart(opts.today ?? new Date()) - 7 * n;
  const rnd = randomSource(((opts.seed ?? DEMO_MEASUREMENT_SEED) ^ hash(name)) >>> 0);
  const calendar = stream.calendar ?? defaultCalendar;
  const weekSeconds = calendar.hoursPerDay * calendar.daysPerWeek * 3600;
  const development = stream.fields.kind === 'development';

  const [baseMap, latestMap] = [stream.current[0], stream.current[stream.current.length - 1]];
  if (!baseMap || !latestMap) throw new Error(`Demo stream "${name}" has no current-state map.`);
  const base = mapTotals(baseMap, calendar);
  const latest = mapTotals(latestMap, calendar);
  const remapped = stream.current.length > 1;
  const ltRatio = Math.min(
    0.92,
    remapped ? latest.totalLeadTimeSeconds / base.totalLeadTimeSeconds : 0.85,
  );
  const ptRatio = Math.min(
    1,
    remapped ? latest.totalProcessTimeSeconds / base.totalProcessTimeSeconds : 0.95,
  );
  const pca0 = base.rolledPctCompleteAccurate;
  const pcaEnd = Math.max(remapped ? latest.rolledPctCompleteAccurate : 0, pca0 + 3);

  // Waste hours per kind at the start: the kinds the first map names weigh most.
  const weight = Object.fromEntries(wastes.map((w) => [w, 0.25])) as Record<Waste, number>;
  for (const s of baseMap.steps) for (const w of s.wastes) weight[w] += 1;
  const weightSum = wastes.reduce((sum, w) => sum + weight[w], 0);
  const baseWaste = Object.fromEntries(
    wastes.map((w) => [w, (profile.wasteHours * weight[w]) / weightSum]),
  ) as Record<Waste, number>;

  // Kaizen events: only in the quiet months; each takes an equal share of the lead-time gain
  // and about a fifth of the waste (40% of the kinds it aims at, what is left from the others).
  const k = profile.improvements.length;
  const level = { ...baseWaste };
  const improvements = profile.improvements.map((e) => {
    let week = Math.round(e.at * (n - 1));
    while (week < n - 1 && outOfSeason('improvement', first + 7 * week)) week++;
    const total = wastes.reduce((sum, w) => sum + level[w], 0);
    const aimed = e.wastes.reduce((sum, w) => sum + level[w], 0) / total;
    const other = aimed > 0.99 ? 0.03 : clamp((0.2 - 0.4 * aimed) / (1 - aimed), 0.03, 0.25);
    const drop = Object.fromEntries(
      wastes.map((w) => [w, e.wastes.includes(w) ? 0.4 : other]),
    ) as Record<Waste, number>;
    for (const w of wastes) level[w] *= 1 - drop[w];
    return {
      week,
      note: e.note,
      wastes: e.wastes,
      drop,
      lt: 1 - ltRatio ** (1 / k),
      pt: 1 - ptRatio ** (1 / k),
    };
  });
  const peaks: number[] = [];
  for (let i = 0; i < n; i++)
    if (first + 7 * i === blackFridayWeek(new Date((first + 7 * i + 3) * DAY_MS).getUTCFullYear()))
      peaks.push(i);
  const regressions = profile.regressions.flatMap((g) => {
    let week = typeof g.at === 'number' ? Math.round(g.at * (n - 1)) : peaks[g.at.peak];
    while (
      typeof g.at === 'number' &&
      week !== undefined &&
      week < n - 1 &&
      outOfSeason('regression', first + 7 * week)
    )
      week++;
    return week === undefined
      ? []
      : [{ ...g, week, weeks: Math.min(g.weeks, n - week), peak: typeof g.at !== 'number' }];
  });

  const systemFrom = profile.systemFrom === null ? n : Math.round(profile.systemFrom * (n - 1));
  const csvUntil = Math.round(profile.csvUntil * n);
  const rows: DemoMeasurement[] = [];
  let leadNoise = 0;
  let wasteNoise = 0;
  for (let i = 0; i < n; i++) {
    const start = first + 7 * i;
    const load = seasonLoad(profile.season, start);
    const strain = Math.max(0, load - 1);
    const growth = 1 + (profile.growth * i) / 52;

    let gained = 0; // kaizen effects so far, 0..k
    let ltF = 1;
    let ptF = 1;
    const wasteF = Object.fromEntries(wastes.map((w) => [w, 1])) as Record<Waste, number>;
    const notes: string[] = [];
    for (const e of improvements) {
      const r = ramp(i - e.week);
      if (e.week === i) notes.push(e.note);
      if (r === 0) continue;
      gained += r;
      ltF *= 1 - e.lt * r;
      ptF *= 1 - e.pt * r;
      for (const w of wastes) wasteF[w] *= 1 - e.drop[w] * r;
    }
    let bad = 0;
    let slowdown = 0;
    for (const g of regressions) {
      const j = i - g.week;
      if (j < 0 || j >= g.weeks) continue;
      bad += g.severity * shape(j, g.weeks);
      if (!g.peak) slowdown += 0.25 * g.severity * shape(j, g.weeks);
      notes.push(g.note);
    }

    const expected =
      profile.throughput *
      growth *
      load *
      (1 + (development ? 0.1 : 0.04) * gained) *
      (1 - slowdown);
    const throughput =
      expected >= 50 ? Math.round(expected * Math.exp(0.04 * rnd.normal())) : rnd.poisson(expected);
    leadNoise = 0.5 * leadNoise + 0.05 * rnd.normal();
    const lead = Math.round(
      base.totalLeadTimeSeconds *
        ltF *
        (1 + 0.3 * strain) *
        (load < 0.5 ? 1.1 : 1) *
        (1 + bad) *
        Math.exp(leadNoise),
    );
    const processTime = Math.min(
      lead,
      Math.round(base.totalProcessTimeSeconds * ptF * Math.exp(0.03 * rnd.normal())),
    );
    const pcaExpected = clamp(
      pca0 + ((pcaEnd - pca0) * gained) / Math.max(1, k) - 6 * bad - 3 * strain,
      0,
      100,
    );
    const pca = round(clamp(pcaExpected + 0.8 * rnd.normal(), 0, 100), 2);
    const wip = round(((expected * lead) / weekSeconds) * Math.exp(0.04 * rnd.normal()), 1);

    wasteNoise = 0.5 * wasteNoise + 0.05 * rnd.normal();
    const wasteScale =
      Math.sqrt(growth) *
      (1 + 0.45 * strain) *
      (load < 1 ? 0.8 + 0.2 * load : 1) *
      (1 + 1.3 * bad) *
      Math.exp(wasteNoise);
    const waste = Object.fromEntries(
      wastes.map((w) => [
        wasteColumns[w],
        round(baseWaste[w] * wasteF[w] * wasteScale * Math.exp(0.07 * rnd.normal()), 2),
      ]),
    ) as Record<WasteColumn, number>;
    const wasteLeft =
      wastes.reduce((sum, w) => sum + baseWaste[w] * wasteF[w], 0) / profile.wasteHours;

    const defectsExpected =
      expected * profile.defectRate * ((100 - pcaExpected) / (100 - pca0)) * (1 + bad);
    const defects =
      defectsExpected < 30
        ? rnd.poisson(defectsExpected)
        : Math.round(defectsExpected * Math.exp(0.08 * rnd.normal()));
    const volume = profile.fixedCost + ((1 - profile.fixedCost) * expected) / profile.throughput;
    const cost = round(
      profile.weeklyCost *
        volume *
        (0.85 + 0.15 * wasteLeft) *
        (1 + 0.25 * bad) *
        Math.exp(0.02 * rnd.normal()),
      2,
    );
    const satisfaction = round(
      clamp(
        profile.satisfaction + 2.5 * gained - 15 * bad - 6 * strain + 1.2 * rnd.normal(),
        0,
        100,
      ),
      1,
    );

    const estimated = rnd.next() < 0.03;
    const method: MeasurementMethod =
      i >= systemFrom ? 'system' : estimated ? 'estimated' : 'observed';
    const sampled = Math.round(profile.sample * (0.85 + 0.3 * rnd.next()));
    rows.push({
      stepName: '',
      periodStart: isoDay(start),
      periodEnd: isoDay(start + 6),
      leadTimeSeconds: lead,
      processTimeSeconds: processTime,
      waitTimeSeconds: lead - processTime,
      throughput,
      wip,
      pctCompleteAccurate: pca,
      defects,
      cost,
      customerSatisfaction: satisfaction,
      ...waste,
      method,
      sampleSize:
        method === 'system'
          ? throughput
          : method === 'estimated'
            ? null
            : Math.min(throughput, sampled),
      note: notes.join('; '),
      source: i < csvUntil ? 'csv' : 'form',
    });
  }

  const events: DemoEvent[] = [
    ...improvements.map((e) => ({
      kind: 'improvement' as const,
      week: e.week,
      weeks: 1,
      periodStart: isoDay(first + 7 * e.week),
      note: e.note,
      wastes: e.wastes,
    })),
    ...regressions.map((g) => ({
      kind: 'regression' as const,
      week: g.week,
      weeks: g.weeks,
      periodStart: isoDay(first + 7 * g.week),
      note: g.note,
      wastes: [],
    })),
  ].sort((a, b) => a.week - b.week);
  return { name, events, rows };
}

/** The weekly measurements of each of `streams`, in order. */
export function demoMeasurements(
  streams: readonly SeedStream[],
  opts: DemoOptions = {},
): DemoSeries[] {
  const today = opts.today ?? new Date(); // one clock reading for all streams
  return streams.map((s) => demoMeasurementSeries(s, { ...opts, today }));
}
