import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardsNav } from '@/components/dashboards/dashboards-nav';
import { PortfolioDashboard } from '@/components/dashboards/portfolio-dashboard';
import { loadPortfolioView, portfolioInput } from '@/components/dashboards/views';
import { PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Portfolio' };

export default async function PortfolioPage({ params, searchParams }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const view = await loadPortfolioView(searchParams);
  await prefetch(
    trpc.dashboards.portfolio.queryOptions(portfolioInput(slug, view)),
    trpc.members.list.queryOptions({ orgSlug: slug }),
  );
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
        <HydrateClient>
          <PortfolioDashboard />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
