import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { MeasurementsTable } from '@/components/measurements/measurements-table';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Measurements' };

export default async function MeasurementsPage({ params }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  // The streams only: the table's rows (up to 1,000, sorted and paged in the browser) would make
  // the HTML over a megabyte; they come in one request after the page shows (docs/performance.md).
  await prefetch(trpc.streams.list.queryOptions({ orgSlug: slug, includeArchived: true }));
  return (
    <div>
      <PageHeader
        title="Measurements"
        description="What each stream did, week by week: lead time, throughput, WIP, quality and waste."
        actions={
          <div className="flex flex-wrap gap-2">
            {org.permissions.includes('measurements:audit') ? (
              <Button asChild variant="secondary">
                <Link href={`/${slug}/measurements/audit`}>Audit trail</Link>
              </Button>
            ) : null}
            {org.permissions.includes('measurements:import') ? (
              <Button asChild variant="secondary">
                <Link href={`/${slug}/measurements/import`}>Import a CSV</Link>
              </Button>
            ) : null}
            {org.permissions.includes('measurements:write') ? (
              <Button asChild>
                <Link href={`/${slug}/measurements/new`}>Log a week</Link>
              </Button>
            ) : null}
          </div>
        }
      />
      <Suspense>
        <HydrateClient>
          <MeasurementsTable />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
