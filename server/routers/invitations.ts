import { z } from 'zod';
import {
  createInvitationInput,
  invitationTokenSchema,
  orgSlugSchema,
} from '@/lib/validation/members';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from '../services/invitations';
import { authedProcedure, orgProcedure, publicProcedure, router } from '../trpc';

const linkInput = z.object({ orgSlug: orgSlugSchema, token: invitationTokenSchema });

export const invitationsRouter = router({
  list: orgProcedure('invitations:manage').query(({ ctx }) => listInvitations(ctx.db, ctx.actor)),
  create: orgProcedure('invitations:manage')
    .input(createInvitationInput)
    .mutation(({ ctx, input }) =>
      createInvitation(ctx.db, { ...ctx.actor, orgSlug: ctx.org.slug }, input),
    ),
  revoke: orgProcedure('invitations:manage')
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.id)),
  /** Public: the link itself is the secret. */
  preview: publicProcedure
    .input(linkInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input)),
  accept: authedProcedure
    .input(linkInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, { ...input, userId: ctx.userId, address: ctx.address }),
    ),
});
