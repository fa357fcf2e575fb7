import { isTRPCClientError, type TRPCClientError } from '@trpc/client';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppRouter } from '@/server/routers';

/**
 * The one reader of a failed tRPC call. Its `data` is typed from the server's errorFormatter
 * (server/trpc.ts): the tRPC code, the HTTP status and the field errors, so nothing here casts.
 */
export type ClientError = TRPCClientError<AppRouter>;
type ErrorData = NonNullable<ClientError['data']>;
/** 'NOT_FOUND', 'CONFLICT', 'BAD_REQUEST'… */
export type ErrorCode = ErrorData['code'];
/** Messages by field path ('name', 'steps.2.processTimeSeconds', 'baseline.from'). */
export type ServerFieldErrors = NonNullable<ErrorData['fieldErrors']>;

export function isClientError(error: unknown): error is ClientError {
  return isTRPCClientError<AppRouter>(error);
}

/** The tRPC code of a failed call; null for anything that is not one (a network failure). */
export function errorCode(error: unknown): ErrorCode | null {
  return isClientError(error) ? (error.data?.code ?? null) : null;
}

/** Whether a tRPC call failed with this code. */
export function isCode(error: unknown, code: ErrorCode): boolean {
  return errorCode(error) === code;
}

/** The HTTP status the server answered a failed call with, or null. */
export function httpStatusOf(error: unknown): number | null {
  return isClientError(error) ? (error.data?.httpStatus ?? null) : null;
}

/** The field errors of a refused call, or null when it failed as a whole. */
export function fieldErrorsOf(error: unknown): ServerFieldErrors | null {
  return isClientError(error) ? (error.data?.fieldErrors ?? null) : null;
}

/** The server's message for an error, for a toast or a form's root error. */
export function errorMessage(error: unknown): string {
  if (isClientError(error)) return error.message;
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
  const isField = (key: string): key is Path<T> => (fields as readonly string[]).includes(key);
  let placed = false;
  for (const [key, messages] of Object.entries(fieldErrorsOf(error) ?? {})) {
    const field = prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key;
    const message = messages[0];
    if (!isField(field) || !message) continue;
    setError(field, { type: 'server', message }, { shouldFocus: !placed });
    placed = true;
  }
  if (!placed) setError('root.server', { type: 'server', message: errorMessage(error) });
}
