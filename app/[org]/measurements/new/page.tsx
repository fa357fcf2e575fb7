import type { Metadata } from 'next';
import { MeasurementForm } from '@/components/measurements/measurement-form';
import { Card, PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadMeasurement,
  loadOrg,
  prefetch,
  primeQuery,
  trpc,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Log a week' };

export default async function NewMeasurementPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ id?: string | string[] }>;
}) {
  const { org: slug } = await params;
  const { id } = await searchParams;
  const editId = typeof id === 'string' && id ? id : undefined;
  const org = await loadOrg(slug);
  // Another organization's measurement, or one that is gone, is a 404 like any other page.
  if (editId) {
    const query = trpc.measurements.get.queryOptions({ orgSlug: slug, id: editId });
    primeQuery(query, await loadMeasurement(slug, editId));
  }
  if (org.permissions.includes('measurements:write'))
    await prefetch(trpc.streams.list.queryOptions({ orgSlug: slug }));
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={editId ? 'Edit a measurement' : 'Log a week'}
        description={
          editId
            ? 'Changes are kept in the audit trail.'
            : 'The numbers of one stream (or one step) for one period. Leave blank what you did not measure.'
        }
      />
      <Card>
        {org.permissions.includes('measurements:write') ? (
          <HydrateClient>
            <MeasurementForm editId={editId} />
          </HydrateClient>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Viewers cannot log measurements. Ask a team lead or an admin.
          </p>
        )}
      </Card>
    </div>
  );
}
