import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { StreamsList } from '@/components/streams/streams-list';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { loadStreamsListView, streamsListInput } from '@/components/streams/views';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Value streams' };

export default async function StreamsPage({ params, searchParams }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const view = await loadStreamsListView(searchParams);
  await prefetch(trpc.streams.list.queryOptions(streamsListInput(slug, view)));
  const canCreate = org.permissions.includes('streams:create');
  return (
    <div>
      <PageHeader
        title="Value streams"
        description="Operational streams serve customers day to day; development streams build what they use."
        actions={
          canCreate ? (
            <div className="flex gap-2">
              <Button asChild variant="secondary">
                <Link href={`/${slug}/streams/new/quick`}>Quick add</Link>
              </Button>
              <Button asChild>
                <Link href={`/${slug}/streams/new`}>Register with the guide</Link>
              </Button>
            </div>
          ) : null
        }
      />
      <Suspense>
        <HydrateClient>
          <StreamsList />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
