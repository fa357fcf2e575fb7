import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Db } from '@/db/client';
import { orgSlugSchema } from '@/lib/validation/members';
import { transientFailure, uniqueViolation } from './db-errors';
import { AppError } from './errors';
import { checkSession, type SessionClaim } from './services/sessions';
import { transformer } from './transformer';
import type { Permission } from './permissions';
import type { ReadRoute } from './replica';
import { enterTenant } from './tenant';

export interface Context {
  db: Db;
  /**
   * What the session cookie claims, not yet checked (null: no cookie): `authedProcedure` and the
   * tenant door check it against the sessions table.
   */
  session: SessionClaim | null;
  /** The client's address, for rate limits (lib/auth/client-address.ts). */
  address: string;
  /** The request's id, logged with its errors and shown to the person when one is ours. */
  requestId?: string;
  /** The read replica and the caller's `vs-wrote` cookie, when DATABASE_READ_URL is set. */
  route?: ReadRoute | null;
}

export type FieldErrors = Record<string, string[]>;

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) {
    const out: FieldErrors = {};
    for (const issue of cause.issues) {
      const key = issue.path.join('.') || '_form';
      (out[key] ??= []).push(issue.message);
    }
    return out;
  }
  if (cause instanceof AppError && cause.fieldErrors) return cause.fieldErrors;
  if (cause instanceof AppError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    if (error.code === 'INTERNAL_SERVER_ERROR' && process.env.NODE_ENV !== 'development') {
      // Our failure: its message may hold SQL and parameters. The person gets the id it is logged under.
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        message: internalErrorMessage(ctx?.requestId),
        data: { ...data, fieldErrors: null },
      };
    }
    return { ...shape, data: { ...shape.data, fieldErrors: fieldErrorsOf(error.cause) } };
  },
});

/** What a person sees of a failure on our side: no detail, and the reference it is logged under. */
export function internalErrorMessage(requestId: string | undefined): string {
  return `Something went wrong on our side. If it keeps happening, quote reference ${requestId ?? 'unknown'}.`;
}

/** Maps domain errors to tRPC codes in one place. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  const overBudget = result.ok ? null : transientFailure(result.error.cause);
  if (overBudget) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: overBudget.message });
  const conflict = result.ok ? null : uniqueViolation(result.error.cause);
  if (conflict) {
    const cause = new AppError('CONFLICT', conflict.message, conflict.field);
    throw new TRPCError({ code: 'CONFLICT', message: conflict.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

const signedOut = () => new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });

/** Signed in: a live session. `ctx.userId` is its user, `ctx.sessionId` its row. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const sessionId = await checkSession(ctx.db, ctx.session);
  if (!ctx.session || !sessionId) throw signedOut();
  return next({ ctx: { ...ctx, session: ctx.session, userId: ctx.session.userId, sessionId } });
});

class Rollback {
  constructor(readonly result: unknown) {}
}

/**
 * A procedure scoped to the organization named by the `orgSlug` input: the handler runs behind the
 * one door (server/tenant.ts) with `ctx.db` bound to the tenant transaction, `ctx.org` and
 * `ctx.actor`. Not a member (or no such slug): NOT_FOUND; a role without `permission`: FORBIDDEN.
 * `replica: true`: its queries may read on the read replica (server/replica.ts); `ctx.readAt` says
 * where they read (the replica's replay position, or null on the primary).
 */
export function orgProcedure(permission: Permission, opts: { replica?: boolean } = {}) {
  return publicProcedure
    .use(({ ctx, next }) => {
      // No cookie at all: refused before the input is read. A cookie is checked by the door.
      if (!ctx.session) throw signedOut();
      return next({ ctx: { ...ctx, session: ctx.session } });
    })
    .input(z.object({ orgSlug: orgSlugSchema }))
    .use(async ({ ctx, input, next, type }) => {
      const caller = { kind: 'member', session: ctx.session, orgSlug: input.orgSlug } as const;
      try {
        return await enterTenant(
          ctx.db,
          caller,
          {
            permission,
            write: type === 'mutation',
            route: ctx.route,
            replica: type === 'query' && opts.replica === true,
          },
          async ({ db, org, actor, readAt }) => {
            const result = await next({ ctx: { db, org, actor, readAt } });
            // tRPC hands a failed handler back as a result: throw it, so nothing it wrote commits.
            if (!result.ok) throw new Rollback(result);
            return result;
          },
        );
      } catch (error) {
        if (error instanceof Rollback) return error.result as never; // the failed result, unchanged
        throw error;
      }
    });
}
