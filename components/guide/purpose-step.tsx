'use client';

import { operationalTypes, streamKinds } from '@/lib/domain';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { kindDescriptions, kindLabels, typeDescriptions, typeLabels } from '@/lib/labels';
import type { StreamFields, StreamFieldsInput } from '@/lib/validation/streams';
import { cn } from '@/lib/cn';

export type StreamForm = UseFormReturn<StreamFieldsInput, unknown, StreamFields>;

interface NotesFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  placeholder?: string;
  maxLength: number;
  rows?: number;
  readOnly?: boolean;
}

export function NotesField({
  label,
  value,
  onChange,
  hint,
  placeholder,
  maxLength,
  rows = 4,
  readOnly,
}: NotesFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(ids) => (
        <textarea
          {...ids}
          rows={rows}
          value={value}
          maxLength={maxLength}
          readOnly={readOnly}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={cn(inputClass, 'resize-y')}
        />
      )}
    </Field>
  );
}

/** Step 1: what the stream is, who its customer is and what value it delivers to them. */
export function PurposeStep({
  form,
  purposeNotes,
  onPurposeNotesChange,
}: {
  form: StreamForm;
  purposeNotes: string;
  onPurposeNotesChange: (v: string) => void;
}) {
  const { register, formState, control } = form;
  const { errors } = formState;
  const kind = useWatch({ control, name: 'kind' });
  const type = useWatch({ control, name: 'type' });
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Field
        label="Name of the stream"
        error={errors.name?.message}
        hint="What people call it, e.g. “Online order fulfillment”."
        className="lg:col-span-2"
      >
        {(ids) => (
          <input {...ids} autoComplete="off" className={inputClass} {...register('name')} />
        )}
      </Field>

      <fieldset className="lg:col-span-2">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Kind</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {streamKinds.map((k) => (
            <label
              key={k}
              className={cn(
                'flex cursor-pointer gap-3 rounded-md border p-3 has-checked:border-indigo-500 has-checked:bg-indigo-50 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 dark:has-checked:bg-indigo-950',
                'border-slate-300 dark:border-slate-600',
              )}
            >
              <input
                type="radio"
                value={k}
                className="mt-0.5 accent-indigo-600"
                {...register('kind')}
              />
              <span>
                <span className="block text-sm font-medium">{kindLabels[k]}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {kindDescriptions[k]}
                </span>
              </span>
            </label>
          ))}
        </div>
        <FieldError className="mt-1" message={errors.kind?.message} />
      </fieldset>

      {kind === 'operational' ? (
        <Field
          label="Type of operational stream"
          error={errors.type?.message}
          hint={typeHintFor(type)}
          className="lg:col-span-2"
        >
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              {...register('type', { setValueAs: (v: unknown) => (v === '' ? null : v) })}
            >
              <option value="">Choose a type…</option>
              {operationalTypes.map((t) => (
                <option key={t} value={t}>
                  {typeLabels[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      <Field
        label="Customer"
        error={errors.customer?.message}
        hint="Who receives the value? External customers for an operational stream."
      >
        {(ids) => (
          <input
            {...ids}
            placeholder={
              kind === 'operational' ? 'e.g. Online shoppers' : 'e.g. The fulfillment teams'
            }
            className={inputClass}
            {...register('customer')}
          />
        )}
      </Field>
      <Field
        label="Value delivered"
        error={errors.valueDelivered?.message}
        hint="What the customer gets at the end."
      >
        {(ids) => (
          <input
            {...ids}
            placeholder={
              kind === 'operational'
                ? 'e.g. The right goods at their door in two days'
                : 'e.g. A faster checkout'
            }
            className={inputClass}
            {...register('valueDelivered')}
          />
        )}
      </Field>

      <div className="lg:col-span-2">
        <NotesField
          label="Purpose notes"
          value={purposeNotes}
          onChange={onPurposeNotesChange}
          maxLength={4000}
          hint="Optional: the company’s purpose this stream serves, where it starts and ends."
        />
      </div>
    </div>
  );
}

function typeHintFor(type: StreamFieldsInput['type']): string {
  return type
    ? typeDescriptions[type]
    : 'Fulfillment, manufacturing, software delivery or supporting.';
}
