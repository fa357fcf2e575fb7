import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { isTrpcCode, loadOrg, serverCaller } from './server';

/** An improvement of the organization, once per request; unknown or another organization's id is a 404. */
export const loadImprovement = cache(async (orgSlug: string, id: string) => {
  await loadOrg(orgSlug);
  const caller = await serverCaller();
  return caller.improvements.get({ orgSlug, id }).catch((error: unknown) => {
    if (isTrpcCode(error, 'NOT_FOUND') || isTrpcCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  });
});
