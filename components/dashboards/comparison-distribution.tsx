'use client';

import { useDurationView } from '@/components/ui/duration-view';
import { operationalTypes, streamKinds } from '@/lib/domain';
import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { median } from '@/lib/dashboards/stats';
import { metricKeys } from '@/lib/dashboards/comparison';
import { kindLabels, typeLabels } from '@/lib/labels';
import type { Comparison, ComparisonStream } from './types';
import { ChartFigure } from './chart-figure';
import type { StripPoint, StripSeries } from './comparison-charts';
import { metricView } from './comparison-metrics';
import { useComparisonMetric } from './comparison-params';

const StripChart = dynamic(() => import('./comparison-charts').then((m) => m.StripChart), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

const typeColors = {
  fulfillment: '#4f46e5',
  manufacturing: '#0891b2',
  software_delivery: '#7c3aed',
  supporting: '#ca8a04',
} as const;
const developmentColor = '#16a34a';

/** Each stream's own figure, one row per kind, so that a spread (or one odd stream) shows. */
export function ComparisonDistribution({ data }: { data: Comparison }) {
  const [metric, setMetric] = useComparisonMetric();
  const m = metricView(metric);
  const view = useDurationView();
  const measured = data.streams.filter((s) => s[metric] !== null);
  const rows = streamKinds.map((k) => kindLabels[k]);
  const pointsOf = (streams: ComparisonStream[]): StripPoint[] =>
    streams.map((s, i) => ({
      x: m.toChart(s[metric] ?? 0),
      y: streamKinds.indexOf(s.kind) + ((i % 5) - 2) * 0.08,
      name: s.name,
      text: m.format(s[metric], s.calendar, view),
    }));
  const series: StripSeries[] = [
    ...operationalTypes.map((t) => ({
      name: typeLabels[t],
      color: typeColors[t],
      points: pointsOf(measured.filter((s) => s.type === t)),
    })),
    {
      name: kindLabels.development,
      color: developmentColor,
      points: pointsOf(measured.filter((s) => s.kind === 'development')),
    },
  ].filter((s) => s.points.length > 0);
  const valuesOf = (kind: string) =>
    measured.filter((s) => s.kind === kind).map((s) => s[metric] ?? 0);
  const medians = streamKinds.map((k) => median(valuesOf(k)));
  const calendarOf = (kind: string) => data.groups.find((g) => g.key === kind)?.calendar;
  const summary = streamKinds
    .map((k, i) => {
      const n = valuesOf(k).length;
      return n === 0
        ? `no ${kindLabels[k].toLowerCase()} stream has it`
        : `${kindLabels[k].toLowerCase()}: ${n === 1 ? '1 stream' : `${n} streams`}, median ${m.format(medians[i] ?? null, calendarOf(k), view)}`;
    })
    .join('; ');
  return (
    <div className="space-y-2">
      <label className="inline-block text-sm font-medium print:hidden">
        Figure per stream
        <select
          className={`${inputClass} mt-1`}
          value={metric}
          onChange={(e) => void setMetric(e.target.value as typeof metric)}
        >
          {metricKeys.map((k) => (
            <option key={k} value={k}>
              {metricView(k).label}
            </option>
          ))}
        </select>
      </label>
      <ChartFigure
        title={`${m.label}: each stream`}
        summary={`One dot per stream; the bar marks each kind’s median. ${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`}
        rows={measured}
        columns={[
          { header: 'Stream', value: (s) => s.name },
          { header: 'Kind', value: (s) => kindLabels[s.kind] },
          { header: 'Type', value: (s) => (s.type ? typeLabels[s.type] : '—') },
          { header: m.label, value: (s) => m.format(s[metric], s.calendar, view) },
        ]}
      >
        {measured.length === 0 ? (
          <p className="flex h-full items-center justify-center text-sm text-slate-600 dark:text-slate-400">
            No stream has this figure in these weeks.
          </p>
        ) : (
          <StripChart
            rows={rows}
            series={series}
            medians={medians.map((v) => (v === null ? null : m.toChart(v)))}
            unit={m.unit}
          />
        )}
      </ChartFigure>
    </div>
  );
}
