/** Assertions on the errors procedures and the database throw. */
import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { sqlState } from '@/server/db-errors';
import { appRouter } from '@/server/routers';

export type TRPCCode = TRPCError['code'];

/** Awaits a call that must fail with a TRPCError and returns that error. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error(`Expected a TRPCError, but the call succeeded with ${JSON.stringify(result)}`);
}

/** Awaits a call that must fail with `code` and returns the error. */
export async function expectCode(call: Promise<unknown>, code: TRPCCode): Promise<TRPCError> {
  const error = await trpcError(call);
  expect(error.code, error.message).toBe(code);
  return error;
}

/**
 * The `data.fieldErrors` a client would receive for this error: the router's own error
 * formatter applied to it, exactly as the HTTP handler does.
 */
export function fieldErrorsOf(error: TRPCError): Record<string, string[]> | null {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return shape.data.fieldErrors;
}

/** Awaits a call that must be refused as BAD_REQUEST with a message on `field`; returns the messages. */
export async function expectFieldError(
  call: Promise<unknown>,
  field: string,
  code: TRPCCode = 'BAD_REQUEST',
) {
  const error = await expectCode(call, code);
  const fields = fieldErrorsOf(error);
  expect(fields, `fieldErrors of "${error.message}"`).toHaveProperty([field]);
  return fields?.[field] ?? [];
}

/**
 * Lets a test pass input the procedure's type would refuse, to check the server refuses it too.
 * The type parameter is inferred from where the value is used.
 */
export function invalid<T>(value: unknown): T {
  return value as T;
}

/** Awaits a database call that must fail with the given SQLSTATE (42501: RLS / privilege refusal). */
export async function expectSqlState(call: Promise<unknown>, state: string): Promise<void> {
  let failure: unknown;
  try {
    await call;
  } catch (error) {
    failure = error;
  }
  expect(failure, 'the statement should have failed').toBeDefined();
  expect(sqlState(failure), String(failure)).toBe(state);
}
