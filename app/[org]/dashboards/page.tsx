import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardsNav } from '@/components/dashboards/dashboards-nav';
import { PortfolioDashboard } from '@/components/dashboards/portfolio-dashboard';
import { PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Portfolio' };

export default async function PortfolioPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  return (
    <div>
      <PageHeader
        title="Portfolio"
        description={`How ${org.name}'s value streams flow, week by week: lead time, flow efficiency, throughput and waste, against the weeks before.`}
      />
      <Suspense>
        <DashboardsNav slug={slug} />
      </Suspense>
      <Suspense>
        <PortfolioDashboard />
      </Suspense>
    </div>
  );
}
