'use client';

import { DurationViewSwitch, useDurationView } from '@/components/ui/duration-view';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { downloadText, toCsv } from '@/lib/csv/export';
import { formatDate, formatDuration, formatNumber, formatPercent } from '@/lib/format';
import { wasteLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage, fieldErrorsOf } from '@/components/trpc/errors';
import { wastes } from '@/lib/vsm/types';
import type { StreamDashboard as Data } from './types';
import { ChartFigure } from './chart-figure';
import { MapVsMeasured } from './map-vs-measured';
import { streamDashboardInput } from './views';
import { useWeekRange, WeekRange } from './week-range';

const loading = () => <Skeleton className="h-full w-full" />;
const LinesChart = dynamic(() => import('./stream-charts').then((m) => m.LinesChart), {
  ssr: false,
  loading,
});
const WasteChart = dynamic(() => import('./stream-charts').then((m) => m.WasteChart), {
  ssr: false,
  loading,
});
const XmrChart = dynamic(() => import('./stream-charts').then((m) => m.XmrChart), {
  ssr: false,
  loading,
});

const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
type Week = Data['weeks'][number];

export function StreamDashboard({ streamId }: { streamId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const [weeks] = useWeekRange();
  const input = streamDashboardInput(org.slug, streamId, weeks);
  const query = useQuery({
    ...trpc.dashboards.stream.queryOptions(input),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const d = query.data;
  const fieldErrors = fieldErrorsOf(query.error);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Choose the weeks">
          <WeekRange fieldErrors={fieldErrors} />
        </div>
        {d ? (
          <Button
            variant="secondary"
            size="sm"
            className="mb-1"
            onClick={() => downloadText(`${d.stream.name}-weeks.csv`, weeksCsv(d))}
          >
            Download CSV
          </Button>
        ) : null}
      </div>
      {query.isError && !fieldErrors ? <FormError message={errorMessage(query.error)} /> : null}
      {fieldErrors ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Fix the dates above to see the charts.
        </p>
      ) : null}
      {query.isPending && !fieldErrors ? (
        <div className="grid gap-4 lg:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-72" />
          ))}
        </div>
      ) : null}
      {d && !fieldErrors ? <Body d={d} slug={org.slug} /> : null}
    </div>
  );
}

function Body({ d, slug }: { d: Data; slug: string }) {
  const view = useDurationView();
  if (d.weeks.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
        No measurements of this stream in the weeks of {formatDate(d.range.from)} to{' '}
        {formatDate(d.range.to)}.{' '}
        <Link
          className="text-indigo-700 underline dark:text-indigo-300"
          href={`/${slug}/measurements/new?stream=${d.stream.id}`}
        >
          Log a week
        </Link>{' '}
        or{' '}
        <Link
          className="text-indigo-700 underline dark:text-indigo-300"
          href={`/${slug}/measurements/import`}
        >
          import a CSV
        </Link>
        , or choose other weeks.
      </div>
    );
  }
  const rows = d.weeks.map((w) => ({
    week: w.week,
    lead: hours(w.lead),
    process: hours(w.process),
    flow: w.flowEfficiency === null ? null : Math.round(w.flowEfficiency * 10) / 10,
    throughput: w.throughput,
    wip: w.wip,
    pct: w.pct,
    ...Object.fromEntries(wastes.map((k, i) => [k, w.wastes[i] ?? null])),
  }));
  const baseLead = hours(d.baseline.medianLead);
  const targetLead = d.targets ? hours(d.targets.lead) : null;
  const refs = (base: number | null, target: number | null) => [
    ...(base !== null
      ? [{ y: base, label: `Baseline ${formatNumber(base)}`, color: '#64748b' }]
      : []),
    ...(target !== null
      ? [{ y: target, label: `Target ${formatNumber(target)}`, color: '#16a34a' }]
      : []),
  ];
  const weekCol = { header: 'Week of', value: (r: (typeof rows)[number]) => formatDate(r.week) };
  const n = (v: unknown) => (v === null || v === undefined ? '—' : formatNumber(Number(v)));
  const x = d.xmr;
  const weeksShown = new Set(d.weeks.map((w) => w.week));
  const markers = d.improvements
    .filter((k) => weeksShown.has(k.week))
    .map((k) => ({
      week: k.week,
      label: k.title.length > 28 ? `${k.title.slice(0, 27)}…` : k.title,
    }));
  const xmrRows = x
    ? x.points.map((pt, i) => ({
        week: x.weeks[i] ?? '',
        value: hours(pt.value),
        signal: pt.signals.length ? hours(pt.value) : null,
        signals: pt.signals.join(', '),
      }))
    : [];
  return (
    <>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {d.weeks.length} weeks measured from {formatDate(d.range.from)} to {formatDate(d.range.to)}.
        Baseline: the first {d.baseline.weeks} weeks measured ({formatDate(d.baseline.from)} to{' '}
        {formatDate(d.baseline.to)}).
        {d.targets
          ? ` Targets: the ${d.targets.source}.`
          : ' No future-state map yet, so no targets.'}
      </p>
      <DurationViewSwitch calendars={d.calendar} />
      <MapVsMeasured d={d} />
      <Improvements d={d} slug={slug} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFigure
          title="Lead time and process time (hours)"
          summary={`Median lead time ${formatDuration(d.current.medianLead, d.calendar, { view })} (baseline ${formatDuration(d.baseline.medianLead, d.calendar, { view })}).`}
          rows={rows}
          columns={[
            weekCol,
            { header: 'Lead time (h)', value: (r) => n(r.lead) },
            { header: 'Process time (h)', value: (r) => n(r.process) },
          ]}
        >
          <LinesChart
            data={rows}
            unit=" h"
            lines={[
              { key: 'lead', name: 'Lead time', color: '#4f46e5' },
              { key: 'process', name: 'Process time', color: '#0891b2' },
            ]}
            refs={refs(baseLead, targetLead)}
            markers={markers}
          />
        </ChartFigure>
        <ChartFigure
          title="Flow efficiency (%)"
          summary={`Process time over lead time: ${formatPercent(d.current.flowEfficiency)} in these weeks (baseline ${formatPercent(d.baseline.flowEfficiency)}).`}
          rows={rows}
          columns={[weekCol, { header: 'Flow efficiency (%)', value: (r) => n(r.flow) }]}
        >
          <LinesChart
            data={rows}
            unit="%"
            lines={[{ key: 'flow', name: 'Flow efficiency', color: '#16a34a' }]}
            markers={markers}
            refs={refs(
              d.baseline.flowEfficiency === null
                ? null
                : Math.round(d.baseline.flowEfficiency * 10) / 10,
              d.targets?.flowEfficiency ?? null,
            )}
          />
        </ChartFigure>
        <ChartFigure
          title="Throughput and WIP (items)"
          summary="Items done each week, and items in progress."
          rows={rows}
          columns={[
            weekCol,
            { header: 'Throughput', value: (r) => n(r.throughput) },
            { header: 'WIP', value: (r) => n(r.wip) },
          ]}
        >
          <LinesChart
            data={rows}
            unit=""
            lines={[
              { key: 'throughput', name: 'Throughput', color: '#4f46e5' },
              { key: 'wip', name: 'WIP', color: '#ea580c', dashed: true },
            ]}
          />
        </ChartFigure>
        <ChartFigure
          title="%C&A (%)"
          summary="Percent of work that the next step could use as it came: complete and accurate."
          rows={rows}
          columns={[weekCol, { header: '%C&A', value: (r) => n(r.pct) }]}
        >
          <LinesChart
            data={rows}
            unit="%"
            lines={[{ key: 'pct', name: '%C&A', color: '#7c3aed' }]}
          />
        </ChartFigure>
        <ChartFigure
          title="Waste by category (hours)"
          summary={`${formatNumber(d.current.wastePerWeek, 0)} h a week in these weeks, ${formatNumber(d.baseline.wastePerWeek, 0)} h a week in the baseline.`}
          rows={rows}
          columns={[
            weekCol,
            ...wastes.map((w) => ({
              header: wasteLabels[w],
              value: (r: (typeof rows)[number]) => n((r as Record<string, unknown>)[w]),
            })),
          ]}
        >
          <WasteChart data={rows} markers={markers} />
        </ChartFigure>
        {x ? (
          <ChartFigure
            title="Lead time: process behaviour chart (XmR)"
            summary={`Average ${formatNumber(hours(x.centre))} h; natural limits ${formatNumber(hours(x.lnpl))} to ${formatNumber(hours(x.unpl))} h. ${x.signalCount === 0 ? 'No signal: the variation is routine.' : `${x.signalCount === 1 ? 'One signal' : `${x.signalCount} signals`} of a change worth looking into (red points).`}`}
            rows={xmrRows}
            columns={[
              { header: 'Week of', value: (r) => formatDate(r.week) },
              { header: 'Lead time (h)', value: (r) => n(r.value) },
              { header: 'Signals', value: (r) => r.signals || '—' },
            ]}
          >
            <XmrChart
              data={xmrRows}
              markers={markers}
              centre={hours(x.centre) ?? 0}
              unpl={hours(x.unpl) ?? 0}
              lnpl={hours(x.lnpl) ?? 0}
            />
          </ChartFigure>
        ) : null}
      </div>
    </>
  );
}

function weeksCsv(d: Data): string {
  return toCsv<Week>(d.weeks, [
    { header: 'week_start', value: (w) => w.week },
    { header: 'week_end', value: (w) => w.periodEnd },
    { header: 'lead_time_hours', value: (w) => hours(w.lead) },
    { header: 'process_time_hours', value: (w) => hours(w.process) },
    {
      header: 'flow_efficiency_pct',
      value: (w) => (w.flowEfficiency === null ? null : Math.round(w.flowEfficiency * 10) / 10),
    },
    { header: 'throughput', value: (w) => w.throughput },
    { header: 'wip', value: (w) => w.wip },
    { header: 'pct_complete_accurate', value: (w) => w.pct },
    ...wastes.map((k, i) => ({
      header: `waste_${k}_hours`,
      value: (w: Week) => w.wastes[i] ?? null,
    })),
  ]);
}

/** The improvements under way in these weeks (the orange lines on the charts). */
function Improvements({ d, slug }: { d: Data; slug: string }) {
  return (
    <section
      aria-labelledby="stream-improvements"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2
        id="stream-improvements"
        className="text-sm font-semibold text-slate-900 dark:text-slate-50"
      >
        Improvements in these weeks
      </h2>
      {d.improvements.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          None.{' '}
          <Link
            className="text-indigo-700 underline dark:text-indigo-300"
            href={`/${slug}/improvements/new?stream=${d.stream.id}`}
          >
            Record one
          </Link>{' '}
          to mark it on these charts and see its before and after.
        </p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {d.improvements.map((k) => (
            <li key={k.id}>
              <span aria-hidden className="mr-2 inline-block h-3 w-0.5 bg-amber-500 align-middle" />
              <Link
                className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                href={`/${slug}/improvements/${k.id}`}
              >
                {k.title}
              </Link>
              <span className="text-slate-600 dark:text-slate-400">
                {' '}
                — {formatDate(k.startedOn)} to{' '}
                {k.completedOn ? formatDate(k.completedOn) : 'under way'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
