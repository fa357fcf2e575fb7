import { createCallerFactory, router } from '../trpc';
import { authRouter } from './auth';
import { invitationsRouter } from './invitations';
import { membersRouter } from './members';
import { orgsRouter } from './orgs';

export const appRouter = router({
  auth: authRouter,
  orgs: orgsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
