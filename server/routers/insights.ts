import { comparisonInput, wasteInput } from '@/lib/validation/insights';
import { comparison } from '../services/comparison';
import { wasteReduction } from '../services/waste-reduction';
import { orgProcedure, router } from '../trpc';

/** Operational vs development, and waste reduction against a baseline (registered as `insights`). */
export const insightsRouter = router({
  comparison: orgProcedure('dashboards:read')
    .input(comparisonInput)
    .query(({ ctx, input }) => comparison(ctx.db, ctx.actor, input)),
  waste: orgProcedure('dashboards:read')
    .input(wasteInput)
    .query(({ ctx, input }) => wasteReduction(ctx.db, ctx.actor, input)),
});
