import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AuditTrail } from '@/components/measurements/audit-trail';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Audit trail of measurements' };

/** Owners and admins: every change and deletion of a measurement, `?stream=` narrowing it. */
export default async function MeasurementAuditPage({
  params,
}: {
  params: Promise<{ org: string }>;
}) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
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
          <AuditTrail />
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
