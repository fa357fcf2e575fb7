import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ComparisonDashboard } from '@/components/dashboards/comparison-dashboard';
import { DashboardsNav } from '@/components/dashboards/dashboards-nav';
import { PageHeader } from '@/components/ui/card';
import { comparisonInput, loadWeeks } from '@/components/dashboards/views';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Operational vs development' };

export default async function ComparisonPage({ params, searchParams }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const weeks = await loadWeeks(searchParams);
  await prefetch(trpc.dashboards.comparison.queryOptions(comparisonInput(slug, weeks)));
  return (
    <div>
      <PageHeader
        title="Operational vs development"
        description={`${org.name}'s operational streams beside its development streams: the same figures, how each describes itself, and what development improvements did to the streams they feed.`}
      />
      <DashboardsNav slug={slug} />
      <Suspense>
        <HydrateClient>
          <ComparisonDashboard />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
