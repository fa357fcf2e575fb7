import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitation } from '@/components/invitations/accept-invitation';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { roleLabels } from '@/lib/labels';
import { serverCaller } from '@/components/trpc/server';
import { auth } from '@/server/auth';

export const metadata: Metadata = { title: 'Invitation' };

export default async function JoinPage({
  params,
}: {
  params: Promise<{ org: string; token: string }>;
}) {
  const { org: orgSlug, token } = await params;
  const here = `/join/${orgSlug}/${token}`;
  const [caller, session] = await Promise.all([serverCaller(), auth()]);
  const invitation = await caller.invitations.preview({ orgSlug, token }).catch(() => null);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <Link
        href="/"
        className="mb-6 text-xl font-bold tracking-tight text-indigo-700 dark:text-indigo-400"
      >
        Valuestream
      </Link>
      <Card className="w-full max-w-md">
        {!invitation ? (
          <>
            <h1 className="text-xl font-semibold">This invitation link is not valid</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              Check that you copied the whole link, or ask for a new one.
            </p>
          </>
        ) : invitation.message ? (
          <>
            <h1 className="text-xl font-semibold">Invitation to {invitation.orgName}</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" role="alert">
              {invitation.message}
            </p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">Join {invitation.orgName}</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              You are invited as <strong>{roleLabels[invitation.role]}</strong>
              {invitation.email ? <> (for {invitation.email})</> : null}.
            </p>
            <div className="mt-5">
              {session?.user ? (
                <AcceptInvitation
                  orgSlug={orgSlug}
                  token={token}
                  signedInAs={session.user.email ?? ''}
                />
              ) : (
                <div className="flex flex-wrap gap-3">
                  <Button asChild>
                    <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
                      Create an account
                    </Link>
                  </Button>
                  <Button asChild variant="secondary">
                    <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link>
                  </Button>
                </div>
              )}
            </div>
          </>
        )}
      </Card>
    </main>
  );
}
