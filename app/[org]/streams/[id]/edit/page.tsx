import type { Metadata } from 'next';
import { StreamForm } from '@/components/streams/stream-form';
import { Card, PageHeader } from '@/components/ui/card';
import { loadStream } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Edit stream' };

export default async function EditStreamPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org: slug, id } = await params;
  const stream = await loadStream(slug, id);
  return (
    <div>
      <PageHeader title={`Edit ${stream.name}`} />
      <Card>
        {stream.canEdit ? (
          <StreamForm
            streamId={id}
            initial={{
              name: stream.name,
              kind: stream.kind,
              type: stream.type,
              trigger: stream.trigger,
              customer: stream.customer,
              valueDelivered: stream.valueDelivered,
              ownerId: stream.ownerId,
              description: stream.description,
              customerInteraction: stream.customerInteraction,
              workPattern: stream.workPattern,
              feedbackLoop: stream.feedbackLoop,
              teamComposition: stream.teamComposition,
              wasteKind: stream.wasteKind,
              iterationPace: stream.iterationPace,
            }}
          />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Your role cannot edit this stream. Team leads edit the streams they own; admins edit
            all.
          </p>
        )}
      </Card>
    </div>
  );
}
