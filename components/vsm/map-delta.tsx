import { useDurationView } from '@/components/ui/duration-view';
import { bestUnitIn, formatDuration, formatPercent, viewCalendar } from '@/lib/format';
import {
  secondsPerUnit,
  type DurationUnit,
  type DurationView,
  type MapDelta,
  type MapTotals,
  type WorkingCalendar,
} from '@/lib/vsm';
import { cn } from '@/lib/cn';

type Verdict = 'better' | 'worse' | 'same' | 'neutral';

interface DeltaRow {
  label: string;
  from: string;
  to: string;
  change: string;
  verdict: Verdict;
  /** What the change means, in words ("shorter", "higher"). */
  words: string;
}

export interface MapDeltaCardsProps {
  current: MapTotals;
  future: MapTotals;
  delta: MapDelta;
  calendar: WorkingCalendar;
  className?: string;
}

const EPS = 1e-9;

function minus(text: string): string {
  return text.replace(/^-/, '−');
}

/**
 * One unit for a before/after pair, so they compare at a glance ("5.35 d → 1.69 d", not
 * "1.07 wk → 1.69 d"): the best unit of the smaller one, unless the larger would then need 1000+.
 */
function pairUnit(
  a: number,
  b: number,
  calendar: WorkingCalendar,
  view: DurationView,
): DurationUnit | undefined {
  const values = [Math.abs(a), Math.abs(b)].filter((v) => v > 0);
  if (values.length === 0) return undefined;
  const unit = bestUnitIn(Math.min(...values), calendar, view);
  const per = secondsPerUnit(unit, viewCalendar(calendar, view));
  return Math.max(...values) / per >= 1000 ? undefined : unit;
}

/** Lower is better (times), or higher is better (efficiency, %C&A). */
function judge(change: number, lowerIsBetter: boolean): Verdict {
  if (Math.abs(change) < EPS) return 'same';
  return change < 0 === lowerIsBetter ? 'better' : 'worse';
}

function pp(points: number): string {
  const text = formatPercent(points).replace('%', '');
  return `${points > 0 ? '+' : ''}${minus(text)} pp`;
}

/** From current to future state: each total with its change, its direction in words and whether it is better. */
export function deltaRows({
  current,
  future,
  delta,
  calendar,
  view = 'working',
}: Omit<MapDeltaCardsProps, 'className'> & { view?: DurationView }): DeltaRow[] {
  const time = (
    label: string,
    from: number,
    to: number,
    change: number,
    ratio: number | null,
  ): DeltaRow => {
    const unit = pairUnit(from, to, calendar, view);
    const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 2, unit, view });
    const signed = (s: number) =>
      minus(formatDuration(s, calendar, { maxDecimals: 2, signed: true, unit, view }));
    const verdict = judge(change, true);
    const pct =
      ratio === null || Math.abs(change) < EPS
        ? ''
        : ` (${ratio > 0 ? '+' : ''}${minus(formatPercent(ratio * 100))})`;
    return {
      label,
      from: fmt(from),
      to: fmt(to),
      change: verdict === 'same' ? 'No change' : `${signed(change)}${pct}`,
      verdict,
      words: verdict === 'same' ? 'unchanged' : change < 0 ? 'shorter' : 'longer',
    };
  };
  const ratioOf = (change: number, base: number) => (base === 0 ? null : change / base);
  const effChange = delta.flowEfficiency === null ? null : delta.flowEfficiency * 100;
  const effVerdict = effChange === null ? 'neutral' : judge(effChange, false);
  const cnaVerdict = judge(delta.rolledPctCompleteAccurate, false);
  const steps = delta.stepCount;
  return [
    time(
      'Lead time',
      current.totalLeadTimeSeconds,
      future.totalLeadTimeSeconds,
      delta.totalLeadTimeSeconds,
      delta.leadTimeChangeRatio,
    ),
    time(
      'Wait time',
      current.totalWaitTimeSeconds,
      future.totalWaitTimeSeconds,
      delta.totalWaitTimeSeconds,
      ratioOf(delta.totalWaitTimeSeconds, current.totalWaitTimeSeconds),
    ),
    time(
      'Process time',
      current.totalProcessTimeSeconds,
      future.totalProcessTimeSeconds,
      delta.totalProcessTimeSeconds,
      ratioOf(delta.totalProcessTimeSeconds, current.totalProcessTimeSeconds),
    ),
    {
      label: 'Flow efficiency',
      from: formatPercent(current.flowEfficiency, { fromRatio: true }),
      to: formatPercent(future.flowEfficiency, { fromRatio: true }),
      change:
        effChange === null ? 'Not comparable' : effVerdict === 'same' ? 'No change' : pp(effChange),
      verdict: effVerdict,
      words:
        effChange === null
          ? 'no lead time to compare'
          : effVerdict === 'same'
            ? 'unchanged'
            : effChange > 0
              ? 'higher'
              : 'lower',
    },
    {
      label: 'Rolled %C&A',
      from: formatPercent(current.rolledPctCompleteAccurate),
      to: formatPercent(future.rolledPctCompleteAccurate),
      change: cnaVerdict === 'same' ? 'No change' : pp(delta.rolledPctCompleteAccurate),
      verdict: cnaVerdict,
      words:
        cnaVerdict === 'same'
          ? 'unchanged'
          : delta.rolledPctCompleteAccurate > 0
            ? 'higher'
            : 'lower',
    },
    {
      label: 'Steps',
      from: String(current.stepCount),
      to: String(future.stepCount),
      change: steps === 0 ? 'No change' : `${steps > 0 ? '+' : '−'}${Math.abs(steps)}`,
      verdict: steps === 0 ? 'same' : 'neutral',
      words:
        steps === 0
          ? 'same number of steps'
          : `${Math.abs(steps)} ${steps > 0 ? 'more' : 'fewer'} ${Math.abs(steps) === 1 ? 'step' : 'steps'}`,
    },
  ];
}

const verdictStyle: Record<Verdict, { text: string; badge: string; icon: string; word: string }> = {
  better: {
    text: 'text-green-700 dark:text-green-400',
    badge: 'bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300',
    icon: '✓',
    word: 'Better',
  },
  worse: {
    text: 'text-red-700 dark:text-red-400',
    badge: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
    icon: '✗',
    word: 'Worse',
  },
  same: {
    text: 'text-slate-600 dark:text-slate-400',
    badge: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    icon: '=',
    word: 'Same',
  },
  neutral: {
    text: 'text-slate-700 dark:text-slate-300',
    badge: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    icon: '•',
    word: 'Changed',
  },
};

function arrowOf(change: string) {
  const arrow = change.startsWith('+') ? '↑ ' : change.startsWith('−') ? '↓ ' : '';
  return arrow ? <span aria-hidden>{arrow}</span> : null;
}

/** The change from current to future state as cards: value from → to, the change, and better/worse in words. */
export function MapDeltaCards({ className, ...props }: MapDeltaCardsProps) {
  const view = useDurationView();
  const rows = deltaRows({ ...props, view });
  return (
    <ul
      className={cn(
        'grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6',
        className,
      )}
      aria-label="Change from current to future state"
    >
      {rows.map((row) => {
        const style = verdictStyle[row.verdict];
        return (
          <li
            key={row.label}
            className="min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-900 print:break-inside-avoid print:border-black print:bg-white"
          >
            <div className="flex items-start justify-between gap-2">
              <h4 className="text-xs font-medium text-slate-600 dark:text-slate-400 print:text-black">
                {row.label}
              </h4>
              <span
                className={cn(
                  'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold print:border print:border-black print:bg-white print:text-black',
                  style.badge,
                )}
              >
                <span aria-hidden>{style.icon}</span>
                {style.word}
              </span>
            </div>
            <p
              className={cn('mt-1 text-lg font-semibold tabular-nums print:text-black', style.text)}
            >
              {arrowOf(row.change)}
              {row.change}
            </p>
            <p className="mt-0.5 text-xs text-slate-600 tabular-nums dark:text-slate-400 print:text-black">
              <span className="sr-only">From </span>
              {row.from} <span aria-hidden>→</span>
              <span className="sr-only"> to</span> {row.to}
              <span className="text-slate-500 dark:text-slate-500 print:text-black">
                {' '}
                · {row.words}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
