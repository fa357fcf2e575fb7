'use client';

import { improvementMetrics } from '@/lib/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { loggableStreams } from '@/components/measurements/shared';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import { localDay } from '@/lib/dates';
import {
  improvementFields,
  type ImprovementFields,
  type ImprovementFieldsInput,
} from '@/lib/validation/improvements';
import { wastes } from '@/lib/vsm/types';
import { metricLabels, wasteLabels } from '@/lib/labels';

const fieldNames = [
  'streamId',
  'stepName',
  'title',
  'waste',
  'metric',
  'ownerId',
  'startedOn',
  'completedOn',
  'windowWeeks',
  'expectedEffect',
  'notes',
] as const;

// The reader's day: late in the evening west of UTC, the UTC date is already tomorrow.
const today = () => localDay(new Date());

/** Records an improvement (no `id`) or edits one. */
export function ImprovementForm({
  id,
  initial,
  streamId,
}: {
  id?: string;
  initial?: ImprovementFieldsInput;
  streamId?: string;
}) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const streams = useQuery(trpc.streams.list.queryOptions({ orgSlug: org.slug }));
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug: org.slug }));
  const create = useMutation(trpc.improvements.create.mutationOptions());
  const update = useMutation(trpc.improvements.update.mutationOptions());
  const form = useForm<ImprovementFieldsInput, unknown, ImprovementFields>({
    resolver: zodResolver(improvementFields),
    defaultValues: initial ?? {
      streamId: streamId ?? '',
      title: '',
      metric: 'lead_time',
      waste: null,
      ownerId: null,
      startedOn: today(),
      completedOn: null,
      windowWeeks: 8,
      stepName: '',
      expectedEffect: '',
      notes: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const choices = loggableStreams(streams.data ?? []).filter(
    (s) => s.canEdit || s.id === initial?.streamId,
  );

  async function onSubmit(fields: ImprovementFields) {
    try {
      const saved = id ?? (await create.mutateAsync({ orgSlug: org.slug, fields })).id;
      if (id) await update.mutateAsync({ orgSlug: org.slug, id, fields });
      await queryClient.invalidateQueries({ queryKey: trpc.improvements.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.dashboards.pathKey() });
      router.push(`/${org.slug}/improvements/${saved}`);
    } catch (error) {
      applyServerError(error, form.setError, fieldNames, { prefix: 'fields.' });
    }
  }

  const nullable = { setValueAs: (v: string) => v || null };
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="max-w-3xl space-y-6">
      <FormError message={errors.root?.server?.message} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Title" error={errors.title?.message} className="md:col-span-2">
          {(ids) => (
            <input
              {...ids}
              className={inputClass}
              placeholder="e.g. Pull system between picking and packing"
              {...form.register('title')}
            />
          )}
        </Field>
        <Field
          label="Stream"
          error={errors.streamId?.message}
          hint={
            streams.isPending
              ? 'Loading streams…'
              : 'Team leads record improvements on the streams they own.'
          }
        >
          {(ids) => (
            <select {...ids} className={inputClass} {...form.register('streamId')}>
              <option value="">Choose a stream</option>
              {choices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Step (optional)"
          error={errors.stepName?.message}
          hint="Leave empty for the whole stream."
        >
          {(ids) => <input {...ids} className={inputClass} {...form.register('stepName')} />}
        </Field>
        <Field label="Waste it targets" error={errors.waste?.message}>
          {(ids) => (
            <select {...ids} className={inputClass} {...form.register('waste', nullable)}>
              <option value="">No waste in particular</option>
              {wastes.map((w) => (
                <option key={w} value={w}>
                  {wasteLabels[w]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Figure it should move"
          error={errors.metric?.message}
          hint="Its before and after are compared on this figure."
        >
          {(ids) => (
            <select {...ids} className={inputClass} {...form.register('metric')}>
              {improvementMetrics.map((m) => (
                <option key={m} value={m}>
                  {metricLabels[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Owner" error={errors.ownerId?.message}>
          {(ids) => (
            <select {...ids} className={inputClass} {...form.register('ownerId', nullable)}>
              <option value="">No owner</option>
              {members.data?.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Weeks to compare"
          error={errors.windowWeeks?.message}
          hint="Before the start and after completion (2 to 52)."
        >
          {(ids) => (
            <input
              {...ids}
              type="number"
              min={2}
              max={52}
              className={inputClass}
              {...form.register('windowWeeks', { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field label="Started on" error={errors.startedOn?.message}>
          {(ids) => (
            <input {...ids} type="date" className={inputClass} {...form.register('startedOn')} />
          )}
        </Field>
        <Field
          label="Completed on"
          error={errors.completedOn?.message}
          hint="Leave empty while it is under way."
        >
          {(ids) => (
            <input
              {...ids}
              type="date"
              className={inputClass}
              {...form.register('completedOn', nullable)}
            />
          )}
        </Field>
        <Field
          label="Expected effect"
          error={errors.expectedEffect?.message}
          className="md:col-span-2"
        >
          {(ids) => (
            <input
              {...ids}
              className={inputClass}
              placeholder="e.g. Lead time down by a third"
              {...form.register('expectedEffect')}
            />
          )}
        </Field>
        <Field label="Notes" error={errors.notes?.message} className="md:col-span-2">
          {(ids) => (
            <textarea {...ids} rows={4} className={inputClass} {...form.register('notes')} />
          )}
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" pending={isSubmitting}>
          {id ? 'Save changes' : 'Record the improvement'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
