import { toCsv, type ExportColumn } from '@/lib/csv/export';
import type { Portfolio, PortfolioStream } from './types';

const round = (v: number | null, d = 2) => (v === null ? null : Number(v.toFixed(d)));

/** The portfolio table as CSV: raw numbers in fixed units (hours, percent), one row per stream. */
export function portfolioCsv(data: Portfolio): string {
  const columns: ExportColumn<PortfolioStream>[] = [
    { header: 'stream', value: (s) => s.name },
    { header: 'kind', value: (s) => s.kind },
    { header: 'type', value: (s) => s.type },
    { header: 'owner', value: (s) => s.ownerName },
    { header: 'weeks_measured', value: (s) => s.weeks },
    {
      header: 'median_lead_time_hours',
      value: (s) => round(s.lead.value === null ? null : s.lead.value / 3600),
    },
    { header: 'median_lead_time_change_pct', value: (s) => round(s.lead.change, 1) },
    { header: 'flow_efficiency_pct', value: (s) => round(s.flow.value, 1) },
    { header: 'throughput_per_week', value: (s) => round(s.throughput.value) },
    { header: 'waste_hours_per_week', value: (s) => round(s.waste.value) },
    { header: 'waste_reduction_vs_baseline_pct', value: (s) => round(s.wasteVsBaseline, 1) },
    { header: 'baseline_from', value: (s) => s.baselineFrom },
    { header: 'bottleneck_step', value: (s) => s.bottleneck?.name },
    {
      header: 'bottleneck_wait_hours',
      value: (s) => round(s.bottleneck ? s.bottleneck.waitTimeSeconds / 3600 : null),
    },
    { header: 'got_worse', value: (s) => s.worse.join('; ') },
    // Hours need no calendar; these say what a day and a week were on the stream's page.
    { header: 'hours_per_working_day', value: (s) => s.calendar.hoursPerDay },
    { header: 'days_per_working_week', value: (s) => s.calendar.daysPerWeek },
  ];
  return toCsv(data.streams, columns);
}
