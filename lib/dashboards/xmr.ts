/**
 * Process behaviour charts (XmR, after Donald Wheeler's "Understanding Variation"): natural
 * process limits from the average moving range, and his three detection rules for signals.
 */
import { formatNumber } from '@/lib/format';
import { mean, type BetterWhen } from './stats';

export type XmrSignal = 'outside-limits' | 'run-of-8' | 'three-of-four';

export interface XmrPoint {
  index: number;
  value: number;
  /** |value − previous value|; null for the first point. */
  movingRange: number | null;
  /** The rules this point takes part in (each at most once). */
  signals: XmrSignal[];
}

/** One detected signal: which rule, on which side of the centre line, over which points (inclusive). */
export interface XmrPattern {
  type: XmrSignal;
  side: 'above' | 'below';
  first: number;
  last: number;
}

export interface XmrResult {
  centre: number;
  mrBar: number;
  /** Upper natural process limit. */
  unpl: number;
  /** Lower natural process limit; not clipped at 0, so it can be negative. */
  lnpl: number;
  /** Upper range limit for the moving ranges. */
  url: number;
  /** How many leading points the limits were computed from. */
  baselineCount: number;
  points: XmrPoint[];
  /** The signals, in order of their first point. */
  patterns: XmrPattern[];
  signalCount: number;
}

/** Wheeler's scaling factors: 2.66 = 3 / d2 (d2 = 1.128 for ranges of two), 3.268 = D4. */
export const NPL_FACTOR = 2.66;
export const URL_FACTOR = 3.268;
/** Limits settle after about 20 points; more history only hides recent change. */
export const MAX_DEFAULT_BASELINE = 20;
const RUN_LENGTH = 8;
const signalOrder: XmrSignal[] = ['outside-limits', 'three-of-four', 'run-of-8'];

/**
 * The XmR chart of a series (oldest first), or null with fewer than 2 points. Limits come from the
 * first `baselineCount` points (default all, at most 20), clamped to 2..length. Throws on values
 * that are not finite numbers: drop missing weeks before calling.
 */
export function xmr(
  values: readonly number[],
  opts: { baselineCount?: number } = {},
): XmrResult | null {
  const n = values.length;
  if (n < 2) return null;
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('xmr needs finite numbers.');
  const requested = Math.floor(opts.baselineCount ?? Math.min(n, MAX_DEFAULT_BASELINE));
  const baselineCount = Math.min(n, Math.max(2, Number.isNaN(requested) ? n : requested));

  const ranges = values.map((v, i) => (i === 0 ? null : Math.abs(v - (values[i - 1] ?? v))));
  const centre = mean(values.slice(0, baselineCount)) ?? 0;
  const mrBar = mean(ranges.slice(1, baselineCount).map((r) => r ?? 0)) ?? 0;
  const unpl = centre + NPL_FACTOR * mrBar;
  const lnpl = centre - NPL_FACTOR * mrBar;

  const marks = values.map(() => new Set<XmrSignal>());
  const patterns: XmrPattern[] = [];
  const side = (v: number) => (v > centre ? 'above' : v < centre ? 'below' : null);
  const mark = (type: XmrSignal, indexes: number[]) => indexes.forEach((i) => marks[i]?.add(type));

  // Rule 1: points outside the limits; consecutive ones on the same side make one signal.
  let outside: XmrPattern | null = null;
  values.forEach((v, i) => {
    const s = v > unpl ? 'above' : v < lnpl ? 'below' : null;
    if (s === null) outside = null;
    else if (outside && outside.side === s) outside.last = i;
    else patterns.push((outside = { type: 'outside-limits', side: s, first: i, last: i }));
    if (s) mark('outside-limits', [i]);
  });

  // Rule 2: three of four successive values beyond the midpoint between centre and a limit;
  // overlapping windows on the same side make one signal.
  for (const s of ['above', 'below'] as const) {
    const beyond = (v: number) =>
      s === 'above' ? v > (centre + unpl) / 2 : v < (centre + lnpl) / 2;
    let open: XmrPattern | null = null;
    let openEnd = -1;
    for (let start = 0; start + 4 <= n; start++) {
      const hits = [start, start + 1, start + 2, start + 3].filter((i) =>
        beyond(values[i] ?? centre),
      );
      if (hits.length < 3) continue;
      mark('three-of-four', hits);
      const first = hits[0] ?? start;
      const last = hits[hits.length - 1] ?? start;
      if (open && start <= openEnd) open.last = Math.max(open.last, last);
      else patterns.push((open = { type: 'three-of-four', side: s, first, last }));
      openEnd = start + 3;
    }
  }

  // Rule 3: eight or more successive values on the same side (a value on the line breaks the run).
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    const prev = side(values[i - 1] ?? centre);
    if (i < n && prev !== null && side(values[i] ?? centre) === prev) continue;
    if (prev !== null && i - runStart >= RUN_LENGTH) {
      patterns.push({ type: 'run-of-8', side: prev, first: runStart, last: i - 1 });
      mark(
        'run-of-8',
        Array.from({ length: i - runStart }, (_, k) => runStart + k),
      );
    }
    runStart = i;
  }

  patterns.sort(
    (a, b) => a.first - b.first || signalOrder.indexOf(a.type) - signalOrder.indexOf(b.type),
  );
  const points = values.map((value, index) => ({
    index,
    value,
    movingRange: ranges[index] ?? null,
    signals: signalOrder.filter((t) => marks[index]?.has(t)),
  }));
  return {
    centre,
    mrBar,
    unpl,
    lnpl,
    url: URL_FACTOR * mrBar,
    baselineCount,
    points,
    patterns,
    signalCount: patterns.length,
  };
}

export interface DescribeOptions {
  betterWhen: BetterWhen;
  /** Writes a value with its unit ("42 h"); default: the number with up to one decimal. */
  format?: (n: number) => string;
  /** At most this many signals are spelled out; the rest are counted. */
  maxListed?: number;
}

const defaultFormat = (n: number) => formatNumber(n);

function weeksText(p: XmrPattern): string {
  return p.first === p.last ? `week ${p.first + 1} is` : `weeks ${p.first + 1}–${p.last + 1} are`;
}

function describePattern(p: XmrPattern, betterWhen: BetterWhen): string {
  const limit = p.side === 'above' ? 'upper' : 'lower';
  const text =
    p.type === 'outside-limits'
      ? `${weeksText(p)} ${p.side} the ${limit} limit`
      : p.type === 'three-of-four'
        ? `${weeksText(p)} mostly closer to the ${limit} limit than to the centre line`
        : `weeks ${p.first + 1}–${p.last + 1} run ${p.side} the centre line`;
  const better = (p.side === 'above') === (betterWhen === 'higher');
  return `${text} (${better ? 'better' : 'worse'})`;
}

/**
 * One plain sentence about a chart, weeks numbered from 1: "Predictable: every week fell within the
 * limits (18 h to 42 h)." or "2 signals: week 5 is above the upper limit (worse); weeks 9–16 run
 * below the centre line (better)." A negative lower limit of data that is never negative is left
 * out ("up to 42 h") rather than printed as, say, "−3 h".
 */
export function describeSignals(result: XmrResult, opts: DescribeOptions): string {
  const format = opts.format ?? defaultFormat;
  if (result.signalCount === 0) {
    const nonNegative = result.points.every((p) => p.value >= 0);
    const limits =
      result.lnpl < 0 && nonNegative
        ? `up to ${format(result.unpl)}`
        : `${format(result.lnpl)} to ${format(result.unpl)}`;
    return `Predictable: every week fell within the limits (${limits}).`;
  }
  const maxListed = Math.max(1, opts.maxListed ?? 4);
  const listed = result.patterns
    .slice(0, maxListed)
    .map((p) => describePattern(p, opts.betterWhen));
  const rest = result.signalCount - listed.length;
  const more = rest > 0 ? `; and ${rest} more` : '';
  const noun = result.signalCount === 1 ? 'signal' : 'signals';
  return `${result.signalCount} ${noun}: ${listed.join('; ')}${more}.`;
}
