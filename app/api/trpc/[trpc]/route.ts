import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { crossSiteRefusal, isCrossSite } from '@/server/api/request';
import { currentUserId } from '@/server/auth';
import { getDb } from '@/server/db';
import { readRoute } from '@/server/replica-route';
import { appRouter } from '@/server/routers';

function handler(req: Request) {
  // Mutations ride on the session cookie: another site's page must not be able to send them.
  if (req.method === 'POST' && isCrossSite(req)) return crossSiteRefusal();
  const requestId = crypto.randomUUID();
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async ({ resHeaders }) => ({
      db: await getDb(),
      userId: await currentUserId(),
      requestId,
      // Dashboards may read on the replica; a write sends its WAL position back as a cookie.
      route: await readRoute(req.headers.get('cookie'), (cookie) =>
        resHeaders.append('set-cookie', cookie),
      ),
    }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`tRPC ${path ?? '?'} failed (request ${requestId}):`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
