import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AuditTrail } from '@/components/measurements/audit-trail';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Audit trail of measurements' };

/** Owners and admins: every change and deletion of a measurement, `?stream=` narrowing it. */
export default async function MeasurementAuditPage({ params, searchParams }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const { stream } = await searchParams;
  if (org.permissions.includes('measurements:audit')) {
    await prefetch(
      trpc.streams.list.queryOptions({ orgSlug: slug, includeArchived: true }),
      // The whole trail; one narrowed to a stream is asked for by the browser.
      ...(stream
        ? []
        : [trpc.measurements.audit.queryOptions({ orgSlug: slug, streamId: undefined })]),
    );
  }
  return (
    <div>
      <PageHeader
        title="Audit trail"
        description="Every change to a measurement and every deletion: who, when, and what it was before and after."
        actions={
          <Button asChild variant="secondary">
            <Link href={`/${slug}/measurements`}>Back to measurements</Link>
          </Button>
        }
      />
      {org.permissions.includes('measurements:audit') ? (
        <Suspense>
          <HydrateClient>
            <AuditTrail />
          </HydrateClient>
        </Suspense>
      ) : (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Only owners and admins read the audit trail. Ask an admin of {org.name} if you need to
            know who changed a measurement.
          </p>
        </Card>
      )}
    </div>
  );
}
