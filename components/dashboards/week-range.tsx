'use client';

import { useQueryStates } from 'nuqs';
import { useId } from 'react';
import type { ServerFieldErrors } from '@/components/trpc/errors';
import { FieldError, inputClass } from '@/components/ui/field';
import { rangeLabels } from '@/lib/labels';
import { rangePresetValues } from '@/lib/validation/dashboards';

import { weekRangeParams, type Weeks } from './views';

export function useWeekRange() {
  return useQueryStates(weekRangeParams, { history: 'replace' });
}

/** `?range=…` (and a custom range's dates): the weeks carried into a link to another view. */
export function rangeQuery(w: Weeks): string {
  const q = new URLSearchParams();
  if (w.range !== '12w') q.set('range', w.range);
  if (w.range === 'custom' && w.from) q.set('from', w.from);
  if (w.range === 'custom' && w.to) q.set('to', w.to);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * The week-range picker of every dashboard: a preset, or custom dates with the server's errors on
 * them. Its controls come without a wrapper, to sit in the page's own row of filters.
 */
export function WeekRange({ fieldErrors }: { fieldErrors?: ServerFieldErrors | null }) {
  const [weeks, setWeeks] = useWeekRange();
  const id = useId();
  const error = (key: 'from' | 'to') => fieldErrors?.[key]?.[0];
  return (
    <>
      <label className="text-sm font-medium">
        Weeks
        <select
          className={`${inputClass} mt-1`}
          value={weeks.range}
          onChange={(e) => {
            const range = rangePresetValues.find((r) => r === e.target.value);
            if (range) void setWeeks({ range });
          }}
        >
          {rangePresetValues.map((r) => (
            <option key={r} value={r}>
              {rangeLabels[r]}
            </option>
          ))}
        </select>
      </label>
      {weeks.range === 'custom'
        ? (['from', 'to'] as const).map((key) => (
            // The error sits outside the label: inside, it would become part of the field's name.
            <div key={key}>
              <label className="block text-sm font-medium">
                {key === 'from' ? 'From' : 'To'}
                <input
                  type="date"
                  aria-invalid={Boolean(error(key))}
                  aria-describedby={error(key) ? `${id}-${key}-error` : undefined}
                  className={`${inputClass} mt-1`}
                  value={weeks[key] ?? ''}
                  onChange={(e) => void setWeeks({ [key]: e.target.value || null })}
                />
              </label>
              <FieldError size="sm" id={`${id}-${key}-error`} message={error(key)} />
            </div>
          ))
        : null}
    </>
  );
}
