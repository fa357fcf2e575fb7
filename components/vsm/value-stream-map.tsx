import { useDurationView } from '@/components/ui/duration-view';
import { useId, type CSSProperties } from 'react';
import { describeCalendar, formatDuration, formatPercent } from '@/lib/format';
import { wastes, type MapStep, type MapTotals, type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { wasteLabels, wasteLetters } from '@/lib/labels';
import { MAX_SCALE, MIN_SCALE, mapGeometry } from './geometry';
import { TimelineLadder, TotalsBox } from './ladder';
import { MapTable } from './map-table';
import { ProcessColumn } from './process-column';

export interface ValueStreamMapProps {
  steps: MapStep[];
  totals: MapTotals;
  calendar: WorkingCalendar;
  /** Shown above the map and used as the drawing's accessible name, e.g. "Current state". */
  title?: string;
  /** Draw at the scale of a map with this many steps (to compare two maps at one scale). */
  minSteps?: number;
  className?: string;
}

/**
 * The drawn value stream map: process boxes with their data boxes and wastes, push arrows and
 * inventory, the timeline ladder (wait time up, process time down) and the totals. Pure: data in,
 * SVG out; a table of the same data sits in a <details> below (and is what prints after the drawing).
 */
export function ValueStreamMap({
  steps,
  totals,
  calendar,
  title = 'Value stream map',
  minSteps = 0,
  className,
}: ValueStreamMapProps) {
  const uid = useId();
  const view = useDurationView();
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;

  if (steps.length === 0) {
    return (
      <figure
        className={cn(
          'rounded-lg border border-dashed border-slate-300 p-6 text-sm dark:border-slate-700',
          className,
        )}
      >
        <figcaption className="font-semibold">{title}</figcaption>
        <p className="mt-1 text-slate-600 dark:text-slate-400">This map has no steps yet.</p>
      </figure>
    );
  }

  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < steps.length;
  const bottleneckIndex =
    totals.bottleneck.waitTimeSeconds > 0 && inRange(totals.bottleneck.index)
      ? totals.bottleneck.index
      : null;
  const weakestIndex =
    totals.weakest.pctCompleteAccurate < 100 && inRange(totals.weakest.index)
      ? totals.weakest.index
      : null;
  const markerRows =
    bottleneckIndex !== null && bottleneckIndex === weakestIndex
      ? 2
      : bottleneckIndex !== null || weakestIndex !== null
        ? 1
        : 0;
  const geo = mapGeometry(steps, markerRows, minSteps);
  const fmt = (s: number) => formatDuration(s, calendar, { maxDecimals: 2, view });
  const usedWastes = wastes.filter((w) => steps.some((s) => s.wastes.includes(w)));

  const summary = [
    `${steps.length} ${steps.length === 1 ? 'step' : 'steps'}: ${steps.map((s) => s.name).join(', ')}.`,
    `Lead time ${fmt(totals.totalLeadTimeSeconds)}, process time ${fmt(totals.totalProcessTimeSeconds)}, wait time ${fmt(totals.totalWaitTimeSeconds)}.`,
    `Flow efficiency ${formatPercent(totals.flowEfficiency, { fromRatio: true })}, rolled %C&A ${formatPercent(totals.rolledPctCompleteAccurate)}.`,
    bottleneckIndex !== null
      ? `Bottleneck: ${totals.bottleneck.name}, waiting ${fmt(totals.bottleneck.waitTimeSeconds)}.`
      : '',
    weakestIndex !== null
      ? `Lowest %C&A: ${totals.weakest.name}, ${formatPercent(totals.weakest.pctCompleteAccurate)}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');

  const minWidthPx = Math.round(geo.width * MIN_SCALE);
  const sizing = {
    '--vsm-min-w': `${minWidthPx}px`,
    '--vsm-max-w': `${Math.round(geo.width * MAX_SCALE)}px`,
  } as CSSProperties;

  return (
    <figure
      className={cn(
        '@container min-w-0 text-slate-900 dark:text-slate-100 print:break-inside-avoid print:text-black',
        className,
      )}
    >
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="text-base font-semibold">{title}</span>
      </figcaption>
      <ScrollRegion
        label={`${title}: drawn map`}
        hint="Scroll sideways to see every step and the totals →"
        className="rounded-lg border border-slate-200 bg-white p-2 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 print:overflow-visible print:border-slate-400 print:bg-white print:p-0"
      >
        <svg
          viewBox={`0 0 ${geo.width} ${geo.height}`}
          width="100%"
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          className="block h-auto max-w-(--vsm-max-w) min-w-(--vsm-min-w) font-sans print:max-w-full print:min-w-0"
          style={sizing}
        >
          <title id={titleId}>{`${title}: value stream map`}</title>
          <desc id={descId}>{summary}</desc>
          {steps.map((step, i) => (
            <ProcessColumn
              key={i}
              step={step}
              index={i}
              geo={geo}
              calendar={calendar}
              isBottleneck={i === bottleneckIndex}
              isWeakest={i === weakestIndex}
            />
          ))}
          <TimelineLadder
            steps={steps}
            geo={geo}
            calendar={calendar}
            bottleneckIndex={bottleneckIndex}
          />
          <TotalsBox totals={totals} geo={geo} calendar={calendar} />
        </svg>
      </ScrollRegion>
      <MapLegend
        calendarNote={describeCalendar(calendar, view)}
        bottleneck={bottleneckIndex !== null}
        weakest={weakestIndex !== null}
        usedWastes={usedWastes}
      />
      <details className="mt-3 rounded-lg border border-slate-200 dark:border-slate-700 print:hidden">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Map as a table
        </summary>
        <MapTable
          steps={steps}
          totals={totals}
          calendar={calendar}
          caption={`${title}: steps and totals`}
          bottleneckIndex={bottleneckIndex}
          weakestIndex={weakestIndex}
          className="border-t border-slate-200 dark:border-slate-700"
        />
      </details>
      {/* What prints: the closed <details> would print nothing. */}
      <MapTable
        steps={steps}
        totals={totals}
        calendar={calendar}
        caption={`${title}: steps and totals`}
        bottleneckIndex={bottleneckIndex}
        weakestIndex={weakestIndex}
        className="mt-3 hidden print:block"
      />
    </figure>
  );
}

function MapLegend({
  calendarNote,
  bottleneck,
  weakest,
  usedWastes,
}: {
  /** What a day and a week of the drawn figures are. */
  calendarNote: string;
  bottleneck: boolean;
  weakest: boolean;
  usedWastes: (typeof wastes)[number][];
}) {
  const item = 'inline-flex items-center gap-1.5';
  return (
    <ul
      className="mt-2 flex flex-wrap gap-x-5 gap-y-1.5 text-xs text-slate-600 dark:text-slate-400 print:text-black"
      aria-label="Legend"
    >
      <li className={item} data-testid="map-calendar">
        {calendarNote}
      </li>
      {bottleneck ? (
        <li className={item}>
          <span
            aria-hidden
            className="inline-block size-3 rounded-sm border-2 border-red-600 dark:border-red-400 print:border-black"
          />
          Bottleneck: longest wait
        </li>
      ) : null}
      {weakest ? (
        <li className={item}>
          <span
            aria-hidden
            className="inline-block size-3 rounded-sm border-2 border-dashed border-amber-500 dark:border-amber-400 print:border-black"
          />
          Lowest %C&amp;A
        </li>
      ) : null}
      <li className={item}>
        <svg aria-hidden viewBox="0 0 14 12" className="h-3 w-3.5">
          <polygon
            points="7,1 13,11 1,11"
            className="fill-white stroke-slate-600 dark:fill-slate-900 dark:stroke-slate-300 print:fill-white print:stroke-black"
            strokeWidth={1.5}
          />
        </svg>
        Inventory (work waiting)
      </li>
      <li className={item}>
        <svg aria-hidden viewBox="0 0 28 12" className="h-3 w-7">
          <polyline
            points="0,2 9,2 9,10 19,10 19,2 28,2"
            fill="none"
            strokeWidth={1.5}
            className="stroke-slate-500 dark:stroke-slate-400 print:stroke-black"
          />
        </svg>
        Timeline: upper line wait time, lower line process time
      </li>
      {usedWastes.map((w) => (
        <li key={w} className={item}>
          <span
            aria-hidden
            className="inline-flex size-4 items-center justify-center rounded-sm border border-rose-300 bg-rose-50 text-[10px] font-bold text-rose-800 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-200 print:border-black print:bg-white print:text-black"
          >
            {wasteLetters[w]}
          </span>
          {wasteLabels[w]}
        </li>
      ))}
    </ul>
  );
}
