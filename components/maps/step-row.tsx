'use client';

import type { CSSProperties, DragEvent, KeyboardEvent } from 'react';
import { formatDuration } from '@/lib/format';
import { type WorkingCalendar } from '@/lib/vsm';
import { cn } from '@/lib/cn';
import { FieldError } from '@/components/ui/field';
import { stepSeconds, type DraftStep, type StepField } from './draft-steps';
import { compactInput, DurationInput } from './duration-input';
import { WastePicker } from './waste-picker';

export interface StepsEditorSections {
  /** Process time, lead or wait time, %C&A and people. */
  times: boolean;
  wastes: boolean;
  notes: boolean;
}

export type MoveDirection = 'up' | 'down';

interface StepRowProps {
  step: DraftStep;
  index: number;
  count: number;
  calendar: WorkingCalendar;
  sections: StepsEditorSections;
  /** Messages to show now, by field. */
  errors: Partial<Record<StepField, string>>;
  idBase: string;
  onChange: (patch: Partial<DraftStep>) => void;
  onBlurField: (field: StepField) => void;
  /** Move one place; `control` is the element that had the focus, to keep it there. */
  onMove: (direction: MoveDirection, control: HTMLElement | null) => void;
  onRemove: () => void;
  /** Reorder and remove: false to edit the steps' fields only. */
  structural: boolean;
  dragHandlers: {
    onDragStart: (e: DragEvent<HTMLElement>) => void;
    onDragOver: (e: DragEvent<HTMLLIElement>) => void;
    onDrop: (e: DragEvent<HTMLLIElement>) => void;
    onDragEnd: () => void;
  };
  dragging: boolean;
  dropEdge: 'before' | 'after' | null;
}

/** Grid columns of the laptop layout, by what is shown. */
export function rowColumns(sections: StepsEditorSections, structural: boolean): string {
  const actions = structural ? 'auto' : '0';
  return sections.times
    ? `2.75rem minmax(9rem,1.4fr) minmax(10.5rem,1fr) minmax(10.5rem,1fr) 4.75rem 4.5rem ${actions}`
    : `2.75rem minmax(9rem,1fr) ${actions}`;
}

const label = 'mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400 @4xl:sr-only';
const iconButton =
  'inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 ' +
  'focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-30 disabled:hover:bg-transparent ' +
  'dark:text-slate-300 dark:hover:bg-slate-800';

/** One step of the editor: a row of a compact grid on a laptop, a card on a phone. */
export function StepRow(props: StepRowProps) {
  const {
    step,
    index,
    count,
    calendar,
    sections,
    errors,
    idBase,
    onChange,
    onBlurField,
    onMove,
    onRemove,
    structural,
  } = props;
  const n = index + 1;
  const who = step.name.trim() ? `step ${n} (${step.name.trim()})` : `step ${n}`;
  // By position, not by key: ids must render the same on the server and in the browser.
  const id = (field: string) => `${idBase}-${index}-${field}`;
  const err = (field: StepField) => (errors[field] ? id(`${field}-error`) : undefined);
  const seconds = stepSeconds(step, calendar);
  const fmt = (s: number) =>
    Number.isFinite(s) ? formatDuration(s, calendar, { maxDecimals: 2 }) : '—';
  const waitMode = step.timeEntry === 'wait';

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>) {
    if (!structural || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const direction = e.key === 'ArrowUp' ? 'up' : 'down';
    if ((direction === 'up' && index === 0) || (direction === 'down' && index === count - 1))
      return;
    onMove(
      direction,
      document.activeElement instanceof HTMLElement ? document.activeElement : null,
    );
  }

  return (
    <li
      data-step-key={step.key}
      aria-label={`Step ${n} of ${count}${step.name.trim() ? `: ${step.name.trim()}` : ''}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onDragOver={props.dragHandlers.onDragOver}
      onDrop={props.dragHandlers.onDrop}
      className={cn(
        'relative rounded-lg border border-slate-200 bg-white p-3 outline-none dark:border-slate-700 dark:bg-slate-900',
        '@4xl:rounded-none @4xl:border-x-0 @4xl:border-t-0 @4xl:px-2 @4xl:py-2.5',
        props.dragging && 'opacity-50',
        props.dropEdge === 'before' &&
          'before:absolute before:inset-x-0 before:-top-1.5 before:h-1 before:rounded before:bg-indigo-500',
        props.dropEdge === 'after' &&
          'after:absolute after:inset-x-0 after:-bottom-1.5 after:h-1 after:rounded after:bg-indigo-500',
      )}
    >
      <div
        className="grid grid-cols-2 items-start gap-x-2 gap-y-2 @4xl:grid-cols-(--step-cols)"
        style={{ '--step-cols': rowColumns(sections, structural) } as CSSProperties}
      >
        <div className="flex items-center gap-1 @4xl:pt-1">
          {structural ? (
            <span
              draggable
              onDragStart={props.dragHandlers.onDragStart}
              onDragEnd={props.dragHandlers.onDragEnd}
              title="Drag to reorder"
              data-drag-handle
              className="cursor-grab touch-none rounded px-0.5 text-slate-400 select-none hover:text-slate-700 active:cursor-grabbing dark:hover:text-slate-200"
              aria-hidden
            >
              <svg viewBox="0 0 10 16" className="h-4 w-2.5 fill-current">
                {[2, 8, 14].map((y) =>
                  [2.5, 7.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.4" />),
                )}
              </svg>
            </span>
          ) : null}
          <span className="text-sm font-semibold text-slate-500 tabular-nums dark:text-slate-400">
            <span className="@4xl:hidden">Step </span>
            {n}
          </span>
        </div>

        <div className="col-span-2 @4xl:col-span-1">
          <label htmlFor={id('name')} className={label}>
            Name of step {n}
          </label>
          <input
            id={id('name')}
            data-field="name"
            value={step.name}
            maxLength={120}
            placeholder={index === 0 ? 'e.g. Take the order' : 'Name the step'}
            onChange={(e) => onChange({ name: e.target.value })}
            onBlur={() => onBlurField('name')}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={err('name')}
            className={compactInput}
          />
          <FieldError size="sm" id={id('name-error')} message={errors.name} />
        </div>

        {sections.times ? (
          <>
            <div className="col-span-2 @4xl:col-span-1">
              <label htmlFor={id('pt')} className={label}>
                Process time
              </label>
              <DurationInput
                id={id('pt')}
                value={step.processTime}
                unit={step.processTimeUnit}
                onValueChange={(v) => onChange({ processTime: v })}
                onUnitChange={(u) => onChange({ processTimeUnit: u })}
                onBlur={() => onBlurField('processTime')}
                unitLabel={`Process time unit, step ${n}`}
                invalid={Boolean(errors.processTime)}
                describedBy={err('processTime')}
              />
              <FieldError size="sm" id={id('processTime-error')} message={errors.processTime} />
            </div>
            <div className="col-span-2 @4xl:col-span-1">
              <label htmlFor={id('lt')} className={label}>
                {waitMode ? 'Wait time' : 'Lead time'}
              </label>
              <DurationInput
                id={id('lt')}
                value={waitMode ? step.waitTime : step.leadTime}
                unit={waitMode ? step.waitTimeUnit : step.leadTimeUnit}
                onValueChange={(v) => onChange(waitMode ? { waitTime: v } : { leadTime: v })}
                onUnitChange={(u) => onChange(waitMode ? { waitTimeUnit: u } : { leadTimeUnit: u })}
                onBlur={() => onBlurField('leadTime')}
                unitLabel={`${waitMode ? 'Wait' : 'Lead'} time unit, step ${n}`}
                invalid={Boolean(errors.leadTime)}
                describedBy={[err('leadTime'), id('derived')].filter(Boolean).join(' ')}
              />
              <p
                id={id('derived')}
                className="mt-1 text-xs text-slate-500 tabular-nums dark:text-slate-400"
              >
                {waitMode
                  ? `Lead time ${fmt(seconds.leadTimeSeconds)}`
                  : `Wait time ${fmt(seconds.waitTimeSeconds)}`}
              </p>
              <FieldError size="sm" id={id('leadTime-error')} message={errors.leadTime} />
            </div>
            <div>
              <label htmlFor={id('pct')} className={label}>
                %C&amp;A
              </label>
              <input
                id={id('pct')}
                inputMode="decimal"
                autoComplete="off"
                value={step.pctCompleteAccurate}
                onChange={(e) => onChange({ pctCompleteAccurate: e.target.value })}
                onBlur={() => onBlurField('pctCompleteAccurate')}
                aria-invalid={errors.pctCompleteAccurate ? true : undefined}
                aria-describedby={err('pctCompleteAccurate')}
                className={cn(compactInput, 'text-right tabular-nums')}
              />
              <FieldError
                size="sm"
                id={id('pctCompleteAccurate-error')}
                message={errors.pctCompleteAccurate}
              />
            </div>
            <div>
              <label htmlFor={id('people')} className={label}>
                People
              </label>
              <input
                id={id('people')}
                inputMode="numeric"
                autoComplete="off"
                value={step.people}
                placeholder="—"
                onChange={(e) => onChange({ people: e.target.value })}
                onBlur={() => onBlurField('people')}
                aria-invalid={errors.people ? true : undefined}
                aria-describedby={err('people')}
                className={cn(compactInput, 'text-right tabular-nums')}
              />
              <FieldError size="sm" id={id('people-error')} message={errors.people} />
            </div>
          </>
        ) : null}

        {structural ? (
          <div className="col-start-2 row-start-1 flex justify-end gap-0.5 @4xl:col-start-auto @4xl:row-start-auto @4xl:pt-0.5">
            <button
              type="button"
              data-move="up"
              className={iconButton}
              aria-label={`Move ${who} up`}
              disabled={index === 0}
              onClick={(e) => onMove('up', e.currentTarget)}
            >
              <span aria-hidden>↑</span>
            </button>
            <button
              type="button"
              data-move="down"
              className={iconButton}
              aria-label={`Move ${who} down`}
              disabled={index === count - 1}
              onClick={(e) => onMove('down', e.currentTarget)}
            >
              <span aria-hidden>↓</span>
            </button>
            <button
              type="button"
              className={cn(iconButton, 'hover:bg-red-50 hover:text-red-700 dark:hover:bg-red-950')}
              aria-label={`Remove ${who}`}
              onClick={onRemove}
            >
              <span aria-hidden>✕</span>
            </button>
          </div>
        ) : null}

        {sections.wastes || sections.notes ? (
          <div
            className={cn(
              'col-span-2 grid gap-2 @4xl:col-[2/-1]',
              sections.wastes && sections.notes && '@4xl:grid-cols-2',
            )}
          >
            {sections.wastes ? (
              <div>
                <p
                  className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400"
                  aria-hidden
                >
                  Waste seen
                </p>
                <WastePicker
                  label={`Wastes seen at ${who}`}
                  value={step.wastes}
                  onChange={(wastes) => onChange({ wastes })}
                  error={errors.wastes}
                  errorId={id('wastes-error')}
                />
              </div>
            ) : null}
            {sections.notes ? (
              <div>
                <label
                  htmlFor={id('notes')}
                  className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
                >
                  Notes on step {n}
                </label>
                <textarea
                  id={id('notes')}
                  rows={2}
                  value={step.notes}
                  maxLength={2000}
                  placeholder="What happens here, what the people doing it say…"
                  onChange={(e) => onChange({ notes: e.target.value })}
                  onBlur={() => onBlurField('notes')}
                  aria-invalid={errors.notes ? true : undefined}
                  aria-describedby={err('notes')}
                  className={cn(compactInput, 'resize-y')}
                />
                <FieldError size="sm" id={id('notes-error')} message={errors.notes} />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
