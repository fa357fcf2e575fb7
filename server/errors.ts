/**
 * Domain errors, thrown below the API and mapped to tRPC codes in one place (server/trpc.ts).
 * `field` names the input field the message belongs to, so a form can show it there.
 */
export type AppErrorCode =
  'UNAUTHORIZED' | 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    /** Several fields at once, e.g. `steps.2.processTime` of a map. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'That') => new AppError('NOT_FOUND', `${what} was not found.`);
