'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { MapComparison } from '@/components/vsm/map-comparison';
import { MapTotalsCards } from '@/components/vsm/map-totals';
import { ValueStreamMap } from '@/components/vsm/value-stream-map';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { DurationViewSwitch } from '@/components/ui/duration-view';
import { FormError } from '@/components/ui/field';
import { toDrawable } from '@/lib/maps/drawable';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { compareMaps } from '@/lib/vsm/map';

/** The stream's current-state map with its totals, and the future state compared with it. */
export function StreamMaps({
  orgSlug,
  streamId,
  canEdit,
}: {
  orgSlug: string;
  streamId: string;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const currentQ = useQuery(trpc.maps.get.queryOptions({ orgSlug, streamId, state: 'current' }));
  const futureQ = useQuery(trpc.maps.get.queryOptions({ orgSlug, streamId, state: 'future' }));
  const startFuture = useMutation(
    trpc.maps.startFuture.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.maps.pathKey() });
        router.push(`/${orgSlug}/streams/${streamId}/map/future`);
      },
    }),
  );
  const base = `/${orgSlug}/streams/${streamId}`;

  if (currentQ.isPending || futureQ.isPending) return <Skeleton className="h-72 w-full" />;
  if (currentQ.isError)
    return <FormError message={`Could not load the map: ${errorMessage(currentQ.error)}`} />;
  const current = toDrawable(currentQ.data);
  const future = toDrawable(futureQ.data ?? null);

  if (!currentQ.data || !current) {
    return (
      <Card className="text-center">
        <h2 className="text-lg font-semibold">No current-state map yet</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Map the steps from the trigger to delivered value, with process time, lead time and
          %C&amp;A for each: the totals, flow efficiency and bottleneck follow.
        </p>
        {canEdit ? (
          <Button asChild className="mt-4">
            <Link href={`${base}/map/current`}>Map the current state</Link>
          </Button>
        ) : null}
      </Card>
    );
  }

  return (
    <div className="space-y-8">
      <DurationViewSwitch calendars={current.calendar} />
      <section aria-labelledby="current-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="current-heading" className="text-lg font-semibold">
              Current state
            </h2>
            <p className="text-sm text-slate-500">
              Version {currentQ.data.version} · saved {formatDate(currentQ.data.createdAt)}
              {currentQ.data.authorName ? ` by ${currentQ.data.authorName}` : ''} ·{' '}
              <Link className="underline underline-offset-4" href={`${base}/versions`}>
                all versions
              </Link>
            </p>
          </div>
          <div className="flex gap-2 print:hidden">
            {canEdit ? (
              <Button asChild variant="secondary">
                <Link href={`${base}/map/current`}>Re-map current state</Link>
              </Button>
            ) : null}
            {canEdit && !futureQ.data ? (
              <Button
                pending={startFuture.isPending}
                onClick={() => startFuture.mutate({ orgSlug, streamId })}
              >
                Start the future state from the current one
              </Button>
            ) : null}
          </div>
        </div>
        {startFuture.isError ? <FormError message={errorMessage(startFuture.error)} /> : null}
        <MapTotalsCards totals={current.totals} calendar={current.calendar} />
        {!future ? (
          <ValueStreamMap
            steps={current.steps}
            totals={current.totals}
            calendar={current.calendar}
            title="Current state"
          />
        ) : null}
      </section>

      {futureQ.data && future ? (
        <section aria-labelledby="future-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 id="future-heading" className="text-lg font-semibold">
                Current and future state
              </h2>
              <p className="text-sm text-slate-500">
                Future state version {futureQ.data.version} · saved{' '}
                {formatDate(futureQ.data.createdAt)}
              </p>
            </div>
            {canEdit ? (
              <Button asChild variant="secondary" className="print:hidden">
                <Link href={`${base}/map/future`}>Edit future state</Link>
              </Button>
            ) : null}
          </div>
          <MapComparison
            current={current}
            future={future}
            delta={compareMaps(current.totals, future.totals)}
            calendar={current.calendar}
          />
        </section>
      ) : null}
    </div>
  );
}
