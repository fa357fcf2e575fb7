import { createCallerFactory, router } from '../trpc';
import { accountRouter } from './account';
import { apiTokensRouter } from './api-tokens';
import { authRouter } from './auth';
import { dashboardsRouter } from './dashboards';
import { importsRouter } from './imports';
import { improvementsRouter } from './improvements';
import { invitationsRouter } from './invitations';
import { mapsRouter } from './maps';
import { measurementsRouter } from './measurements';
import { membersRouter } from './members';
import { orgsRouter } from './orgs';
import { streamsRouter } from './streams';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  orgs: orgsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  streams: streamsRouter,
  maps: mapsRouter,
  measurements: measurementsRouter,
  apiTokens: apiTokensRouter,
  imports: importsRouter,
  dashboards: dashboardsRouter,
  improvements: improvementsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
