import { portfolioInput, streamDashboardInput } from '@/lib/validation/dashboards';
import { portfolio } from '../services/dashboards';
import { streamDashboard } from '../services/stream-dashboard';
import { cachedAnswer } from '../dashboard-cache';
import { plainJson } from '../transformer';
import { orgProcedure, router } from '../trpc';

export const dashboardsRouter = router({
  portfolio: orgProcedure('dashboards:read')
    .input(portfolioInput)
    .query(({ ctx, input }) => {
      // The same organization, filters and weeks give the same answer until its data changes.
      // The key holds everything else the answer depends on: the filters, the weeks, and today.
      const today = new Date().toISOString().slice(0, 10);
      const { orgSlug: _slug, ...view } = input;
      const key = `portfolio ${today} ${JSON.stringify(view)}`;
      return cachedAnswer(ctx.actor.orgId, key, async () =>
        plainJson(await portfolio(ctx.db, ctx.actor, { ...input, today })),
      );
    }),
  stream: orgProcedure('dashboards:read')
    .input(streamDashboardInput)
    .query(async ({ ctx, input }) => plainJson(await streamDashboard(ctx.db, ctx.actor, input))),
});
