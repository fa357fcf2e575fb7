'use client';

import { guideSteps } from '@/lib/validation/guide';
import { cn } from '@/lib/cn';

interface StepIndicatorProps {
  /** 1-based. */
  current: number;
  /** The furthest step reached: steps up to it can be revisited. */
  reached: number;
  onSelect: (step: number) => void;
  disabled?: boolean;
  /** Every step done (the stream is saved). */
  complete?: boolean;
}

/** The seven steps of the guide, by name; the ones already reached can be opened again. */
export function StepIndicator({
  current,
  reached,
  onSelect,
  disabled,
  complete,
}: StepIndicatorProps) {
  const title = guideSteps[current - 1]?.title ?? '';
  return (
    <nav aria-label="Steps of the guide">
      <p className="text-sm font-medium text-slate-600 md:hidden dark:text-slate-400">
        Step {current} of {guideSteps.length}:{' '}
        <span className="text-slate-900 dark:text-slate-100">{title}</span>
      </p>
      <div className="mt-2 flex gap-1 md:hidden" aria-hidden>
        {guideSteps.map((s, i) => (
          <span
            key={s.key}
            className={cn(
              'h-1.5 flex-1 rounded-full',
              i + 1 <= current
                ? 'bg-indigo-600'
                : i + 1 <= reached
                  ? 'bg-indigo-200 dark:bg-indigo-900'
                  : 'bg-slate-200 dark:bg-slate-700',
            )}
          />
        ))}
      </div>
      <ol className="hidden gap-1 md:grid md:grid-cols-7">
        {guideSteps.map((s, i) => {
          const n = i + 1;
          const isCurrent = n === current;
          const done = n < current || n <= reached;
          const canOpen = !disabled && !isCurrent && n <= reached;
          const body = (
            <>
              <span
                aria-hidden
                className={cn(
                  'flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold',
                  isCurrent
                    ? 'bg-indigo-600 text-white'
                    : done
                      ? 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                      : 'bg-slate-100 text-slate-500 dark:bg-slate-800',
                )}
              >
                {n < current || complete ? '✓' : n}
              </span>
              <span
                className={cn(
                  'text-xs leading-tight',
                  isCurrent
                    ? 'font-semibold text-slate-900 dark:text-slate-50'
                    : 'text-slate-600 dark:text-slate-400',
                )}
              >
                {s.title}
              </span>
            </>
          );
          const cls = cn(
            'flex h-full w-full flex-col items-start gap-1.5 border-t-4 pt-2 text-left',
            isCurrent
              ? 'border-indigo-600'
              : done
                ? 'border-indigo-200 dark:border-indigo-900'
                : 'border-slate-200 dark:border-slate-700',
          );
          return (
            <li key={s.key} aria-current={isCurrent ? 'step' : undefined}>
              {canOpen ? (
                <button
                  type="button"
                  onClick={() => onSelect(n)}
                  className={cn(
                    cls,
                    'rounded-sm hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-600',
                  )}
                >
                  <span className="sr-only">
                    {n < current ? 'Go back to' : 'Go to'} step {n}:{' '}
                  </span>
                  {body}
                </button>
              ) : (
                <div className={cls}>
                  <span className="sr-only">
                    {isCurrent ? 'Current step' : 'Step'} {n}:{' '}
                  </span>
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
