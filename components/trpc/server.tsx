import 'server-only';
import { dehydrate, type FetchQueryOptions, HydrationBoundary } from '@tanstack/react-query';
import { TRPCError } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { notFound, redirect } from 'next/navigation';
import { cookies, headers } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { addressOf, currentSession } from '@/server/auth';
import { getDb } from '@/server/db';
import { readRoute } from '@/server/replica-route';
import { appRouter, createCaller } from '@/server/routers';
import { makeQueryClient } from './query-client';

/**
 * A tRPC caller for server components, with the session of the current request (one per request).
 * `connection()` first: a page that reads the database is never prerendered, so `next build`
 * never opens it.
 */
export const serverCaller = cache(async () => createCaller(await serverContext()));

/** The context of a server component's calls: the session the cookie claims, the address. */
const serverContext = cache(async () => {
  await connection();
  const [db, session, requestHeaders, route] = await Promise.all([
    getDb(),
    currentSession(),
    headers(),
    pageReadRoute(),
  ]);
  return { db, session, address: addressOf(requestHeaders), route };
});

/** What Next hands a page under /[org]: the route's segments and the URL's query. */
export interface TenantPageProps<P extends object = object> {
  params: Promise<{ org: string } & P>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The query client of this request: what the page prefetches, to be handed to the browser. */
const getQueryClient = cache(makeQueryClient);

/**
 * Query options on the server, the same as `useTRPC()` gives a client component, so a prefetched
 * answer lands under the key the component will read.
 */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  queryClient: getQueryClient,
  ctx: serverContext,
});

/** A page's read route: its request's `vs-wrote` cookie (a page only reads, so it sets none). */
async function pageReadRoute() {
  return readRoute((await cookies()).toString());
}

/**
 * Runs the page's queries on the server before it renders, so the first HTML already holds the
 * figures. A query that fails is left out: the component asks again in the browser and shows the
 * error as it would have.
 */
export async function prefetch(...queries: { queryKey: readonly unknown[] }[]): Promise<void> {
  const client = getQueryClient();
  // Each is `trpc.<path>.queryOptions(input)`: its own types are too precise to list as one.
  await Promise.all(queries.map((q) => client.prefetchQuery(q as FetchQueryOptions)));
}

/** Puts an answer the page already holds (from `loadStream` and the like) under its query's key. */
export function primeQuery<T>(
  query: { queryKey: readonly unknown[]; '~types'?: unknown },
  data: T,
) {
  getQueryClient().setQueryData(query.queryKey, data);
}

/** Hands what this request prefetched to the browser's query client. */
export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

export function isTrpcCode(error: unknown, code: TRPCError['code']): boolean {
  return error instanceof TRPCError && error.code === code;
}

/**
 * The organization of an [org] URL with the caller's role, once per request. Layout and page
 * render concurrently, so both call this: an unknown slug, or one the caller is not a member of,
 * is a 404 wherever it is noticed first; signed out, the sign-in page.
 */
export const loadOrg = cache(async (orgSlug: string) => {
  const caller = await serverCaller();
  return caller.orgs.current({ orgSlug }).catch((error: unknown) => {
    if (isTrpcCode(error, 'UNAUTHORIZED'))
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${orgSlug}`)}`);
    if (isTrpcCode(error, 'NOT_FOUND') || isTrpcCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  });
});

/** A stream of the organization, once per request; unknown or another organization's id is a 404. */
export const loadStream = cache(async (orgSlug: string, id: string) => {
  await loadOrg(orgSlug);
  const caller = await serverCaller();
  return caller.streams.get({ orgSlug, id }).catch((error: unknown) => {
    if (isTrpcCode(error, 'NOT_FOUND') || isTrpcCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  });
});

/** An improvement of the organization, once per request; unknown or another organization's id is a 404. */
export const loadImprovement = cache(async (orgSlug: string, id: string) => {
  await loadOrg(orgSlug);
  const caller = await serverCaller();
  return caller.improvements.get({ orgSlug, id }).catch((error: unknown) => {
    if (isTrpcCode(error, 'NOT_FOUND') || isTrpcCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  });
});

/** A measurement of the organization, once per request; unknown or another organization's id is a 404. */
export const loadMeasurement = cache(async (orgSlug: string, id: string) => {
  await loadOrg(orgSlug);
  const caller = await serverCaller();
  return caller.measurements.get({ orgSlug, id }).catch((error: unknown) => {
    if (isTrpcCode(error, 'NOT_FOUND') || isTrpcCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  });
});
