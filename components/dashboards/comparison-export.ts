import { toCsv, type ExportColumn } from '@/lib/csv/export';
import type { Comparison, ComparisonGroup } from './types';
import { metricViews } from './comparison-metrics';

const round = (v: number | null, d = 2) => (v === null ? null : Number(v.toFixed(d)));

/** The side-by-side table as CSV: one row per group, raw numbers in fixed units (hours, percent). */
export function comparisonCsv(data: Comparison): string {
  const columns: ExportColumn<ComparisonGroup>[] = [
    { header: 'group', value: (g) => g.label },
    { header: 'grouped_by', value: (g) => g.by },
    { header: 'streams', value: (g) => g.streams },
    { header: 'streams_measured', value: (g) => g.measured },
    ...metricViews.map((m) => ({
      header: m.csvHeader,
      value: (g: ComparisonGroup) => {
        const v = g[m.key];
        return round(v === null ? null : v / m.csvDivisor);
      },
    })),
    { header: 'from', value: () => data.range.from },
    { header: 'to', value: () => data.range.to },
    // Hours need no calendar; this says what a day was on the page (blank: the streams' differ).
    { header: 'hours_per_working_day', value: (g) => g.calendar?.hoursPerDay ?? null },
    { header: 'days_per_working_week', value: (g) => g.calendar?.daysPerWeek ?? null },
  ];
  return toCsv(data.groups, columns);
}
