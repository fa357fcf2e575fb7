import { useId, type ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ' +
  'placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 ' +
  'aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  /** Receives the ids to wire the control to its label, hint and error. */
  children: (ids: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => React.ReactNode;
}

/** A labelled form control with its hint and its error, wired for screen readers. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  // The hint gives way to the error, so the control points at whichever of them is on the page.
  const showHint = Boolean(hint) && !error;
  const described = [showHint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children({
        id,
        'aria-describedby': described || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {showHint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} role="alert" message={error} />
    </div>
  );
}

/**
 * A control's error, under it: the one look of a field error everywhere. `size="sm"` for compact
 * rows (a map step, a filter bar). A span, so it may sit inside a <label>; give it an id to point
 * the control's aria-describedby at it.
 */
export function FieldError({
  message,
  size = 'md',
  className,
  ...props
}: { message?: string; size?: 'sm' | 'md' } & Omit<ComponentProps<'span'>, 'children'>) {
  if (!message) return null;
  return (
    <span
      {...props}
      className={cn(
        'block text-red-600 dark:text-red-400',
        size === 'sm' ? 'mt-1 text-xs' : 'text-sm',
        className,
      )}
    >
      {message}
    </span>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </div>
  );
}
