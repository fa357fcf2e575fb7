import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { MapVersions } from '@/components/streams/map-versions';
import { PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadStream,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Map versions' };

export default async function VersionsPage({ params }: TenantPageProps<{ id: string }>) {
  const { org: slug, id } = await params;
  const stream = await loadStream(slug, id);
  await prefetch(trpc.maps.versions.queryOptions({ orgSlug: slug, streamId: id }));
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={`/${slug}/streams`} className="underline-offset-4 hover:underline">
          Value streams
        </Link>{' '}
        /{' '}
        <Link href={`/${slug}/streams/${id}`} className="underline-offset-4 hover:underline">
          {stream.name}
        </Link>{' '}
        /
      </nav>
      <PageHeader
        title="Map versions"
        description="Every re-mapping is kept. Pick two versions to see what changed."
      />
      <Suspense>
        <HydrateClient>
          <MapVersions orgSlug={slug} streamId={id} />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
