import type { MapDelta, MapStep, MapTotals, WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { mapStateLabels } from '@/lib/labels';
import { minRenderWidth } from './geometry';
import { MapDeltaCards } from './map-delta';
import { ValueStreamMap } from './value-stream-map';

export interface MapState {
  steps: MapStep[];
  totals: MapTotals;
}

export interface MapComparisonProps {
  current: MapState;
  future: MapState;
  /** Future minus current, from compareMaps(current.totals, future.totals). */
  delta: MapDelta;
  calendar: WorkingCalendar;
  currentTitle?: string;
  futureTitle?: string;
  className?: string;
}

/**
 * Container widths (rem) at which two maps sit side by side; the grid uses the smallest one at which
 * both still draw at a legible size, and stacks them below it. Whole literals so Tailwind finds them.
 */
const sideBySide = [
  { rem: 64, className: '@min-[64rem]:grid-cols-2' },
  { rem: 80, className: '@min-[80rem]:grid-cols-2' },
  { rem: 96, className: '@min-[96rem]:grid-cols-2' },
  { rem: 112, className: '@min-[112rem]:grid-cols-2' },
  { rem: 128, className: '@min-[128rem]:grid-cols-2' },
  { rem: 144, className: '@min-[144rem]:grid-cols-2' },
] as const;

/** Current and future state: what changes (cards), then the two drawn maps, side by side when there is room. */
export function MapComparison({
  current,
  future,
  delta,
  calendar,
  currentTitle = mapStateLabels.current,
  futureTitle = mapStateLabels.future,
  className,
}: MapComparisonProps) {
  const minSteps = Math.max(current.steps.length, future.steps.length);
  const needPx = 2 * minRenderWidth(current.steps, minSteps) + 24;
  const columns = sideBySide.find((bp) => bp.rem * 16 >= needPx)?.className ?? '';
  return (
    <section
      className={cn('@container space-y-6', className)}
      aria-label="Current and future state compared"
    >
      <div>
        <h3 className="mb-3 text-base font-semibold text-slate-900 dark:text-slate-100 print:text-black">
          From {currentTitle.toLowerCase()} to {futureTitle.toLowerCase()}
        </h3>
        <MapDeltaCards
          current={current.totals}
          future={future.totals}
          delta={delta}
          calendar={calendar}
        />
      </div>
      <div className={cn('grid grid-cols-1 gap-6', columns)}>
        <ValueStreamMap
          steps={current.steps}
          totals={current.totals}
          calendar={calendar}
          title={currentTitle}
          minSteps={minSteps}
        />
        <ValueStreamMap
          steps={future.steps}
          totals={future.totals}
          calendar={calendar}
          title={futureTitle}
          minSteps={minSteps}
        />
      </div>
    </section>
  );
}
