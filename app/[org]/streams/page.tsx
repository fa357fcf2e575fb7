import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { StreamsList } from '@/components/streams/streams-list';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Value streams' };

export default async function StreamsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
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
        <StreamsList />
      </Suspense>
    </div>
  );
}
