'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';

export function StreamActions({
  orgSlug,
  streamId,
  archived,
}: {
  orgSlug: string;
  streamId: string;
  archived: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.streams.pathKey() });
    router.refresh();
  };
  const archive = useMutation(trpc.streams.archive.mutationOptions({ onSuccess: done }));
  const restore = useMutation(trpc.streams.restore.mutationOptions({ onSuccess: done }));
  const error = archive.error ?? restore.error;
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <Button asChild variant="secondary">
        <Link href={`/${orgSlug}/streams/${streamId}/edit`}>Edit details</Link>
      </Button>
      {archived ? (
        <Button
          variant="secondary"
          pending={restore.isPending}
          onClick={() => restore.mutate({ orgSlug, id: streamId })}
        >
          Restore
        </Button>
      ) : (
        <ConfirmDialog
          trigger={<Button variant="secondary">Archive</Button>}
          title="Archive this stream?"
          description="It leaves the streams list and the dashboards; its maps and history are kept, and you can restore it at any time."
          confirmLabel="Archive"
          onConfirm={() => archive.mutate({ orgSlug, id: streamId })}
        />
      )}
      {error ? <FormError message={errorMessage(error)} /> : null}
    </div>
  );
}
