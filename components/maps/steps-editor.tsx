'use client';

import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { MapTotalsCards } from '@/components/vsm/map-totals';
import { Button } from '@/components/ui/button';
import { computeMap, maxSteps, moveStep, type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { FieldError } from '@/components/ui/field';
import { CalendarFields } from './calendar-fields';
import {
  draftIssues,
  emptyStep,
  issuesByPath,
  safeCalendar,
  toMapStep,
  withTimeEntry,
  type DraftStep,
  type StepField,
  type TimeEntry,
} from './draft-steps';
import { rowColumns, StepRow, type MoveDirection, type StepsEditorSections } from './step-row';
import { useStepDrag } from './use-step-drag';

export type { DraftStep } from './draft-steps';
export type { StepsEditorSections } from './step-row';

export interface StepsEditorProps {
  value: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  calendar: WorkingCalendar;
  /** Shows the working calendar inputs when given. */
  onCalendarChange?: (calendar: WorkingCalendar) => void;
  /** Whether the calendar inputs hold a valid calendar (an invalid one is not passed on). */
  onCalendarValidityChange?: (valid: boolean) => void;
  /** Messages from the server, keyed `steps.2.processTime` (or `steps`, `calendar.hoursPerDay`). */
  errors?: Record<string, string>;
  /** Show every problem, not only those of fields left (after a save attempt). */
  showAllErrors?: boolean;
  /** Which fields to edit; all by default. The name is always there. */
  sections?: Partial<StepsEditorSections>;
  /** Add, remove and reorder steps (default true). */
  structural?: boolean;
  /** Live totals below the steps (default: when the times are shown). */
  showTotals?: boolean;
  /** Names the list for screen readers. */
  label?: string;
}

const stepFields: StepField[] = [
  'name',
  'processTime',
  'leadTime',
  'pctCompleteAccurate',
  'people',
  'wastes',
  'notes',
];

type PendingFocus =
  | { kind: 'control'; el: HTMLElement; direction: MoveDirection }
  | { kind: 'name'; key: string }
  | { kind: 'undo' };

/**
 * A controlled editor of a map's steps: name, process time, lead or wait time, %C&A, people,
 * wastes and notes; add, remove (with undo) and reorder by drag, buttons or Alt+Arrow keys.
 */
export function StepsEditor({
  value,
  onChange,
  calendar,
  onCalendarChange,
  onCalendarValidityChange,
  errors = {},
  showAllErrors = false,
  sections: sectionsProp,
  structural = true,
  showTotals,
  label = 'Steps of the map',
}: StepsEditorProps) {
  const idBase = useId();
  const sections: StepsEditorSections = { times: true, wastes: true, notes: true, ...sectionsProp };
  const cal = safeCalendar(calendar);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const [removed, setRemoved] = useState<{ step: DraftStep; index: number } | null>(null);
  const pendingFocus = useRef<PendingFocus | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const timeEntry: TimeEntry = value[0]?.timeEntry ?? 'lead';

  useEffect(() => {
    const pending = pendingFocus.current;
    pendingFocus.current = null;
    if (!pending) return;
    if (pending.kind === 'undo') undoRef.current?.focus();
    else if (pending.kind === 'name')
      listRef.current
        ?.querySelector<HTMLElement>(`[data-step-key="${pending.key}"] [data-field="name"]`)
        ?.focus();
    else {
      const el = pending.el;
      const row = el.closest('li');
      if (el instanceof HTMLButtonElement && el.disabled) {
        row
          ?.querySelector<HTMLElement>(
            `[data-move="${pending.direction === 'up' ? 'down' : 'up'}"]`,
          )
          ?.focus();
      } else if (el.isConnected) el.focus();
      else row?.focus();
    }
  });

  const move = (
    from: number,
    to: number,
    control: HTMLElement | null,
    direction: MoveDirection,
  ) => {
    const step = value[from];
    if (!step || to < 0 || to >= value.length || to === from) return;
    if (control) pendingFocus.current = { kind: 'control', el: control, direction };
    onChange(moveStep(value, from, to));
    setAnnouncement(
      `Moved ${step.name.trim() ? `“${step.name.trim()}”` : `step ${from + 1}`} to position ${to + 1} of ${value.length}.`,
    );
  };
  const drag = useStepDrag(
    value.map((s) => s.key),
    (from, to) => move(from, to, null, from < to ? 'down' : 'up'),
  );

  const update = (index: number, patch: Partial<DraftStep>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const add = () => {
    const step = emptyStep(timeEntry);
    const last = value[value.length - 1];
    if (last)
      Object.assign(step, {
        processTimeUnit: last.processTimeUnit,
        leadTimeUnit: last.leadTimeUnit,
        waitTimeUnit: last.waitTimeUnit,
      });
    pendingFocus.current = { kind: 'name', key: step.key };
    onChange([...value, step]);
    setAnnouncement(`Added step ${value.length + 1}.`);
  };

  const remove = (index: number) => {
    const step = value[index];
    if (!step) return;
    setRemoved({ step, index });
    pendingFocus.current = { kind: 'undo' };
    onChange(value.filter((_, i) => i !== index));
    setAnnouncement(
      `Removed ${step.name.trim() ? `“${step.name.trim()}”` : `step ${index + 1}`}. Undo is available.`,
    );
  };

  const undo = () => {
    if (!removed) return;
    const next = [...value];
    next.splice(Math.min(removed.index, next.length), 0, removed.step);
    pendingFocus.current = { kind: 'name', key: removed.step.key };
    onChange(next);
    setRemoved(null);
    setAnnouncement(
      `Restored ${removed.step.name.trim() ? `“${removed.step.name.trim()}”` : 'the step'}.`,
    );
  };

  const clientIssues = issuesByPath(draftIssues(value, cal));
  const visibleErrors = (step: DraftStep, index: number) => {
    const out: Partial<Record<StepField, string>> = {};
    for (const field of stepFields) {
      const path = `steps.${index}.${field}`;
      const client =
        showAllErrors || touched.has(`${step.key}.${field}`) ? clientIssues[path] : undefined;
      const message = client ?? errors[path];
      if (message) out[field] = message;
    }
    return out;
  };
  const listError = (showAllErrors ? clientIssues.steps : undefined) ?? errors.steps;
  const result =
    sections.times && (showTotals ?? true) ? computeMap(value.map((s) => toMapStep(s, cal))) : null;

  return (
    <div className="@container space-y-4">
      {sections.times || onCalendarChange ? (
        <div className="flex flex-wrap items-start gap-x-8 gap-y-4">
          {sections.times ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
                For each step, enter
              </legend>
              <div className="mt-1 inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
                {(['lead', 'wait'] as const).map((entry) => (
                  <label
                    key={entry}
                    className={cn(
                      'cursor-pointer rounded px-3 py-1 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-indigo-600',
                      timeEntry === entry
                        ? 'bg-indigo-600 text-white'
                        : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                    )}
                  >
                    <input
                      type="radio"
                      name={`${idBase}-entry`}
                      className="sr-only"
                      checked={timeEntry === entry}
                      onChange={() => onChange(withTimeEntry(value, entry, cal))}
                    />
                    {entry === 'lead' ? 'Lead time' : 'Wait time'}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                The other is worked out: lead time = process time + wait time.
              </p>
            </fieldset>
          ) : null}
          {onCalendarChange ? (
            <CalendarFields
              value={cal}
              onChange={onCalendarChange}
              onValidityChange={onCalendarValidityChange}
              errors={errors}
            />
          ) : null}
        </div>
      ) : null}

      <FieldError role="alert" message={listError} />

      <div className="@4xl:rounded-lg @4xl:border @4xl:border-slate-200 @4xl:dark:border-slate-700">
        <div
          aria-hidden
          className="hidden gap-x-2 rounded-t-lg border-b border-slate-200 bg-slate-50 px-2 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase @4xl:grid @4xl:grid-cols-(--step-cols) dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400"
          style={{ '--step-cols': rowColumns(sections, structural) } as CSSProperties}
        >
          <span>#</span>
          <span>Step</span>
          {sections.times ? (
            <>
              <span>Process time</span>
              <span>{timeEntry === 'lead' ? 'Lead time' : 'Wait time'}</span>
              <span>%C&amp;A</span>
              <span>People</span>
            </>
          ) : null}
          {structural ? <span className="text-right">Order</span> : null}
        </div>
        <ol ref={listRef} aria-label={label} className="space-y-3 @4xl:space-y-0">
          {value.map((step, index) => (
            <StepRow
              key={step.key}
              step={step}
              index={index}
              count={value.length}
              calendar={cal}
              sections={sections}
              errors={visibleErrors(step, index)}
              idBase={idBase}
              onChange={(patch) => update(index, patch)}
              onBlurField={(field) =>
                setTouched((t) =>
                  t.has(`${step.key}.${field}`) ? t : new Set(t).add(`${step.key}.${field}`),
                )
              }
              onMove={(direction, control) =>
                move(index, direction === 'up' ? index - 1 : index + 1, control, direction)
              }
              onRemove={() => remove(index)}
              structural={structural}
              dragHandlers={drag.handlers(index)}
              dragging={drag.dragKey === step.key}
              dropEdge={
                drag.over?.index === index && drag.dragKey !== step.key ? drag.over.edge : null
              }
            />
          ))}
        </ol>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        {structural ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={add}
            disabled={value.length >= maxSteps}
          >
            + Add step
          </Button>
        ) : null}
        {structural && value.length > 1 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Reorder: drag the handle, use the arrows, or Alt+↑ / Alt+↓ in a step.
          </p>
        ) : null}
      </div>

      {removed ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800">
          <span>
            Removed {removed.step.name.trim() ? `“${removed.step.name.trim()}”` : 'a step'}.
          </span>
          <button
            ref={undoRef}
            type="button"
            onClick={undo}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-900"
          >
            Undo
          </button>
          <button
            type="button"
            className="text-xs text-slate-500 underline-offset-2 hover:underline"
            onClick={() => setRemoved(null)}
          >
            Dismiss
          </button>
        </div>
      ) : null}

      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {result ? (
        <section aria-label="Totals of the map" className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800 dark:text-slate-200">Totals</h3>
          {result.ok ? (
            <MapTotalsCards totals={result.totals} calendar={cal} />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-600 dark:border-slate-600 dark:text-slate-400">
              The totals appear when every step has a name, a process time and a{' '}
              {timeEntry === 'lead' ? 'lead' : 'wait'} time
              {value.length > 0
                ? ` (${Object.keys(clientIssues).length} ${Object.keys(clientIssues).length === 1 ? 'field needs' : 'fields need'} attention)`
                : ''}
              .
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** Moves the focus to the first field marked invalid inside `root` (after the next paint). */
export function focusFirstInvalid(
  root: ParentNode | null = typeof document === 'undefined' ? null : document,
) {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
