'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { lastFullWeek, localDay } from '@/lib/dates';
import { applyServerError, errorMessage, isCode } from '@/components/trpc/errors';
import {
  measurementInput,
  type MeasurementInput,
  type MeasurementValues,
} from '@/lib/validation/measurements';
import { formatPeriod } from '@/lib/format';
import { MetricFields } from './metric-fields';
import { ConflictPrompt, SavedNotice, type Saved } from './notices';
import { StreamPeriodFields } from './stream-period-fields';
import { calendarPhrase } from '@/lib/format';
import { calendarLookup } from './calendar';
import {
  emptyValues,
  loggableStreams,
  valuesOf,
  type MeasurementListRow,
  type StreamOption,
} from './shared';
import { usePrefill } from './use-prefill';
import { useHydrated } from '@/lib/use-hydrated';

/** The weekly entry form; with `editId`, the form for that saved measurement. */
export function MeasurementForm({ editId }: { editId?: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const streams = useQuery(trpc.streams.list.queryOptions({ orgSlug: org.slug }));
  const editing = useQuery(
    trpc.measurements.get.queryOptions(editId ? { orgSlug: org.slug, id: editId } : skipToken),
  );
  if (streams.isPending || (editId && editing.isPending)) {
    return (
      <div className="space-y-4" aria-label="Loading the form">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-16 w-full" />
        ))}
      </div>
    );
  }
  if (streams.isError) return <FormError message={errorMessage(streams.error)} />;
  if (editing.isError) {
    const gone = isCode(editing.error, 'NOT_FOUND') || isCode(editing.error, 'BAD_REQUEST');
    return (
      <FormError
        message={
          gone
            ? 'That measurement was not found. It may have been deleted.'
            : errorMessage(editing.error)
        }
      />
    );
  }
  return (
    <FormBody
      key={editId ?? 'new'}
      streams={loggableStreams(streams.data)}
      editing={editId ? editing.data : undefined}
    />
  );
}

function FormBody({ streams, editing }: { streams: StreamOption[]; editing?: MeasurementListRow }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const editable = streams.filter((s) => s.canEdit);
  const [initial] = useState(() =>
    editing
      ? valuesOf(editing.measurement)
      : emptyValues(editable[0]?.id ?? '', lastFullWeek(localDay(new Date()))),
  );
  const form = useForm<MeasurementInput, unknown, MeasurementValues>({
    resolver: zodResolver(measurementInput()),
    defaultValues: initial,
  });
  const [prefill, setPrefill] = useState(!editing);
  const [conflict, setConflict] = useState<{ values: MeasurementValues; next: boolean } | null>(
    null,
  );
  const [saved, setSaved] = useState<Saved | null>(null);
  const [streamId = '', stepName = '', periodStart = ''] = useWatch({
    control: form.control,
    name: ['streamId', 'stepName', 'periodStart'],
  });
  const previous = usePrefill(form, org.slug, { streamId, stepName, periodStart }, prefill);
  const save = useMutation(trpc.measurements.save.mutationOptions());
  const update = useMutation(trpc.measurements.update.mutationOptions());
  const fields = Object.keys(initial) as Path<MeasurementInput>[];
  const stream = streams.find((s) => s.id === streamId);
  const calendar = calendarLookup(streams)(streamId);
  const calendarNote = !stream
    ? `Days and weeks are working ${calendarPhrase(calendar)}.`
    : stream.calendar
      ? `Days and weeks are working ${calendarPhrase(calendar)}, as in the current map of ${stream.name}.`
      : `${stream.name} has no current map yet: days and weeks are working ${calendarPhrase(calendar)}.`;
  const nextStream = (() => {
    const at = editable.findIndex((s) => s.id === streamId);
    return at >= 0 ? editable[at + 1] : undefined;
  })();

  const submit = async (values: MeasurementValues, next: boolean, replace = false) => {
    setConflict(null);
    setSaved(null);
    try {
      const result = editing
        ? (await update.mutateAsync({
            orgSlug: org.slug,
            id: editing.measurement.id,
            measurement: values,
          }),
          { id: editing.measurement.id, replaced: false })
        : await save.mutateAsync({ orgSlug: org.slug, measurement: values, replace });
      void queryClient.invalidateQueries({ queryKey: trpc.measurements.pathKey() });
      const streamName = streams.find((s) => s.id === values.streamId)?.name ?? 'the stream';
      setSaved({
        ...result,
        streamId: values.streamId,
        streamName,
        stepName: values.stepName,
        period: formatPeriod(values.periodStart, values.periodEnd),
        edited: Boolean(editing),
      });
      if (next && nextStream) {
        form.reset(
          emptyValues(nextStream.id, {
            periodStart: values.periodStart,
            periodEnd: values.periodEnd,
          }),
        );
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else {
        form.reset(values);
      }
    } catch (error) {
      if (!editing && isCode(error, 'CONFLICT')) setConflict({ values, next });
      else applyServerError(error, form.setError, fields, { prefix: 'measurement.' });
    }
  };

  const hydrated = useHydrated();
  const pending = save.isPending || update.isPending;
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((v) => submit(v, false))}>
      {/* Disabled until hydrated: a value typed into the server's HTML would be lost. */}
      <fieldset disabled={!hydrated} className="min-w-0 space-y-6">
        {saved ? (
          <SavedNotice
            saved={saved}
            nextStreamName={
              saved.edited
                ? undefined
                : streams.find((s) => s.id === streamId && s.id !== saved.streamId)?.name
            }
          />
        ) : null}
        {editable.length === 0 ? (
          <FormError message="You do not lead a stream yet. Measurements are logged by a stream’s owner, or by an admin." />
        ) : null}
        <StreamPeriodFields form={form} streams={streams} />
        {editing ? null : (
          <div className="rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
            <label className="flex items-center gap-2 font-medium">
              <input
                type="checkbox"
                className="size-4"
                checked={prefill}
                onChange={(e) => setPrefill(e.target.checked)}
              />
              Prefill from the previous period
            </label>
            <p
              className="mt-0.5 ml-6 text-xs text-slate-600 dark:text-slate-400"
              aria-live="polite"
            >
              {!prefill
                ? 'Start from empty fields.'
                : previous === undefined
                  ? 'Looking for an earlier measurement of this stream…'
                  : previous
                    ? `Filled from ${formatPeriod(previous.periodStart, previous.periodEnd)}: change what differs.`
                    : 'No earlier measurement of this stream and step: start from empty.'}
            </p>
          </div>
        )}
        <MetricFields
          control={form.control}
          register={form.register}
          errors={errors}
          calendar={calendar}
          calendarNote={calendarNote}
        />
        <FormError message={errors.root?.server?.message} />
        {conflict ? (
          <ConflictPrompt
            pending={pending}
            onReplace={() => void submit(conflict.values, conflict.next, true)}
            onCancel={() => setConflict(null)}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4 dark:border-slate-700">
          <Button
            type="submit"
            pending={pending && !conflict}
            disabled={editable.length === 0 || Boolean(conflict)}
          >
            {editing ? 'Save changes' : 'Save'}
          </Button>
          {editing ? null : (
            <Button
              type="button"
              variant="secondary"
              disabled={!nextStream || pending || Boolean(conflict)}
              title={
                nextStream ? `Then log ${nextStream.name}` : 'This is the last stream you lead'
              }
              onClick={form.handleSubmit((v) => submit(v, true))}
            >
              Save and next stream
            </Button>
          )}
          <Button asChild variant="ghost">
            <Link href={`/${org.slug}/measurements`}>
              {editing ? 'Cancel' : 'Back to measurements'}
            </Link>
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
