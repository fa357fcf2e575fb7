import { apiTokenIdInput, createApiTokenInput } from '@/lib/validation/api-tokens';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens';
import { orgProcedure, router } from '../trpc';

export const apiTokensRouter = router({
  list: orgProcedure('tokens:manage').query(({ ctx }) => listApiTokens(ctx.db, ctx.actor)),
  /** Returns the token itself: the only time it is shown. */
  create: orgProcedure('tokens:manage')
    .input(createApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.actor, input)),
  revoke: orgProcedure('tokens:manage')
    .input(apiTokenIdInput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input.id)),
});
