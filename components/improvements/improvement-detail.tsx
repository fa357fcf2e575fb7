'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ChartFigure } from '@/components/dashboards/chart-figure';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormError, inputClass } from '@/components/ui/field';
import { formatDate, formatNumber } from '@/lib/format';
import { dayNumber, localDay } from '@/lib/dates';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import type { RouterOutputs } from '@/components/trpc/types';
import { metricLabels, wasteLabels } from '@/lib/labels';
import { ImprovementBadge } from './verdict';

type Improvement = RouterOutputs['improvements']['get'];

const Chart = dynamic(() => import('./before-after-chart'), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

/** The chart's unit and scale for a metric: durations in hours. */
function scaleOf(metric: Improvement['metric']) {
  if (metric === 'lead_time' || metric === 'process_time') return { unit: ' h', scale: 1 / 3600 };
  if (metric === 'flow_efficiency' || metric === 'pct_complete_accurate')
    return { unit: '%', scale: 1 };
  if (metric === 'waste_hours') return { unit: ' h', scale: 1 };
  return { unit: '', scale: 1 };
}

export function ImprovementDetail({ id }: { id: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.improvements.get.queryOptions({ orgSlug: org.slug, id }));
  if (query.isPending) return <Skeleton className="h-64 w-full" />;
  if (query.isError) return <FormError message={errorMessage(query.error)} />;
  return <Body i={query.data} slug={org.slug} />;
}

function Body({ i, slug }: { i: Improvement; slug: string }) {
  const a = i.assessment;
  const { unit, scale } = scaleOf(i.metric);
  const round = (v: number) => Math.round(v * scale * 10) / 10;
  const points = (list: { week: string; value: number }[]) =>
    list.map((p) => ({ x: dayNumber(p.week), week: p.week, value: round(p.value) }));
  const rows = [
    ...a.before.map((p) => ({ ...p, window: 'Before' })),
    ...a.after.map((p) => ({ ...p, window: 'After' })),
  ];
  const facts: [string, string][] = [
    ['Stream', i.stepName ? `${i.streamName}, step ${i.stepName}` : i.streamName],
    [
      'Targets',
      `${metricLabels[i.metric]}${i.waste ? `, against ${wasteLabels[i.waste].toLowerCase()}` : ''}`,
    ],
    ['Owner', i.ownerName ?? 'No owner'],
    [
      'Dates',
      `${formatDate(i.startedOn)} – ${i.completedOn ? formatDate(i.completedOn) : 'under way'}`,
    ],
    ['Expected effect', i.expectedEffect || '—'],
  ];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <ImprovementBadge improvement={i} />
        {i.canEdit ? <Actions i={i} slug={slug} /> : null}
      </div>
      <Card>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {label}
              </dt>
              <dd className="mt-0.5 text-sm">{value}</dd>
            </div>
          ))}
        </dl>
        {i.notes ? (
          <p className="mt-4 text-sm whitespace-pre-line text-slate-700 dark:text-slate-300">
            {i.notes}
          </p>
        ) : null}
      </Card>
      <section aria-labelledby="before-after" className="space-y-3">
        <h2 id="before-after" className="text-lg font-semibold">
          Before and after
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300" role="status">
          {a.pending ?? a.result?.sentence}
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Weeks before: {formatDate(a.windows.before.from)} to {formatDate(a.windows.before.to)} (
          {a.before.length} measured).{' '}
          {a.windows.after
            ? `Weeks after: ${formatDate(a.windows.after.from)} to ${formatDate(a.windows.after.to)} (${a.after.length} measured).`
            : ''}{' '}
          A change is called real when a Mann–Whitney U test gives p &lt; 0.05 or the median after
          falls outside the natural process limits of the weeks before (XmR); each window needs at
          least 3 weeks.
        </p>
        <ChartFigure
          title={`${metricLabels[i.metric]}, week by week`}
          summary={
            a.result
              ? `Median before ${formatNumber(a.result.beforeMedian === null ? null : round(a.result.beforeMedian))}${unit}, after ${formatNumber(a.result.afterMedian === null ? null : round(a.result.afterMedian))}${unit}.`
              : 'The weeks before, so far.'
          }
          rows={rows}
          columns={[
            { header: 'Window', value: (r) => r.window },
            { header: 'Week of', value: (r) => formatDate(r.week) },
            {
              header: `${metricLabels[i.metric]}${unit ? ` (${unit.trim()})` : ''}`,
              value: (r) => formatNumber(round(r.value)),
            },
          ]}
        >
          <Chart
            before={points(a.before)}
            after={points(a.after)}
            beforeMedian={a.result?.beforeMedian == null ? null : round(a.result.beforeMedian)}
            afterMedian={a.result?.afterMedian == null ? null : round(a.result.afterMedian)}
            unit={unit}
          />
        </ChartFigure>
        <Link
          className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
          href={`/${slug}/streams/${i.streamId}/dashboard?range=year`}
        >
          The stream’s dashboard, with this improvement marked →
        </Link>
      </section>
    </div>
  );
}

function Actions({ i, slug }: { i: Improvement; slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [completedOn, setCompletedOn] = useState(() => localDay(new Date()));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.improvements.pathKey() });
  const close = useMutation(trpc.improvements.close.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.improvements.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push(`/${slug}/improvements`);
      },
    }),
  );
  const error = close.error ?? remove.error;
  return (
    <div className="flex flex-wrap items-end gap-2">
      {i.status === 'open' ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate({ orgSlug: slug, id: i.id, completedOn });
          }}
        >
          <label className="text-sm font-medium">
            Completed on
            <input
              type="date"
              className={`${inputClass} mt-1`}
              value={completedOn}
              onChange={(e) => setCompletedOn(e.target.value)}
            />
          </label>
          <Button type="submit" pending={close.isPending}>
            Close as done
          </Button>
        </form>
      ) : null}
      <Button asChild variant="secondary">
        <Link href={`/${slug}/improvements/${i.id}/edit`}>Edit</Link>
      </Button>
      <ConfirmDialog
        trigger={<Button variant="secondary">Delete</Button>}
        title="Delete this improvement?"
        description="Its record and its marks on the charts go; the measurements stay."
        confirmLabel="Delete"
        onConfirm={() => remove.mutate({ orgSlug: slug, id: i.id })}
      />
      {error ? <FormError message={errorMessage(error)} /> : null}
    </div>
  );
}
