'use client';

import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { useId } from 'react';
import { cn } from '@/lib/cn';
import { describeCalendar } from '@/lib/format';
import { durationViewLabels } from '@/lib/labels';
import { durationViews, type DurationView, type WorkingCalendar } from '@/lib/vsm/types';

/** `?units=hours|working|calendar`: one switch for every duration of the page, kept in the URL. */
const unitsParam = parseAsStringLiteral(durationViews).withDefault('working');

/** How durations are shown on this page: working days (the default), hours or calendar days. */
export function useDurationView(): DurationView {
  const [view] = useQueryState('units', unitsParam);
  return view;
}

interface DurationViewSwitchProps {
  /** The working calendars of what the page shows: one map's, or each stream's. */
  calendars: WorkingCalendar | readonly WorkingCalendar[];
  className?: string;
}

/**
 * The unit switch (hours, working days, calendar days) with the sentence that says what a day
 * and a week are in the figures shown. The sentence prints; the buttons do not.
 */
export function DurationViewSwitch({ calendars, className }: DurationViewSwitchProps) {
  const [view, setView] = useQueryState('units', unitsParam);
  const uid = useId();
  return (
    <div
      className={cn(
        'flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400',
        className,
      )}
    >
      <fieldset className="flex items-center gap-2 print:hidden">
        <legend className="sr-only">Show durations in</legend>
        <span aria-hidden className="font-medium">
          Durations in
        </span>
        <span className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
          {(['hours', 'working', 'calendar'] as const).map((v) => (
            <label
              key={v}
              className={cn(
                'cursor-pointer border-l border-slate-300 px-2 py-1 first:border-l-0 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 dark:border-slate-600',
                view === v
                  ? 'bg-indigo-600 text-white'
                  : 'bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800',
              )}
            >
              <input
                type="radio"
                name={`${uid}-units`}
                value={v}
                checked={view === v}
                onChange={() => void setView(v === 'working' ? null : v)}
                className="sr-only"
              />
              {durationViewLabels[v]}
            </label>
          ))}
        </span>
      </fieldset>
      <p data-testid="calendar-note">{describeCalendar(calendars, view)}</p>
    </div>
  );
}
