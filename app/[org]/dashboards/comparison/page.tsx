import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ComparisonDashboard } from '@/components/dashboards/comparison-dashboard';
import { DashboardsNav } from '@/components/dashboards/dashboards-nav';
import { PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Operational vs development' };

export default async function ComparisonPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  return (
    <div>
      <PageHeader
        title="Operational vs development"
        description={`${org.name}'s operational streams beside its development streams: the same figures, how each describes itself, and what development improvements did to the streams they feed.`}
      />
      <DashboardsNav slug={slug} />
      <Suspense>
        <ComparisonDashboard />
      </Suspense>
    </div>
  );
}
