/**
 * A failure on our side never reaches the client with its message (issue 11, finding 6: a NUL
 * in a name returned the whole SQL statement and its parameters). The person gets the request's
 * reference instead, and domain errors keep their messages and fields.
 */
import { getTRPCErrorShape, TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/errors';
import { appRouter } from '@/server/routers';

function shapeOf(error: TRPCError, requestId?: string) {
  return getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: 'mutation',
    path: 'streams.create',
    input: undefined,
    ctx: { db: undefined as never, session: null, address: 'unknown', requestId },
  });
}

describe('the error shape a client receives', () => {
  it('hides an internal error’s message and says the reference it is logged under', () => {
    const cause = new Error(
      'Failed query: insert into "value_streams" ("name") values ($1)\nparams: secret\u0000name',
    );
    const shape = shapeOf(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: cause.message, cause }),
      'req-42',
    );
    const text = JSON.stringify(shape);
    expect(text).not.toMatch(/insert|value_streams|params|secret/);
    expect(shape.message).toBe(
      'Something went wrong on our side. If it keeps happening, quote reference req-42.',
    );
    expect(shape.data).not.toHaveProperty('stack');
    expect(shape.data.fieldErrors).toBeNull();
  });

  it('keeps the message and fields of a refusal', () => {
    const cause = new AppError('CONFLICT', 'Another stream already has this name.', 'name');
    const shape = shapeOf(new TRPCError({ code: 'CONFLICT', message: cause.message, cause }));
    expect(shape.message).toBe('Another stream already has this name.');
    expect(shape.data.fieldErrors).toEqual({ name: ['Another stream already has this name.'] });
  });
});
