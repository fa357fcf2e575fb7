import { TRPCClientError } from '@trpc/client';

/** The `fieldErrors` of a refused query (server/trpc.ts puts them in `error.data`), or null. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> | null {
  const data =
    error instanceof TRPCClientError
      ? (error.data as { fieldErrors?: Record<string, string[]> | null } | undefined)
      : undefined;
  return data?.fieldErrors ?? null;
}
