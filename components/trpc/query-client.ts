import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import { transformer } from '@/server/transformer';
import { errorCode, type ErrorCode } from './errors';

/** Not-found, forbidden and bad input will not get better by asking again. */
const noRetry: readonly ErrorCode[] = ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'BAD_REQUEST'];

/**
 * The query client of one request on the server and of the page in the browser, configured the
 * same way on both sides: what the server prefetches crosses into the HTML with tRPC's transformer
 * and is read back by the browser's, and is fresh for 30 s there, so nothing is fetched twice.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => {
          const code = errorCode(error);
          return count < 2 && !(code && noRetry.includes(code));
        },
      },
      dehydrate: {
        serializeData: transformer.serialize,
        // Only answers: a failed prefetch is fetched again in the browser, where its error shows.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) && query.state.status === 'success',
      },
      hydrate: { deserializeData: transformer.deserialize },
    },
  });
}
