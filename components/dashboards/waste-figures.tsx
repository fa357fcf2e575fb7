'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/card';
import { formatChange, formatDate, formatHours, formatNumber } from '@/lib/format';
import { wastes } from '@/lib/vsm/types';
import type { WasteReduction } from './types';
import { wasteLabels } from '@/lib/labels';
import { ChartFigure } from './chart-figure';
import type { WeekRow } from './waste-charts';
import { markersOf } from './waste-markers';

const loading = () => <Skeleton className="h-full w-full" />;
const CategoryBars = dynamic(() => import('./waste-charts').then((m) => m.CategoryBars), {
  ssr: false,
  loading,
});
const TrendChart = dynamic(() => import('./waste-charts').then((m) => m.TrendChart), {
  ssr: false,
  loading,
});
const CumulativeChart = dynamic(() => import('./waste-charts').then((m) => m.CumulativeChart), {
  ssr: false,
  loading,
});

type Week = WasteReduction['weeks'][number];
const n = (v: number | null) => formatNumber(v);

export function WasteFigures({ d }: { d: WasteReduction }) {
  const marks = markersOf(d);
  const used = wastes
    .map((w, i) => ({ key: w, name: wasteLabels[w], index: i }))
    .filter((c) => d.weeks.some((w) => (w.hours?.[c.index] ?? 0) > 0));
  const rows: WeekRow[] = d.weeks.map((w) => ({
    week: w.week,
    cumulative: w.cumulative === null ? null : Math.round(w.cumulative * 10) / 10,
    ...Object.fromEntries(used.map((c) => [c.key, w.hours?.[c.index] ?? null])),
  }));
  const categories = d.categories.map((c) => ({
    name: wasteLabels[c.key],
    baseline: c.baseline,
    current: c.current,
    change: c.change,
  }));
  const shown = categories.filter((c) => (c.baseline ?? 0) > 0 || (c.current ?? 0) > 0);
  const base = d.baseline;
  const worst = [...d.categories]
    .filter((c) => c.current !== null)
    .sort((a, b) => (b.current ?? 0) - (a.current ?? 0))[0];
  const weekCol = { header: 'Week of', value: (w: Week) => formatDate(w.week) };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFigure
        title="Waste by category: baseline and now (hours a week)"
        summary={
          base && base.perWeek !== null
            ? `${formatHours(d.current.perWeek)} a week now against ${formatHours(base.perWeek)} in the baseline (${formatChange(d.change)}).${worst && (worst.current ?? 0) > 0 ? ` Most now: ${wasteLabels[worst.key].toLowerCase()}, ${formatHours(worst.current)} a week.` : ''}`
            : 'No baseline: no waste recorded in its weeks.'
        }
        rows={categories}
        columns={[
          { header: 'Waste', value: (c) => c.name },
          { header: 'Baseline (h / wk)', value: (c) => n(c.baseline) },
          { header: 'These weeks (h / wk)', value: (c) => n(c.current) },
          { header: 'Change', value: (c) => formatChange(c.change) },
        ]}
      >
        <CategoryBars data={shown} />
      </ChartFigure>
      <ChartFigure
        title="Waste each week, by category (hours)"
        summary={`${d.current.weeks} of ${d.weeks.length} weeks have waste recorded; the dashed line is the baseline’s ${formatHours(base?.perWeek)} a week.${marks.length ? ' Orange lines mark the improvements listed below, by number (✓: completed).' : ''}`}
        rows={d.weeks}
        columns={[
          weekCol,
          ...used.map((c) => ({
            header: c.name,
            value: (w: Week) => n(w.hours?.[c.index] ?? null),
          })),
          { header: 'Total (h)', value: (w: Week) => n(w.total) },
        ]}
      >
        <TrendChart data={rows} categories={used} baseline={base?.perWeek ?? null} marks={marks} />
      </ChartFigure>
      <div className="lg:col-span-2">
        <ChartFigure
          title="Hours saved against the baseline, so far"
          summary={
            d.cumulative === null
              ? 'No baseline to save against yet.'
              : `${formatHours(Math.abs(d.cumulative))} ${d.cumulative >= 0 ? 'less' : 'more'} waste over these weeks than at the baseline’s weekly rate (weeks with nothing recorded add nothing).`
          }
          rows={d.weeks}
          columns={[
            weekCol,
            { header: 'Saved that week (h)', value: (w) => n(w.reduction) },
            { header: 'Saved so far (h)', value: (w) => n(w.cumulative) },
          ]}
        >
          <CumulativeChart data={rows} marks={marks} />
        </ChartFigure>
      </div>
    </div>
  );
}
