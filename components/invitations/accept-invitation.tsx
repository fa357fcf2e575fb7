'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';

export function AcceptInvitation({
  orgSlug,
  token,
  signedInAs,
}: {
  orgSlug: string;
  token: string;
  signedInAs: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: (result) => router.push(`/${result.orgSlug}`),
    }),
  );
  return (
    <div className="space-y-3">
      {accept.isError ? <FormError message={errorMessage(accept.error)} /> : null}
      <Button
        pending={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate({ orgSlug, token })}
      >
        Accept invitation
      </Button>
      <p className="text-xs text-slate-500">Signed in as {signedInAs}.</p>
    </div>
  );
}
