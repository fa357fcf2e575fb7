import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardsNav } from '@/components/dashboards/dashboards-nav';
import { WasteDashboard } from '@/components/dashboards/waste-dashboard';
import { PageHeader } from '@/components/ui/card';
import { loadWasteView, loadWeeks, wasteInput } from '@/components/dashboards/views';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Waste reduction' };

export default async function WastePage({ params, searchParams }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const [weeks, view] = await Promise.all([loadWeeks(searchParams), loadWasteView(searchParams)]);
  await prefetch(
    trpc.dashboards.waste.queryOptions(wasteInput(slug, weeks, view)),
    trpc.streams.list.queryOptions({ orgSlug: slug }),
  );
  return (
    <div>
      <PageHeader
        title="Waste reduction"
        description={`Hours lost to the eight wastes at ${org.name}, week by week, against a baseline, with the improvements that set out to reduce them.`}
      />
      <DashboardsNav slug={slug} />
      <Suspense>
        <HydrateClient>
          <WasteDashboard />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
