import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { StreamDashboard } from '@/components/dashboards/stream-dashboard';
import { Badge } from '@/components/ui/card';
import { kindLabels, typeLabels } from '@/lib/labels';
import { loadWeeks, streamDashboardInput } from '@/components/dashboards/views';
import {
  HydrateClient,
  loadStream,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Stream dashboard' };

export default async function StreamDashboardPage({
  params,
  searchParams,
}: TenantPageProps<{ id: string }>) {
  const { org: slug, id } = await params;
  const stream = await loadStream(slug, id);
  const weeks = await loadWeeks(searchParams);
  await prefetch(trpc.dashboards.stream.queryOptions(streamDashboardInput(slug, id, weeks)));
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 print:hidden">
        <Link href={`/${slug}/dashboards`} className="underline-offset-4 hover:underline">
          Portfolio
        </Link>{' '}
        /{' '}
        <Link href={`/${slug}/streams/${id}`} className="underline-offset-4 hover:underline">
          {stream.name}
        </Link>{' '}
        /
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">{stream.name}: dashboard</h1>
        <div className="mt-2 flex flex-wrap gap-2">
          <Badge tone={stream.kind === 'operational' ? 'indigo' : 'green'}>
            {kindLabels[stream.kind]}
          </Badge>
          {stream.type ? <Badge>{typeLabels[stream.type]}</Badge> : null}
          {stream.archivedAt ? <Badge tone="amber">Archived</Badge> : null}
        </div>
      </div>
      <Suspense>
        <HydrateClient>
          <StreamDashboard streamId={id} />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
