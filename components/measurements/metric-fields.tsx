'use client';

import { measurementMethods } from '@/lib/domain';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import type { MeasurementInput, MeasurementValues } from '@/lib/validation/measurements';
import type { WorkingCalendar } from '@/lib/vsm/types';
import { cn } from '@/lib/cn';
import { methodLabels, wasteOptions } from '@/lib/labels';
import { DurationField } from './duration-field';
import { wasteFieldOf } from './shared';

type NumberField =
  | 'throughput'
  | 'wip'
  | 'pctCompleteAccurate'
  | 'defects'
  | 'cost'
  | 'customerSatisfaction'
  | 'sampleSize';
type DurationName = 'leadTimeSeconds' | 'processTimeSeconds' | 'waitTimeSeconds';

interface MetricFieldsProps {
  control: Control<MeasurementInput, unknown, MeasurementValues>;
  register: UseFormRegister<MeasurementInput>;
  errors: FieldErrors<MeasurementInput>;
  /** The chosen stream's working calendar, and a line saying where it comes from. */
  calendar: WorkingCalendar;
  calendarNote: string;
}

/** Empty input is null; anything else a number (NaN for text, which the schema names). */
export const asNumber = (v: unknown) => {
  if (typeof v === 'number') return v;
  const s = String(v ?? '')
    .trim()
    .replace(',', '.');
  return s === '' ? null : Number(s);
};

const numberInput = cn(inputClass, 'text-right tabular-nums');

const durations: { name: DurationName; label: string }[] = [
  { name: 'leadTimeSeconds', label: 'Lead time' },
  { name: 'processTimeSeconds', label: 'Process time' },
  { name: 'waitTimeSeconds', label: 'Wait time' },
];

const numbers: { name: NumberField; label: string; hint?: string }[] = [
  { name: 'throughput', label: 'Throughput', hint: 'Items finished in the period' },
  { name: 'wip', label: 'WIP', hint: 'Items in progress (average)' },
  { name: 'pctCompleteAccurate', label: '%C&A', hint: '0–100' },
  { name: 'defects', label: 'Defects', hint: 'Count' },
  { name: 'cost', label: 'Cost' },
  { name: 'customerSatisfaction', label: 'Customer satisfaction', hint: '0–100' },
];

/** The numbers of a measurement: durations with units, flow numbers, waste hours, method. */
export function MetricFields({
  control,
  register,
  errors,
  calendar,
  calendarNote,
}: MetricFieldsProps) {
  const numberField = (name: NumberField, label: string, hint?: string) => (
    <Field key={name} label={label} hint={hint} error={errors[name]?.message}>
      {(ids) => (
        <input
          {...ids}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className={numberInput}
          {...register(name, { setValueAs: asNumber })}
        />
      )}
    </Field>
  );
  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900 dark:text-slate-100">Flow</legend>
        <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400" data-testid="calendar-note">
          {calendarNote}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          {durations.map((d) => (
            <Controller
              key={d.name}
              control={control}
              name={d.name}
              render={({ field, fieldState }) => (
                <DurationField
                  label={d.label}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  calendar={calendar}
                  error={fieldState.error?.message}
                />
              )}
            />
          ))}
        </div>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          {numbers.map((n) => numberField(n.name, n.label, n.hint))}
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900 dark:text-slate-100">
          Waste, in hours
        </legend>
        <div className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4">
          {wasteOptions.map((w) => {
            const name = wasteFieldOf[w.value];
            const error = errors[name]?.message;
            return (
              <label key={w.value} className="block text-sm" title={w.description}>
                <span className="flex items-center gap-1.5 font-medium text-slate-800 dark:text-slate-200">
                  <span
                    aria-hidden
                    className="inline-flex size-5 items-center justify-center rounded bg-slate-100 text-[11px] font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300"
                  >
                    {w.letter}
                  </span>
                  {w.label}
                </span>
                <input
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  className={cn(numberInput, 'mt-1 py-1.5')}
                  {...register(name, { setValueAs: asNumber })}
                />
                <FieldError size="sm" role="alert" message={error} />
              </label>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="sr-only">How it was measured</legend>
        <Field label="Method" error={errors.method?.message}>
          {(ids) => (
            <select {...ids} className={inputClass} {...register('method')}>
              {measurementMethods.map((m) => (
                <option key={m} value={m}>
                  {methodLabels[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {numberField('sampleSize', 'Sample size', 'Items observed')}
        <Field label="Note" error={errors.note?.message} className="sm:col-span-3">
          {(ids) => (
            <textarea
              {...ids}
              rows={2}
              className={inputClass}
              placeholder="What stood out this week?"
              {...register('note')}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
