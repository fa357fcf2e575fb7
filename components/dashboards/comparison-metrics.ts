/**
 * The six figures of the comparison, in one place: how each reads in the table, on the chart's
 * axis (lead time in hours, as on the stream dashboard) and in the CSV.
 */
import { formatDuration, formatHours, formatNumber, formatPercent } from '@/lib/format';
import { metricKeys, type MetricKey } from '@/lib/dashboards/comparison';
import type { DurationView, WorkingCalendar } from '@/lib/vsm/types';

export interface MetricView {
  key: MetricKey;
  label: string;
  /** How the group's figure is made, for the table's notes. */
  note: string;
  /**
   * For a table cell: a duration in the stream's (or group's) own working calendar, in the view
   * a person chose; with no one calendar (a group whose streams' calendars differ), in hours.
   */
  format: (v: number | null, calendar?: WorkingCalendar | null, view?: DurationView) => string;
  /** The chart's unit and value: lead time in hours, the rest as they are. */
  unit: string;
  toChart: (v: number) => number;
  /** Column of the CSV, and what to divide the value by for its unit (seconds to hours). */
  csvHeader: string;
  csvDivisor: number;
  betterWhen: 'lower' | 'higher';
}

const round = (v: number, d = 2) => Number(v.toFixed(d));

const views: Record<MetricKey, Omit<MetricView, 'key'>> = {
  medianLead: {
    label: 'Median lead time',
    note: 'the median of the streams’ own medians',
    format: (v, c, view = 'working') =>
      formatDuration(v, c ?? undefined, { view: !c && view === 'working' ? 'hours' : view }),
    unit: ' h',
    toChart: (v) => round(v / 3600, 1),
    csvHeader: 'median_lead_time_hours',
    csvDivisor: 3600,
    betterWhen: 'lower',
  },
  flowEfficiency: {
    label: 'Flow efficiency',
    note: 'all process time over all lead time (a ratio of sums)',
    format: (v) => formatPercent(v),
    unit: '%',
    toChart: (v) => round(v, 1),
    csvHeader: 'flow_efficiency_pct',
    csvDivisor: 1,
    betterWhen: 'higher',
  },
  throughputPerWeek: {
    label: 'Throughput / wk',
    note: 'items done in an average week, the streams added up',
    format: (v) => formatNumber(v),
    unit: '',
    toChart: (v) => round(v),
    csvHeader: 'throughput_per_week',
    csvDivisor: 1,
    betterWhen: 'higher',
  },
  wip: {
    label: 'WIP',
    note: 'items in progress in an average week, the streams added up',
    format: (v) => formatNumber(v),
    unit: '',
    toChart: (v) => round(v),
    csvHeader: 'wip',
    csvDivisor: 1,
    betterWhen: 'lower',
  },
  pct: {
    label: '%C&A',
    note: 'the median of the streams’ average percent complete and accurate',
    format: (v) => formatPercent(v),
    unit: '%',
    toChart: (v) => round(v, 1),
    csvHeader: 'pct_complete_accurate',
    csvDivisor: 1,
    betterWhen: 'higher',
  },
  wastePerWeek: {
    label: 'Waste h / wk',
    note: 'hours of waste in an average week, the streams added up',
    format: (v) => formatHours(v),
    unit: ' h',
    toChart: (v) => round(v, 1),
    csvHeader: 'waste_hours_per_week',
    csvDivisor: 1,
    betterWhen: 'lower',
  },
};

export const metricViews: readonly MetricView[] = metricKeys.map((key) => ({ key, ...views[key] }));

export const metricView = (key: MetricKey): MetricView => ({ key, ...views[key] });
