/** The tRPC endpoint's handler, without the session lookup (the route passes it in). */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Db } from '@/db/client';
import { MAX_BATCH_SIZE } from '@/lib/api/batch';
import { log, requestIdFrom } from '../log';
import { failures } from '../metrics';
import { appRouter } from '../routers';
import type { ReadRoute } from '../replica';
import type { SessionClaim } from '../services/sessions';
import { crossSiteRefusal, isCrossSite } from './request';

export interface TrpcRequestContext {
  db: Db;
  session: SessionClaim | null;
  address: string;
  /** The read replica and the caller's `vs-wrote` cookie, when DATABASE_READ_URL is set. */
  route?: ReadRoute | null;
}

export function handleTrpc(
  req: Request,
  /** Builds the context; `resHeaders` are the answer's, for a cookie the context sets. */
  context: (resHeaders: Headers) => Promise<TrpcRequestContext>,
): Promise<Response> {
  // Mutations ride on the session cookie: another site's page must not be able to send them.
  if (req.method === 'POST' && isCrossSite(req)) return Promise.resolve(crossSiteRefusal());
  const requestId = requestIdFrom(req.headers);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async ({ resHeaders }) => ({ ...(await context(resHeaders)), requestId }),
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
