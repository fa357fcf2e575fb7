'use client';

import type { MapState } from '@/lib/domain';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Card, PageHeader, Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { MapTotalsCards } from '@/components/vsm/map-totals';
import { ValueStreamMap } from '@/components/vsm/value-stream-map';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { computeMap } from '@/lib/vsm';
import { mapTitles } from '@/lib/labels';
import { BackLink, savedMapSteps, versionLine, type LoadedStream, type SavedMap } from './map-data';
import { MapForm } from './map-form';

/**
 * The current- or future-state map of a stream: loads the stream and the latest version of the
 * map, then the editor (or a read-only view for those who may not edit the stream).
 */
export function MapEditor({ streamId, state }: { streamId: string; state: MapState }) {
  const org = useOrg();
  const trpc = useTRPC();
  const stream = useQuery(trpc.streams.get.queryOptions({ orgSlug: org.slug, id: streamId }));
  const map = useQuery(trpc.maps.get.queryOptions({ orgSlug: org.slug, streamId, state }));
  const current = useQuery({
    ...trpc.maps.get.queryOptions({ orgSlug: org.slug, streamId, state: 'current' }),
    enabled: state === 'future',
  });

  if (stream.isError || map.isError) {
    return (
      <div className="space-y-4">
        <PageHeader title={mapTitles[state]} />
        <FormError message={`Could not load the map: ${errorMessage(stream.error ?? map.error)}`} />
        <Link
          href={`/${org.slug}/streams`}
          className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          ← All streams
        </Link>
      </div>
    );
  }
  if (stream.isPending || map.isPending || (state === 'future' && current.isPending))
    return <MapEditorSkeleton title={mapTitles[state]} />;

  if (!stream.data.canEdit)
    return <ReadOnlyMap stream={stream.data} map={map.data} state={state} />;
  return (
    <MapForm
      key={map.data?.id ?? 'new'}
      stream={stream.data}
      map={map.data}
      state={state}
      currentMap={state === 'future' ? (current.data ?? null) : null}
    />
  );
}

export function MapEditorSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true" aria-label={`Loading the ${title.toLowerCase()}`} className="space-y-4">
      <div className="space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-4 w-56" />
      </div>
      <Skeleton className="h-12 w-full" />
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-20 w-full" />
      ))}
      <Skeleton className="h-24 w-full" />
    </div>
  );
}

function ReadOnlyMap({
  stream,
  map,
  state,
}: {
  stream: LoadedStream;
  map: SavedMap | null;
  state: MapState;
}) {
  const org = useOrg();
  const steps = map ? savedMapSteps(map) : [];
  const result = computeMap(steps);
  const calendar = map
    ? { hoursPerDay: Number(map.hoursPerDay), daysPerWeek: Number(map.daysPerWeek) }
    : { hoursPerDay: 8, daysPerWeek: 5 };
  return (
    <div className="space-y-6">
      <BackLink org={org.slug} stream={stream} />
      <PageHeader title={mapTitles[state]} description={`${stream.name} · ${versionLine(map)}`} />
      <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300">
        You can read this map but not change it: admins, and the team lead who owns the stream, edit
        it.
      </p>
      {map && result.ok ? (
        <Card className="space-y-4">
          <MapTotalsCards totals={result.totals} calendar={calendar} />
          <ValueStreamMap
            steps={steps}
            totals={result.totals}
            calendar={calendar}
            title={`${mapTitles[state]}: ${stream.name}`}
          />
        </Card>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          There is no {state}-state map of this stream yet.
        </p>
      )}
    </div>
  );
}
