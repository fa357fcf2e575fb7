import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { currentUserId } from '@/server/auth';
import { getDb } from '@/server/db';
import { createCaller } from '@/server/routers';

/**
 * A tRPC caller for server components, with the session of the current request (one per request).
 * `connection()` first: a page that reads the database is never prerendered, so `next build`
 * never opens it.
 */
export const serverCaller = cache(async () => {
  await connection();
  const userId = await currentUserId();
  return createCaller({ db: await getDb(), userId });
});

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
