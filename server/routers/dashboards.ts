import { portfolioInput, streamDashboardInput } from '@/lib/validation/dashboards';
import { portfolio } from '../services/dashboards';
import { streamDashboard } from '../services/stream-dashboard';
import { orgProcedure, router } from '../trpc';

export const dashboardsRouter = router({
  portfolio: orgProcedure('dashboards:read')
    .input(portfolioInput)
    .query(({ ctx, input }) => portfolio(ctx.db, ctx.actor, input)),
  stream: orgProcedure('dashboards:read')
    .input(streamDashboardInput)
    .query(({ ctx, input }) => streamDashboard(ctx.db, ctx.actor, input)),
});
