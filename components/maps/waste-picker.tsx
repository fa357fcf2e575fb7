'use client';

import { type Waste } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { wasteOptions } from '@/lib/labels';
import { FieldError } from '@/components/ui/field';

interface WastePickerProps {
  /** Names the group, e.g. "Wastes seen at step 2, Pick". */
  label: string;
  value: readonly Waste[];
  onChange: (wastes: Waste[]) => void;
  error?: string;
  errorId?: string;
}

/** The eight Lean wastes as toggle chips (checkboxes underneath), in DOWNTIME order. */
export function WastePicker({ label, value, onChange, error, errorId }: WastePickerProps) {
  const toggle = (waste: Waste, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(waste);
    else next.delete(waste);
    onChange(wasteOptions.map((o) => o.value).filter((w) => next.has(w)));
  };
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="sr-only">{label}</legend>
      <div className="flex flex-wrap gap-1.5">
        {wasteOptions.map((option) => {
          const checked = value.includes(option.value);
          return (
            <label
              key={option.value}
              title={option.description}
              className={cn(
                'inline-flex cursor-pointer items-center gap-1 rounded-full border px-2.5 py-1 text-xs font-medium transition-colors select-none',
                'has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-indigo-600',
                checked
                  ? 'border-amber-500 bg-amber-100 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-200'
                  : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800',
              )}
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={checked}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <span
                aria-hidden
                className={cn(
                  'font-bold',
                  checked ? 'text-amber-700 dark:text-amber-300' : 'text-slate-400',
                )}
              >
                {checked ? '✓' : option.letter}
              </span>
              {option.label}
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} className="mt-1" message={error} />
    </fieldset>
  );
}
