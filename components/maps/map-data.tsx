import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { wastes as allWastes, type MapStep, type Waste } from '@/lib/vsm';
import type { RouterOutputs } from '@/components/trpc/types';

export type SavedMap = NonNullable<RouterOutputs['maps']['get']>;
export type LoadedStream = RouterOutputs['streams']['get'];

export function streamHref(org: string, id: string) {
  return `/${org}/streams/${id}`;
}

/** "Version 3, saved 12 Mar 2026 by Lena Lead", or that nothing is saved yet. */
export function versionLine(map: SavedMap | null): string {
  if (!map) return 'Not mapped yet.';
  return `Version ${map.version}, saved ${formatDate(map.createdAt)}${map.authorName ? ` by ${map.authorName}` : ''}.`;
}

const known = new Set<string>(allWastes);
export function savedMapSteps(map: SavedMap): MapStep[] {
  return map.steps.map((s) => ({
    name: s.name,
    processTimeSeconds: Number(s.processTimeSeconds),
    leadTimeSeconds: Number(s.leadTimeSeconds),
    pctCompleteAccurate: Number(s.pctCompleteAccurate),
    people: s.people,
    wastes: s.wastes.filter((w): w is Waste => known.has(w)),
    notes: s.notes,
  }));
}

export function BackLink({
  org,
  stream,
}: {
  org: string;
  stream: Pick<LoadedStream, 'id' | 'name'>;
}) {
  return (
    <Link
      href={streamHref(org, stream.id)}
      className="text-sm font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
    >
      ← {stream.name}
    </Link>
  );
}
