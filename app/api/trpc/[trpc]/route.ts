import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { crossSiteRefusal, isCrossSite } from '@/server/api/request';
import { currentUserId } from '@/server/auth';
import { getDb } from '@/server/db';
import { log, requestIdFrom } from '@/server/log';
import { failures } from '@/server/metrics';
import { readRoute } from '@/server/replica-route';
import { appRouter } from '@/server/routers';

function handler(req: Request) {
  // Mutations ride on the session cookie: another site's page must not be able to send them.
  if (req.method === 'POST' && isCrossSite(req)) return crossSiteRefusal();
  const requestId = requestIdFrom(req.headers);
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
    // Every answer is someone's data, or depends on who asks: no cache, shared or private, keeps it.
    responseMeta: () => ({ headers: { 'cache-control': 'no-store' } }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        failures.inc({ kind: 'internal' });
        log.error({ err: error.cause ?? error, path, requestId }, 'tRPC procedure failed');
      } else if (error.code === 'SERVICE_UNAVAILABLE') {
        failures.inc({ kind: 'transient' });
        log.warn(
          { err: error.cause ?? error, path, requestId },
          'tRPC procedure hit a transient failure',
        );
      }
    },
  });
}

export { handler as GET, handler as POST };
