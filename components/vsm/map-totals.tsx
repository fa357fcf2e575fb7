import { useDurationView } from '@/components/ui/duration-view';
import { formatDuration, formatPercent } from '@/lib/format';
import { type MapTotals, type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';

export interface MapTotalsProps {
  totals: MapTotals;
  calendar: WorkingCalendar;
  className?: string;
}

interface Card {
  label: string;
  value: string;
  detail?: string;
  tone?: 'red' | 'amber';
}

const tones = {
  red: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40',
  amber: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40',
};

/** The totals of a map as small cards, with the bottleneck and the weakest step by name. */
export function MapTotalsCards({ totals, calendar, className }: MapTotalsProps) {
  const view = useDurationView();
  const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 2, view });
  const hasBottleneck = totals.stepCount > 0 && totals.bottleneck.waitTimeSeconds > 0;
  const hasWeakest = totals.stepCount > 0 && totals.weakest.pctCompleteAccurate < 100;
  const cards: Card[] = [
    {
      label: 'Lead time',
      value: fmt(totals.totalLeadTimeSeconds),
      detail: `${totals.stepCount} ${totals.stepCount === 1 ? 'step' : 'steps'}`,
    },
    {
      label: 'Process time',
      value: fmt(totals.totalProcessTimeSeconds),
      detail: `Wait time ${fmt(totals.totalWaitTimeSeconds)}`,
    },
    {
      label: 'Flow efficiency',
      value: formatPercent(totals.flowEfficiency, { fromRatio: true }),
      detail: 'Process time ÷ lead time',
    },
    {
      label: 'Rolled %C&A',
      value: formatPercent(totals.rolledPctCompleteAccurate),
      detail: 'Done right the first time, end to end',
    },
    hasBottleneck
      ? {
          label: 'Bottleneck',
          value: totals.bottleneck.name,
          detail: `Longest wait: ${fmt(totals.bottleneck.waitTimeSeconds)}`,
          tone: 'red',
        }
      : { label: 'Bottleneck', value: 'None', detail: 'No step waits' },
    hasWeakest
      ? {
          label: 'Lowest %C&A',
          value: totals.weakest.name,
          detail: `${formatPercent(totals.weakest.pctCompleteAccurate)} complete and accurate`,
          tone: 'amber',
        }
      : { label: 'Lowest %C&A', value: 'None', detail: 'Every step at 100%' },
  ];
  return (
    <dl className={cn('grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6', className)}>
      {cards.map((card) => (
        <div
          key={card.label}
          className={cn(
            'min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-900 print:break-inside-avoid print:border-black print:bg-white',
            card.tone && tones[card.tone],
          )}
        >
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400 print:text-black">
            {card.label}
          </dt>
          <dd
            className="mt-1 truncate text-lg font-semibold text-slate-900 tabular-nums dark:text-slate-50 print:text-black"
            title={card.value}
          >
            {card.value}
          </dd>
          {card.detail ? (
            <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400 print:text-black">
              {card.detail}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
