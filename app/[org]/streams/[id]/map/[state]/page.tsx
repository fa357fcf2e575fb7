import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MapEditor } from '@/components/maps/map-editor';
import { loadStream } from '@/components/trpc/server';
import { mapStateSchema } from '@/lib/validation/maps';
import { streamIdSchema } from '@/lib/validation/streams';

interface Params {
  params: Promise<{ org: string; id: string; state: string }>;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { state } = await params;
  return { title: state === 'future' ? 'Future-state map' : 'Current-state map' };
}

/** Edit the current- or future-state map of a stream (a new version on every save). */
export default async function MapPage({ params }: Params) {
  const { org, id, state } = await params;
  const parsedState = mapStateSchema.safeParse(state);
  if (!parsedState.success || !streamIdSchema.safeParse(id).success) notFound();
  // An unknown stream, or another organization's, is a 404 here as on the stream's other pages.
  await loadStream(org, id);
  return <MapEditor streamId={id} state={parsedState.data} />;
}
