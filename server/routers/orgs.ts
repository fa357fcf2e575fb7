import { createOrgInput } from '@/lib/validation/auth';
import { permissionsOf } from '../permissions';
import { createOrganization, listOrgsOf, renameOrganization } from '../services/orgs';
import { authedProcedure, orgProcedure, router } from '../trpc';

export const orgsRouter = router({
  /** The organizations the caller belongs to, for the switcher. */
  mine: authedProcedure.query(({ ctx }) => listOrgsOf(ctx.db, ctx.userId)),

  create: authedProcedure.input(createOrgInput).mutation(async ({ ctx, input }) => {
    const org = await createOrganization(ctx.db, { name: input.name, ownerId: ctx.userId });
    return { slug: org.slug };
  }),

  /** The organization of the URL with the caller's role and what it allows. */
  current: orgProcedure('org:read').query(({ ctx }) => ({
    id: ctx.org.id,
    name: ctx.org.name,
    slug: ctx.org.slug,
    role: ctx.actor.role,
    permissions: permissionsOf(ctx.actor.role),
  })),

  rename: orgProcedure('org:update')
    .input(createOrgInput)
    .mutation(({ ctx, input }) => renameOrganization(ctx.db, ctx.actor, input.name)),
});
