'use client';

import { useState } from 'react';
import { DurationInput } from '@/components/maps/duration-input';
import { Field } from '@/components/ui/field';
import { bestUnit, formatNumber, fromSeconds, toSeconds } from '@/lib/vsm/units';
import { defaultCalendar, type DurationUnit } from '@/lib/vsm/types';

interface DurationFieldProps {
  label: string;
  /** Seconds, or null when empty. */
  value: number | null | undefined;
  onChange: (seconds: number | null) => void;
  onBlur: () => void;
  error?: string;
}

function textOf(seconds: number | null | undefined, unit: DurationUnit): string {
  return seconds === null || seconds === undefined ? '' : formatNumber(fromSeconds(seconds, unit, defaultCalendar), 3);
}

function parse(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

/** A duration typed as a number and a unit, kept in the form as seconds. */
export function DurationField({ label, value, onChange, onBlur, error }: DurationFieldProps) {
  const [unit, setUnit] = useState<DurationUnit>(() => (value ? bestUnit(value, defaultCalendar) : 'days'));
  const [text, setText] = useState(() => textOf(value, unit));
  const [seen, setSeen] = useState(value);

  // A value set from outside (prefill, reset): show it in the unit that reads best.
  if (value !== seen) {
    setSeen(value);
    const typed = parse(text);
    const typedSeconds = typed === null || Number.isNaN(typed) ? typed : toSeconds(typed, unit, defaultCalendar);
    if (typedSeconds !== value && !(Number.isNaN(typedSeconds) && Number.isNaN(value))) {
      const next = value ? bestUnit(value, defaultCalendar) : unit;
      setUnit(next);
      setText(textOf(value, next));
    }
  }

  const emit = (nextText: string, nextUnit: DurationUnit) => {
    const n = parse(nextText);
    const seconds = n === null || Number.isNaN(n) ? n : toSeconds(n, nextUnit, defaultCalendar);
    setSeen(seconds);
    onChange(seconds);
  };

  return (
    <Field label={label} error={error}>
      {(ids) => (
        <DurationInput
          id={ids.id}
          value={text}
          unit={unit}
          unitLabel={`${label} unit`}
          invalid={ids['aria-invalid']}
          describedBy={ids['aria-describedby']}
          onBlur={onBlur}
          onValueChange={(v) => {
            setText(v);
            emit(v, unit);
          }}
          onUnitChange={(u) => {
            setUnit(u);
            emit(text, u);
          }}
        />
      )}
    </Field>
  );
}
