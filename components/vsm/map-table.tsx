import { useDurationView } from '@/components/ui/duration-view';
import { formatDuration, formatPercent } from '@/lib/format';
import { waitTimeSeconds, type MapStep, type MapTotals, type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { wasteLabels } from '@/lib/labels';

interface MapTableProps {
  steps: MapStep[];
  totals: MapTotals;
  calendar: WorkingCalendar;
  caption: string;
  bottleneckIndex: number | null;
  weakestIndex: number | null;
  className?: string;
}

const th = 'px-3 py-2 text-left font-semibold print:px-1.5 print:py-1';
const td = 'px-3 py-2 align-top print:px-1.5 print:py-1';
const num = 'px-3 py-2 text-right tabular-nums align-top whitespace-nowrap print:px-1.5 print:py-1';

/** The map's data as an HTML table: the text alternative of the drawing, and what prints. */
export function MapTable({
  steps,
  totals,
  calendar,
  caption,
  bottleneckIndex,
  weakestIndex,
  className,
}: MapTableProps) {
  const view = useDurationView();
  const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 3, view });
  const showNotes = steps.some((s) => s.notes.trim() !== '');
  return (
    <div className={cn('overflow-x-auto print:overflow-visible', className)}>
      <table className="w-full min-w-[40rem] border-collapse text-sm print:min-w-0 print:text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 print:bg-white print:text-black">
          <tr>
            <th scope="col" className={th}>
              #
            </th>
            <th scope="col" className={th}>
              Step
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              People
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              <abbr title="Process time">PT</abbr>
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              <abbr title="Wait time">WT</abbr>
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              <abbr title="Lead time">LT</abbr>
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              <abbr title="Percent complete and accurate">%C&amp;A</abbr>
            </th>
            <th scope="col" className={th}>
              Wastes
            </th>
            {showNotes ? (
              <th scope="col" className={th}>
                Notes
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700 print:divide-slate-400">
          {steps.map((step, i) => (
            <tr key={i}>
              <td
                className={cn(
                  td,
                  'text-slate-500 tabular-nums dark:text-slate-400 print:text-black',
                )}
              >
                {i + 1}
              </td>
              <th scope="row" className={cn(td, 'text-left font-medium')}>
                {step.name}
                {i === bottleneckIndex ? <Flag tone="red">Bottleneck</Flag> : null}
                {i === weakestIndex ? <Flag tone="amber">Lowest %C&amp;A</Flag> : null}
              </th>
              <td className={num}>{step.people ?? '—'}</td>
              <td className={num}>{fmt(step.processTimeSeconds)}</td>
              <td className={cn(num, i === bottleneckIndex && 'font-semibold')}>
                {fmt(waitTimeSeconds(step))}
              </td>
              <td className={num}>{fmt(step.leadTimeSeconds)}</td>
              <td className={cn(num, i === weakestIndex && 'font-semibold')}>
                {formatPercent(step.pctCompleteAccurate)}
              </td>
              <td className={td}>
                {step.wastes.length > 0 ? step.wastes.map((w) => wasteLabels[w]).join(', ') : '—'}
              </td>
              {showNotes ? <td className={cn(td, 'max-w-xs')}>{step.notes || '—'}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold dark:border-slate-600 print:border-black">
          <tr>
            <td className={td} />
            <th scope="row" className={cn(td, 'text-left')}>
              Total ({totals.stepCount} {totals.stepCount === 1 ? 'step' : 'steps'})
            </th>
            <td className={num} />
            <td className={num}>{fmt(totals.totalProcessTimeSeconds)}</td>
            <td className={num}>{fmt(totals.totalWaitTimeSeconds)}</td>
            <td className={num}>{fmt(totals.totalLeadTimeSeconds)}</td>
            <td className={num}>
              {formatPercent(totals.rolledPctCompleteAccurate)}{' '}
              <span className="font-normal">rolled</span>
            </td>
            <td className={td} colSpan={showNotes ? 2 : 1}>
              Flow efficiency {formatPercent(totals.flowEfficiency, { fromRatio: true })}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Flag({ tone, children }: { tone: 'red' | 'amber'; children: React.ReactNode }) {
  const tones = {
    red: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
    amber: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  };
  return (
    <span
      className={cn(
        'ml-2 inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap print:border print:border-black print:bg-white print:text-black',
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}
