import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  applyServerError,
  errorCode,
  errorMessage,
  fieldErrorsOf,
  httpStatusOf,
  isCode,
  type ClientError,
} from '@/components/trpc/errors';
import type { AppRouter } from '@/server/routers';

/** A failed call as the client receives it: the error shape the server's errorFormatter makes. */
function failure(
  code: 'BAD_REQUEST' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR',
  message: string,
  fieldErrors: Record<string, string[]> | null = null,
): ClientError {
  const httpStatus = { BAD_REQUEST: 400, NOT_FOUND: 404, INTERNAL_SERVER_ERROR: 500 }[code];
  return TRPCClientError.from<AppRouter>({
    error: { message, code: -32600, data: { code, httpStatus, path: 'x.y', fieldErrors } },
  });
}

describe('reading a failed call', () => {
  it('reads the code, the status and the field errors the server sent', () => {
    const refused = failure('BAD_REQUEST', 'Some fields need attention.', {
      to: ['The end date is before the start date.'],
    });
    expect(errorCode(refused)).toBe('BAD_REQUEST');
    expect(isCode(refused, 'BAD_REQUEST')).toBe(true);
    expect(isCode(refused, 'NOT_FOUND')).toBe(false);
    expect(httpStatusOf(refused)).toBe(400);
    expect(fieldErrorsOf(refused)).toEqual({ to: ['The end date is before the start date.'] });
    expect(errorMessage(refused)).toBe('Some fields need attention.');
  });

  it('answers null for a failure that is not a tRPC one, and a general message', () => {
    const offline = new TypeError('Failed to fetch');
    expect(errorCode(offline)).toBeNull();
    expect(httpStatusOf(offline)).toBeNull();
    expect(fieldErrorsOf(offline)).toBeNull();
    expect(fieldErrorsOf(failure('NOT_FOUND', 'Organization not found.'))).toBeNull();
    expect(errorMessage(offline)).toBe('Something went wrong. Please try again.');
  });
});

describe('applyServerError', () => {
  type Values = { name: string; periodEnd: string };
  const setErrorSpy = () => {
    const calls: [string, string | undefined, boolean | undefined][] = [];
    const setError = (
      name: string,
      error: { message?: string },
      options?: { shouldFocus?: boolean },
    ) => {
      calls.push([name, error.message, options?.shouldFocus]);
    };
    return { calls, setError };
  };

  it('puts field errors on the form’s fields, focusing the first, without the input’s prefix', () => {
    const { calls, setError } = setErrorSpy();
    const error = failure('BAD_REQUEST', 'Some fields need attention.', {
      'fields.name': ['Name the stream.'],
      'fields.periodEnd': ['Enter the end date.', 'A second message is not shown.'],
      'fields.notOnTheForm': ['Dropped: the form has no such field.'],
    });
    applyServerError<Values>(error, setError, ['name', 'periodEnd'], { prefix: 'fields.' });
    expect(calls).toEqual([
      ['name', 'Name the stream.', true],
      ['periodEnd', 'Enter the end date.', false],
    ]);
  });

  it('puts anything else on the form’s root', () => {
    const { calls, setError } = setErrorSpy();
    applyServerError<Values>(failure('NOT_FOUND', 'That stream is gone.'), setError, ['name']);
    expect(calls).toEqual([['root.server', 'That stream is gone.', undefined]]);
  });
});
