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
  ];
  return toCsv(data.groups, columns);
}
