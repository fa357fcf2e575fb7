'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Skeleton } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { formatDateTime } from '@/lib/format';

const browsers = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
] as const;
const systems = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
] as const;

/** A browser's name from its User-Agent, roughly: enough to tell one's sessions apart. */
function browserOf(userAgent: string): string {
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'Unknown browser';
}

/** The person's signed-in sessions, and "sign out everywhere". */
export function SessionsList() {
  const trpc = useTRPC();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const [error, setError] = useState<string>();
  const everywhere = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      // This session ended with the others: drop its cookie too, and go to sign in.
      onSuccess: () => signOut({ redirectTo: '/sign-in' }),
      onError: (e) => setError(errorMessage(e)),
    }),
  );

  return (
    <div className="space-y-4">
      <FormError message={error} />
      {sessions.isPending ? (
        <div className="space-y-2" aria-label="Loading sessions">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      ) : sessions.isError ? (
        <FormError message={`Could not load your sessions: ${errorMessage(sessions.error)}`} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your signed-in sessions</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Browser
                </th>
                <th scope="col" className="px-4 py-2">
                  Signed in
                </th>
                <th scope="col" className="px-4 py-2">
                  Last seen
                </th>
                <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                  Ends
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
              {sessions.data.map((s) => (
                <tr key={s.id} aria-current={s.current ? 'true' : undefined}>
                  <td className="px-4 py-2">
                    {browserOf(s.userAgent)}{' '}
                    {s.current ? <Badge tone="indigo">This browser</Badge> : null}
                  </td>
                  <td className="px-4 py-2">{formatDateTime(s.createdAt)}</td>
                  <td className="px-4 py-2">{formatDateTime(s.lastSeenAt)}</td>
                  <td className="hidden px-4 py-2 sm:table-cell">{formatDateTime(s.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        trigger={
          <Button variant="danger" pending={everywhere.isPending}>
            Sign out everywhere
          </Button>
        }
        title="Sign out everywhere?"
        description="Every browser signed in to your account is signed out at once, this one too. You sign in again with your password."
        confirmLabel="Sign out everywhere"
        onConfirm={() => everywhere.mutate()}
      />
    </div>
  );
}
