import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardsNav } from '@/components/dashboards/dashboards-nav';
import { WasteDashboard } from '@/components/dashboards/waste-dashboard';
import { PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Waste reduction' };

export default async function WastePage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  return (
    <div>
      <PageHeader
        title="Waste reduction"
        description={`Hours lost to the eight wastes at ${org.name}, week by week, against a baseline, with the improvements that set out to reduce them.`}
      />
      <DashboardsNav slug={slug} />
      <Suspense>
        <WasteDashboard />
      </Suspense>
    </div>
  );
}
