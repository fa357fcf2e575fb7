import 'server-only';
import { TRPCError } from '@trpc/server';
import { currentUserId } from '@/server/auth';
import { getDb } from '@/server/db';
import { createCaller } from '@/server/routers';

/** A tRPC caller for server components, with the session of the current request. */
export async function serverCaller() {
  return createCaller({ db: await getDb(), userId: await currentUserId() });
}

export function isTrpcCode(error: unknown, code: TRPCError['code']): boolean {
  return error instanceof TRPCError && error.code === code;
}
