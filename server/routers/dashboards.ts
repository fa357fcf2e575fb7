import {
  comparisonInput,
  portfolioInput,
  streamDashboardInput,
  wasteInput,
} from '@/lib/validation/dashboards';
import { comparison } from '../services/comparison';
import { portfolio } from '../services/dashboards';
import { streamDashboard } from '../services/stream-dashboard';
import { wasteReduction } from '../services/waste-reduction';
import { cachedAnswer } from '../dashboard-cache';
import { plainJson } from '../transformer';
import { orgProcedure, router } from '../trpc';

/** Dashboards only read: with DATABASE_READ_URL they read on the replica (server/replica.ts). */
const dashboardRead = () => orgProcedure('dashboards:read', { replica: true });

/** The pages under /[org]/dashboards: the portfolio, one stream, operational vs development, waste. */
export const dashboardsRouter = router({
  portfolio: dashboardRead()
    .input(portfolioInput)
    .query(({ ctx, input }) => {
      // The same organization, filters and weeks give the same answer until its data changes.
      // The key holds everything else the answer depends on: the filters, the weeks, and today.
      const today = new Date().toISOString().slice(0, 10);
      const { orgSlug: _slug, ...view } = input;
      const key = `portfolio ${today} ${JSON.stringify(view)}`;
      return cachedAnswer(
        ctx.actor.orgId,
        key,
        async () => plainJson(await portfolio(ctx.db, ctx.actor, { ...input, today })),
        ctx.readAt,
      );
    }),
  stream: dashboardRead()
    .input(streamDashboardInput)
    .query(async ({ ctx, input }) => plainJson(await streamDashboard(ctx.db, ctx.actor, input))),
  /** Operational vs development over the chosen weeks. */
  comparison: dashboardRead()
    .input(comparisonInput)
    .query(({ ctx, input }) => comparison(ctx.db, ctx.actor, input)),
  /** Waste reduction against a baseline, for the portfolio or one stream. */
  waste: dashboardRead()
    .input(wasteInput)
    .query(({ ctx, input }) => wasteReduction(ctx.db, ctx.actor, input)),
});
