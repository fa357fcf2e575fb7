'use client';

import { operationalTypes, streamKinds } from '@/lib/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { comparisonLines, kindLabels, typeLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import {
  emptyStream,
  streamFields,
  type StreamFields,
  type StreamFieldsInput,
} from '@/lib/validation/streams';

const fieldNames = [
  'name',
  'kind',
  'type',
  'trigger',
  'customer',
  'valueDelivered',
  'ownerId',
  'description',
  ...comparisonLines.map((l) => l.key),
] as const;

/** Registers a stream (no `streamId`) or edits one. */
export function StreamForm({
  streamId,
  initial,
}: {
  streamId?: string;
  initial?: StreamFieldsInput;
}) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug: org.slug }));
  const create = useMutation(trpc.streams.create.mutationOptions());
  const update = useMutation(trpc.streams.update.mutationOptions());
  const form = useForm<StreamFieldsInput, unknown, StreamFields>({
    resolver: zodResolver(streamFields),
    defaultValues: initial ?? emptyStream,
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });

  async function onSubmit(fields: StreamFields) {
    try {
      const id = streamId ?? (await create.mutateAsync({ orgSlug: org.slug, fields })).id;
      if (streamId) await update.mutateAsync({ orgSlug: org.slug, id: streamId, fields });
      await queryClient.invalidateQueries({ queryKey: trpc.streams.pathKey() });
      router.push(`/${org.slug}/streams/${id}`);
    } catch (error) {
      applyServerError(error, form.setError, fieldNames, { prefix: 'fields.' });
    }
  }

  const text = (
    name: (typeof fieldNames)[number],
    label: string,
    hint?: string,
    placeholder?: string,
  ) => (
    <Field label={label} error={errors[name]?.message} hint={hint}>
      {(ids) => (
        <input {...ids} className={inputClass} placeholder={placeholder} {...form.register(name)} />
      )}
    </Field>
  );

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
      <FormError message={errors.root?.server?.message} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">The stream</legend>
        {text('name', 'Name', undefined, 'e.g. Online order fulfillment')}
        <Field
          label="Owner"
          error={errors.ownerId?.message}
          hint="Team leads can edit the streams they own."
        >
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              {...form.register('ownerId', { setValueAs: (v: string) => v || null })}
            >
              <option value="">No owner</option>
              {members.data?.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Kind</legend>
          <div className="flex gap-4">
            {streamKinds.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="radio" value={k} className="size-4" {...form.register('kind')} />
                {kindLabels[k]}
              </label>
            ))}
          </div>
          <p className="text-xs text-slate-500">
            Operational streams serve customers; development streams build what they use.
          </p>
        </fieldset>
        {kind === 'operational' ? (
          <Field label="Type" error={errors.type?.message}>
            {(ids) => (
              <select
                {...ids}
                className={inputClass}
                {...form.register('type', { setValueAs: (v: string) => v || null })}
              >
                <option value="">Choose a type</option>
                {operationalTypes.map((t) => (
                  <option key={t} value={t}>
                    {typeLabels[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <div />
        )}
        {text(
          'trigger',
          'Trigger',
          'The customer request that starts the stream.',
          'e.g. A customer places an order online',
        )}
        {text(
          'customer',
          'Customer',
          undefined,
          kind === 'operational' ? 'e.g. Online shoppers' : 'e.g. The fulfillment teams',
        )}
        {text(
          'valueDelivered',
          'Value delivered',
          undefined,
          'e.g. The order at the door within 2 days',
        )}
        <Field label="Description" error={errors.description?.message} className="md:col-span-2">
          {(ids) => (
            <textarea {...ids} rows={3} className={inputClass} {...form.register('description')} />
          )}
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-1 text-lg font-semibold">How it compares</legend>
        <p className="-mt-2 text-sm text-slate-600 md:col-span-2 dark:text-slate-400">
          The six lines along which operational and development streams differ. Short answers; they
          appear on the comparison page.
        </p>
        {comparisonLines.map((line) => (
          <div key={line.key}>
            {text(
              line.key,
              line.label,
              undefined,
              `e.g. ${line[kind === 'development' ? 'development' : 'operational']}`,
            )}
          </div>
        ))}
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" pending={isSubmitting}>
          {streamId ? 'Save changes' : 'Register stream'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
