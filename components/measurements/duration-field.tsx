'use client';

import { useEffect, useRef, useState } from 'react';
import { DurationInput } from '@/components/maps/duration-input';
import { Field } from '@/components/ui/field';
import type { DurationUnit, WorkingCalendar } from '@/lib/vsm/types';
import { formatNumber } from '@/lib/format';
import { bestUnit, fromSeconds, toSeconds } from '@/lib/vsm/units';
import { calendarPhrase, sameCalendar } from '@/lib/format';

interface DurationFieldProps {
  label: string;
  /** Seconds, or null when empty. */
  value: number | null | undefined;
  onChange: (seconds: number | null) => void;
  onBlur: () => void;
  /** The working calendar that days and weeks are counted in (the stream's current map's). */
  calendar: WorkingCalendar;
  error?: string;
}

function textOf(
  seconds: number | null | undefined,
  unit: DurationUnit,
  calendar: WorkingCalendar,
): string {
  return seconds === null || seconds === undefined
    ? ''
    : formatNumber(fromSeconds(seconds, unit, calendar), 3, { grouping: false });
}

function parse(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

function secondsOf(text: string, unit: DurationUnit, calendar: WorkingCalendar): number | null {
  const n = parse(text);
  return n === null || Number.isNaN(n) ? n : toSeconds(n, unit, calendar);
}

/**
 * A duration typed as a number and a unit, kept in the form as seconds. When the calendar
 * changes (another stream chosen), what the person typed keeps its meaning ("2 days" of the new
 * calendar); a value that came from elsewhere (a saved or prefilled measurement) keeps its
 * seconds and is shown again in the new calendar.
 */
export function DurationField({
  label,
  value,
  onChange,
  onBlur,
  calendar,
  error,
}: DurationFieldProps) {
  const [unit, setUnit] = useState<DurationUnit>(() =>
    value ? bestUnit(value, calendar) : 'days',
  );
  const [text, setText] = useState(() => textOf(value, unit, calendar));
  const [seen, setSeen] = useState(value);
  const [seenCalendar, setSeenCalendar] = useState(calendar);
  const [typed, setTyped] = useState(false);

  // A value set from outside (prefill, reset): show it in the unit that reads best.
  if (value !== seen) {
    setSeen(value);
    const typedSeconds = secondsOf(text, unit, calendar);
    if (typedSeconds !== value && !(Number.isNaN(typedSeconds) && Number.isNaN(value))) {
      const next = value ? bestUnit(value, calendar) : unit;
      setUnit(next);
      setText(textOf(value, next, calendar));
      setTyped(false);
    }
  }

  // Another calendar: a value from outside keeps its seconds, shown in the new calendar.
  if (!sameCalendar(calendar, seenCalendar)) {
    setSeenCalendar(calendar);
    if (!typed && value) {
      const next = bestUnit(value, calendar);
      setUnit(next);
      setText(textOf(value, next, calendar));
    }
  }

  // ... and what was typed keeps its words: its seconds change, told to the form after render.
  const latest = useRef({ text, unit, typed, onChange });
  useEffect(() => {
    latest.current = { text, unit, typed, onChange };
  });
  const { hoursPerDay, daysPerWeek } = calendar;
  useEffect(() => {
    const { text: t, unit: u, typed: wasTyped, onChange: change } = latest.current;
    if (!wasTyped || (u !== 'days' && u !== 'weeks')) return;
    const seconds = secondsOf(t, u, { hoursPerDay, daysPerWeek });
    if (seconds !== null && !Number.isNaN(seconds)) change(seconds);
  }, [hoursPerDay, daysPerWeek]);

  const emit = (nextText: string, nextUnit: DurationUnit) => {
    const seconds = secondsOf(nextText, nextUnit, calendar);
    setTyped(true);
    setSeen(seconds);
    onChange(seconds);
  };

  return (
    <Field label={label} error={error} hint={`Working ${calendarPhrase(calendar)}`}>
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
