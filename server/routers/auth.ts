import { signUpInput } from '@/lib/validation/auth';
import { signUp } from '../services/accounts';
import { publicProcedure, router } from '../trpc';

export const authRouter = router({
  /**
   * Creates the account and its first organization. The answer is the same whether or not the
   * email already had an account: the client sends the person to sign in.
   */
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await signUp(ctx.db, input, { address: ctx.address });
    return { next: 'sign-in' as const };
  }),
});
