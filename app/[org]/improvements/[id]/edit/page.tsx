import type { Metadata } from 'next';
import { ImprovementForm } from '@/components/improvements/improvement-form';
import { Card, PageHeader } from '@/components/ui/card';
import { loadImprovement } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Edit an improvement' };

export default async function EditImprovementPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org: slug, id } = await params;
  const i = await loadImprovement(slug, id);
  const initial = {
    streamId: i.streamId,
    stepName: i.stepName,
    title: i.title,
    waste: i.waste,
    metric: i.metric,
    ownerId: i.ownerId,
    startedOn: i.startedOn,
    completedOn: i.completedOn,
    windowWeeks: i.windowWeeks,
    expectedEffect: i.expectedEffect,
    notes: i.notes,
  };
  return (
    <div className="max-w-4xl">
      <PageHeader title={`Edit “${i.title}”`} />
      <Card>
        {i.canEdit ? (
          <ImprovementForm id={id} initial={initial} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Only admins and the stream’s owner can edit this improvement.
          </p>
        )}
      </Card>
    </div>
  );
}
