'use client';

import { durationUnits, type DurationUnit } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { unitLabels } from '@/lib/labels';

export const controlBase =
  'rounded-md border border-slate-300 bg-white py-1.5 text-sm text-slate-900 shadow-xs ' +
  'placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 ' +
  'aria-invalid:border-red-500 aria-invalid:bg-red-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:aria-invalid:bg-red-950/40';

/** A small text input for the steps editor's grid. */
export const compactInput = `block w-full min-w-0 px-2 ${controlBase}`;

interface DurationInputProps {
  id: string;
  value: string;
  unit: DurationUnit;
  onValueChange: (value: string) => void;
  onUnitChange: (unit: DurationUnit) => void;
  onBlur?: () => void;
  /** Names the unit picker for screen readers, e.g. "Process time unit, step 2". */
  unitLabel: string;
  invalid?: boolean;
  describedBy?: string;
  readOnly?: boolean;
}

/** A duration as typed: a number and the unit it is in (seconds to weeks). */
export function DurationInput({
  id,
  value,
  unit,
  onValueChange,
  onUnitChange,
  onBlur,
  unitLabel,
  invalid,
  describedBy,
  readOnly,
}: DurationInputProps) {
  return (
    <div className="flex min-w-0">
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        readOnly={readOnly}
        onChange={(e) => onValueChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={cn(compactInput, 'flex-1 rounded-r-none text-right tabular-nums')}
      />
      <select
        aria-label={unitLabel}
        value={unit}
        disabled={readOnly}
        onChange={(e) => onUnitChange(e.target.value as DurationUnit)}
        onBlur={onBlur}
        className={cn(
          controlBase,
          '-ml-px w-[5.5rem] shrink-0 rounded-l-none bg-slate-50 pr-1 pl-2 dark:bg-slate-800',
        )}
      >
        {durationUnits.map((u) => (
          <option key={u} value={u}>
            {unitLabels[u].toLowerCase()}
          </option>
        ))}
      </select>
    </div>
  );
}
