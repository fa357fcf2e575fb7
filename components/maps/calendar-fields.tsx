'use client';

import { useId, useState } from 'react';
import { calendarInput } from '@/lib/validation/maps';
import type { WorkingCalendar } from '@/lib/vsm';
import { FieldError } from '@/components/ui/field';
import { controlBase } from './duration-input';
import { parseNumber } from './draft-steps';
import { cn } from '@/lib/cn';

interface CalendarFieldsProps {
  value: WorkingCalendar;
  /** Called with a valid calendar only; an invalid entry stays here, with its message. */
  onChange: (calendar: WorkingCalendar) => void;
  /** Told whether what is typed is a valid calendar, so a form can refuse to save an invalid one. */
  onValidityChange?: (valid: boolean) => void;
  /** Server messages, keyed `calendar.hoursPerDay` / `calendar.daysPerWeek`. */
  errors?: Record<string, string>;
  className?: string;
}

type Key = keyof WorkingCalendar;

/** Hours per working day and days per working week: what a "day" and a "week" of the map mean. */
export function CalendarFields({
  value,
  onChange,
  onValidityChange,
  errors,
  className,
}: CalendarFieldsProps) {
  const uid = useId();
  const [text, setText] = useState<Record<Key, string>>({
    hoursPerDay: String(value.hoursPerDay),
    daysPerWeek: String(value.daysPerWeek),
  });
  const [local, setLocal] = useState<Partial<Record<Key, string>>>({});

  function update(key: Key, raw: string) {
    const next = { ...text, [key]: raw };
    setText(next);
    const candidate = {
      hoursPerDay: parseNumber(next.hoursPerDay),
      daysPerWeek: parseNumber(next.daysPerWeek),
    };
    const parsed = calendarInput.safeParse(candidate);
    const issues: Partial<Record<Key, string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const k = issue.path[0];
        if (k === 'hoursPerDay' || k === 'daysPerWeek')
          issues[k] ??= Number.isNaN(candidate[k]) ? 'Enter a number.' : issue.message;
      }
    }
    setLocal(issues);
    onValidityChange?.(parsed.success);
    if (parsed.success) onChange(parsed.data);
  }

  const fields: { key: Key; label: string; unit: string; max: number }[] = [
    { key: 'hoursPerDay', label: 'Hours per working day', unit: 'h', max: 24 },
    { key: 'daysPerWeek', label: 'Days per working week', unit: 'd', max: 7 },
  ];
  return (
    <fieldset className={cn('min-w-0', className)} aria-describedby={`${uid}-note`}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Working calendar
      </legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {fields.map((f) => {
          const error = local[f.key] ?? errors?.[`calendar.${f.key}`];
          return (
            <div key={f.key} className="w-36">
              <label
                htmlFor={`${uid}-${f.key}`}
                className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
              >
                {f.label}
              </label>
              <div className="flex items-center gap-1.5">
                <input
                  id={`${uid}-${f.key}`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={text[f.key]}
                  onChange={(e) => update(f.key, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${uid}-${f.key}-error` : undefined}
                  className={cn(controlBase, 'block w-20 px-2 text-right tabular-nums')}
                />
                <span className="text-xs text-slate-500">{f.unit}</span>
              </div>
              <FieldError size="sm" id={`${uid}-${f.key}-error`} message={error} />
            </div>
          );
        })}
      </div>
      <p id={`${uid}-note`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        Durations entered in days and weeks convert with this calendar: 1 day = {value.hoursPerDay}{' '}
        h, 1 week = {value.daysPerWeek} days.
      </p>
    </fieldset>
  );
}
