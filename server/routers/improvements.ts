import { z } from 'zod';
import { improvementFields } from '@/lib/validation/improvements';
import { isoDate } from '@/lib/validation/measurements';
import {
  closeImprovement,
  createImprovement,
  editImprovement,
  getImprovement,
  listImprovementViews,
  removeImprovement,
} from '../services/improvements';
import { orgProcedure, router } from '../trpc';

const id = z.object({ id: z.uuid({ error: 'Choose an improvement.' }) });

export const improvementsRouter = router({
  list: orgProcedure('dashboards:read')
    .input(z.object({ streamId: z.uuid().optional() }))
    .query(({ ctx, input }) => listImprovementViews(ctx.db, ctx.actor, input)),
  get: orgProcedure('dashboards:read')
    .input(id)
    .query(({ ctx, input }) => getImprovement(ctx.db, ctx.actor, input.id)),
  create: orgProcedure('improvements:write')
    .input(z.object({ fields: improvementFields }))
    .mutation(({ ctx, input }) => createImprovement(ctx.db, ctx.actor, input.fields)),
  update: orgProcedure('improvements:write')
    .input(id.extend({ fields: improvementFields }))
    .mutation(({ ctx, input }) => editImprovement(ctx.db, ctx.actor, input.id, input.fields)),
  close: orgProcedure('improvements:write')
    .input(id.extend({ completedOn: isoDate('completion date') }))
    .mutation(({ ctx, input }) => closeImprovement(ctx.db, ctx.actor, input.id, input.completedOn)),
  remove: orgProcedure('improvements:write')
    .input(id)
    .mutation(({ ctx, input }) => removeImprovement(ctx.db, ctx.actor, input.id)),
});
