import { TRPCClientError } from '@trpc/client';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string[]> | null;
}

/** The server's message for an error, for a toast or a form's root error. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * Puts a server error on the form: field errors on their fields (when the form has them),
 * anything else on the form's root. `prefix` strips the input's nesting, e.g. `fields.` when
 * the form's values travel as `{ fields: … }`.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  { prefix = '' }: { prefix?: string } = {},
) {
  const data = (error instanceof TRPCClientError ? error.data : undefined) as ErrorData | undefined;
  let placed = false;
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const field = prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key;
    if ((fields as readonly string[]).includes(field) && messages[0]) {
      setError(
        field as Path<T>,
        { type: 'server', message: messages[0] },
        { shouldFocus: !placed },
      );
      placed = true;
    }
  }
  if (!placed) setError('root.server' as Path<T>, { type: 'server', message: errorMessage(error) });
}
