'use client';

import {
  createColumnHelper,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { Badge } from '@/components/ui/card';
import { formatDuration, formatNumber, formatPeriod } from '@/lib/format';
import { methodLabels, sourceLabels } from '@/lib/labels';
import { calendarPhrase } from '@/lib/format';
import type { CalendarOf } from './calendar';
import { wasteTotal, type MeasurementListRow } from './shared';
import type { DurationView } from '@/lib/vsm/types';

/** What a column sorts by; undefined (nothing entered) sorts last in either direction. */
type SortValue = string | number | undefined;
export type MeasurementColumn = ColumnDef<MeasurementListRow, SortValue>;

const helper = createColumnHelper<MeasurementListRow>();
const orUndefined = <T,>(v: T | null): T | undefined => (v === null ? undefined : v);
const num = (v: number | null, suffix = '') =>
  v === null ? '—' : `${formatNumber(v, 2)}${suffix}`;

function byText(a: Row<MeasurementListRow>, b: Row<MeasurementListRow>, id: string): number {
  return String(a.getValue(id)).localeCompare(String(b.getValue(id)), 'en', {
    sensitivity: 'base',
    numeric: true,
  });
}

/** How each column lays out: right-aligned numbers, text that may wrap so the table fits a laptop. */
export const columnLayout: Record<string, { numeric?: boolean; wrap?: boolean }> = {
  stream: { wrap: true },
  lead: { numeric: true },
  throughput: { numeric: true },
  wip: { numeric: true },
  ca: { numeric: true },
  waste: { numeric: true },
  by: { wrap: true },
};

/** Newest period first, as the server sends them. */
export const defaultSorting: SortingState = [{ id: 'period', desc: true }];

function text(
  id: string,
  header: string,
  value: (r: MeasurementListRow) => string,
  render?: (r: MeasurementListRow) => React.ReactNode,
): MeasurementColumn {
  return helper.accessor((r): SortValue => value(r) || undefined, {
    id,
    header,
    sortingFn: byText,
    sortUndefined: 'last',
    cell: (c) => (render ? render(c.row.original) : value(c.row.original)),
  });
}

function number(
  id: string,
  header: string,
  value: (r: MeasurementListRow) => number | null,
  render: (r: MeasurementListRow) => React.ReactNode,
): MeasurementColumn {
  return helper.accessor((r): SortValue => orUndefined(value(r)), {
    id,
    header,
    sortingFn: 'basic',
    sortUndefined: 'last',
    sortDescFirst: true,
    cell: (c) => render(c.row.original),
  });
}

/** The table's columns; durations read in each row's stream's working calendar. */
export function measurementColumns(
  calendarOf: CalendarOf,
  view: DurationView = 'working',
): MeasurementColumn[] {
  const leadTime = (r: MeasurementListRow) => {
    const seconds = r.measurement.leadTimeSeconds;
    if (seconds === null) return '—';
    const calendar = calendarOf(r.measurement.streamId);
    return (
      <span title={`Working ${calendarPhrase(calendar)}`}>
        {formatDuration(seconds, calendar, { maxDecimals: 1, view })}
      </span>
    );
  };
  return [
    // The step under its stream, and the method under the source: the table fits a laptop.
    text(
      'stream',
      'Stream',
      (r) => `${r.streamName}\u0000${r.measurement.stepName}`,
      (r) => (
        <>
          <span className="block font-medium">{r.streamName}</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {r.measurement.stepName || 'Whole stream'}
          </span>
        </>
      ),
    ),
    text(
      'period',
      'Period',
      (r) => r.measurement.periodStart,
      (r) => formatPeriod(r.measurement.periodStart, r.measurement.periodEnd),
    ),
    number('lead', 'Lead time', (r) => r.measurement.leadTimeSeconds, leadTime),
    number(
      'throughput',
      'Throughput',
      (r) => r.measurement.throughput,
      (r) => num(r.measurement.throughput),
    ),
    number(
      'wip',
      'WIP',
      (r) => r.measurement.wip,
      (r) => num(r.measurement.wip),
    ),
    number(
      'ca',
      '%C&A',
      (r) => r.measurement.pctCompleteAccurate,
      (r) => num(r.measurement.pctCompleteAccurate, '%'),
    ),
    number(
      'waste',
      'Waste (h)',
      (r) => wasteTotal(r.measurement),
      (r) => num(wasteTotal(r.measurement)),
    ),
    text(
      'source',
      'Source',
      (r) => `${sourceLabels[r.measurement.source]}\u0000${methodLabels[r.measurement.method]}`,
      (r) => (
        <span className="inline-flex items-center gap-1.5">
          <Badge>{sourceLabels[r.measurement.source]}</Badge>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {methodLabels[r.measurement.method]}
          </span>
        </span>
      ),
    ),
    text('by', 'Entered by', (r) => r.enteredByName ?? ''),
  ];
}

/** `sort` in the URL: a column id, with a leading "-" for descending ("-lead"). */
export function sortingFromParam(param: string | null, known: readonly string[]): SortingState {
  if (!param) return defaultSorting;
  const desc = param.startsWith('-');
  const id = desc ? param.slice(1) : param;
  return known.includes(id) ? [{ id, desc }] : defaultSorting;
}

export function sortingToParam(sorting: SortingState): string | null {
  const [first] = sorting;
  if (!first || (first.id === defaultSorting[0]?.id && first.desc === defaultSorting[0]?.desc))
    return null;
  return `${first.desc ? '-' : ''}${first.id}`;
}
