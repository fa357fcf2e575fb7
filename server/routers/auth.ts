import { signUpInput } from '@/lib/validation/auth';
import { signUp } from '../services/accounts';
import { publicProcedure, router } from '../trpc';

export const authRouter = router({
  /** Creates the account and its first organization; the client then signs in. */
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const { org } = await signUp(ctx.db, input);
    return { orgSlug: org?.slug ?? null };
  }),
});
