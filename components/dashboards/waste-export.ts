import { toCsv, type ExportColumn } from '@/lib/csv/export';
import { wastes } from '@/lib/vsm/types';
import type { WasteReduction } from './types';

type Week = WasteReduction['weeks'][number];
const round = (v: number | null | undefined, d = 2) =>
  v === null || v === undefined ? null : Number(v.toFixed(d));

/** Every week of the range as CSV: hours per category, the total, the baseline rate and the hours saved. */
export function wasteCsv(d: WasteReduction): string {
  const columns: ExportColumn<Week>[] = [
    { header: 'week_start', value: (w) => w.week },
    { header: 'stream', value: () => d.stream?.name ?? 'all streams' },
    ...wastes.map((k, i) => ({
      header: `waste_${k}_hours`,
      value: (w: Week) => round(w.hours?.[i]),
    })),
    { header: 'total_hours', value: (w) => round(w.total) },
    { header: 'baseline_hours_per_week', value: () => round(d.baseline?.perWeek) },
    { header: 'baseline_from', value: () => d.baseline?.from },
    { header: 'baseline_to', value: () => d.baseline?.to },
    { header: 'saved_hours', value: (w) => round(w.reduction) },
    { header: 'saved_hours_so_far', value: (w) => round(w.cumulative) },
  ];
  return toCsv(d.weeks, columns);
}
