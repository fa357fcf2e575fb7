import { portfolioInput, streamDashboardInput } from '@/lib/validation/dashboards';
import { portfolio } from '../services/dashboards';
import { streamDashboard } from '../services/stream-dashboard';
import { plainJson } from '../transformer';
import { orgProcedure, router } from '../trpc';

export const dashboardsRouter = router({
  portfolio: orgProcedure('dashboards:read')
    .input(portfolioInput)
    .query(async ({ ctx, input }) => plainJson(await portfolio(ctx.db, ctx.actor, input))),
  stream: orgProcedure('dashboards:read')
    .input(streamDashboardInput)
    .query(async ({ ctx, input }) => plainJson(await streamDashboard(ctx.db, ctx.actor, input))),
});
