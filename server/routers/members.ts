import { changeRoleInput, removeMemberInput } from '@/lib/validation/members';
import { changeRole, listMembers, removeMember } from '../services/members';
import { orgProcedure, router } from '../trpc';

export const membersRouter = router({
  list: orgProcedure('members:read').query(({ ctx }) => listMembers(ctx.db, ctx.actor)),
  changeRole: orgProcedure('members:manage')
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.actor, input)),
  /** Managers remove others; any member may remove themselves (leave). */
  remove: orgProcedure('org:read')
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input)),
});
