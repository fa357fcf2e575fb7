import { changePasswordInput } from '@/lib/validation/auth';
import { changePassword } from '../services/accounts';
import { endSessionsOf, listSessions } from '../services/sessions';
import { authedProcedure, router } from '../trpc';

/** The signed-in person's own account: password and sessions. */
export const accountRouter = router({
  /** The person's live sessions, this one marked `current`. */
  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx.db, ctx.session)),

  /** A new password; every other session of the person ends. */
  changePassword: authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) =>
    changePassword(ctx.db, {
      userId: ctx.userId,
      sessionId: ctx.sessionId,
      address: ctx.address,
      input,
    }),
  ),

  /** Ends every session of the person, this one too. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => ({
    ended: await endSessionsOf(ctx.db, { userId: ctx.userId }),
  })),
});
