'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useState } from 'react';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Badge, Card, Skeleton } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormError, inputClass } from '@/components/ui/field';
import { measurementSources } from '@/db/schema/measurements';
import { cn } from '@/lib/cn';
import { useTRPC } from '@/lib/trpc/client';
import { errorMessage } from '@/lib/trpc/errors';
import { formatDuration, formatNumber } from '@/lib/vsm/units';
import { defaultCalendar } from '@/lib/vsm/types';
import { formatPeriod, methodLabels, sourceLabels, wasteTotal, type MeasurementListRow } from './shared';

const filterParsers = {
  stream: parseAsString,
  from: parseAsString,
  to: parseAsString,
  source: parseAsStringLiteral(measurementSources),
  saved: parseAsString,
};

const isDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const num = (v: number | null, suffix = '') => (v === null ? '—' : `${formatNumber(v, 2)}${suffix}`);
const dur = (v: number | null) => (v === null ? '—' : formatDuration(v, defaultCalendar, { maxDecimals: 1 }));

interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  /** Text that may wrap, so the table fits a laptop screen. */
  wrap?: boolean;
  value: (r: MeasurementListRow) => string | number | null;
  render?: (r: MeasurementListRow) => React.ReactNode;
}

const columns: Column[] = [
  { key: 'stream', label: 'Stream', wrap: true, value: (r) => r.streamName },
  { key: 'step', label: 'Step', wrap: true, value: (r) => r.measurement.stepName, render: (r) => r.measurement.stepName || <span className="text-slate-500">Whole stream</span> },
  { key: 'period', label: 'Period', value: (r) => r.measurement.periodStart, render: (r) => formatPeriod(r.measurement.periodStart, r.measurement.periodEnd) },
  { key: 'lead', label: 'Lead time', numeric: true, value: (r) => r.measurement.leadTimeSeconds, render: (r) => dur(r.measurement.leadTimeSeconds) },
  { key: 'throughput', label: 'Throughput', numeric: true, value: (r) => r.measurement.throughput, render: (r) => num(r.measurement.throughput) },
  { key: 'wip', label: 'WIP', numeric: true, value: (r) => r.measurement.wip, render: (r) => num(r.measurement.wip) },
  { key: 'ca', label: '%C&A', numeric: true, value: (r) => r.measurement.pctCompleteAccurate, render: (r) => num(r.measurement.pctCompleteAccurate, '%') },
  { key: 'waste', label: 'Waste (h)', numeric: true, value: (r) => wasteTotal(r.measurement), render: (r) => num(wasteTotal(r.measurement)) },
  { key: 'source', label: 'Source', value: (r) => r.measurement.source, render: (r) => <Badge>{sourceLabels[r.measurement.source]}</Badge> },
  { key: 'method', label: 'Method', value: (r) => r.measurement.method, render: (r) => methodLabels[r.measurement.method] },
  { key: 'by', label: 'Entered by', wrap: true, value: (r) => r.enteredByName ?? '' },
];

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1; // empty last, either direction
  if (b === null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** The organization's measurements, filtered in the URL, sorted on the client. */
export function MeasurementsTable() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useQueryStates(filterParsers, { history: 'replace' });
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'period', desc: true });
  const streams = useQuery(trpc.streams.list.queryOptions({ orgSlug: org.slug, includeArchived: true }));
  const list = useQuery({
    ...trpc.measurements.list.queryOptions({
      orgSlug: org.slug,
      streamId: filters.stream ?? undefined,
      from: isDay(filters.from),
      to: isDay(filters.to),
      source: filters.source ?? undefined,
    }),
    placeholderData: (previous) => previous,
  });
  const remove = useMutation(trpc.measurements.remove.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.measurements.pathKey() }) }));
  const writable = new Set(org.can('measurements:write') ? (streams.data ?? []).filter((s) => s.canEdit && !s.archivedAt).map((s) => s.id) : []);
  const filtered = Boolean(filters.stream || filters.from || filters.to || filters.source);
  const column = columns.find((c) => c.key === sort.key) ?? columns[2];
  const rows = [...(list.data ?? [])].sort((a, b) => {
    const primary = column ? compare(column.value(a), column.value(b)) : 0;
    const bothPresent = column && column.value(a) !== null && column.value(b) !== null;
    return sort.desc && bothPresent ? -primary : primary;
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="search">
        <label className="min-w-44 flex-1 text-sm font-medium sm:flex-none">
          Stream
          <select className={`${inputClass} mt-1`} value={filters.stream ?? ''} onChange={(e) => void setFilters({ stream: e.target.value || null, saved: null })}>
            <option value="">All streams</option>
            {(streams.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          From
          <input type="date" className={`${inputClass} mt-1`} value={filters.from ?? ''} onChange={(e) => void setFilters({ from: e.target.value || null })} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" className={`${inputClass} mt-1`} value={filters.to ?? ''} onChange={(e) => void setFilters({ to: e.target.value || null })} />
        </label>
        <label className="text-sm font-medium">
          Source
          <select className={`${inputClass} mt-1`} value={filters.source ?? ''} onChange={(e) => void setFilters({ source: (e.target.value || null) as (typeof measurementSources)[number] | null })}>
            <option value="">Any source</option>
            {measurementSources.map((s) => <option key={s} value={s}>{sourceLabels[s]}</option>)}
          </select>
        </label>
        {filtered ? <Button variant="ghost" size="sm" className="mb-1" onClick={() => void setFilters({ stream: null, from: null, to: null, source: null, saved: null })}>Clear filters</Button> : null}
      </div>

      <FormError message={remove.isError ? errorMessage(remove.error) : undefined} />
      {list.isPending ? (
        <div className="space-y-2" aria-label="Loading measurements">{[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-10 w-full" />)}</div>
      ) : list.isError ? (
        <FormError message={errorMessage(list.error)} />
      ) : rows.length === 0 ? (
        <Card className="text-center">
          {filtered ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No measurement matches these filters.</p>
          ) : (
            <>
              <h2 className="font-semibold">Log the first week</h2>
              <p className="mx-auto mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">
                Each week, a stream’s lead enters its lead time, throughput, WIP and waste. The numbers build the trends on the dashboards.
              </p>
              {org.can('measurements:write') ? <Button asChild className="mt-4"><Link href={`/${org.slug}/measurements/new`}>Log a week</Link></Button> : null}
            </>
          )}
        </Card>
      ) : (
        <>
        <ul className="space-y-2 md:hidden" aria-label="Measurements">
          {rows.map((r) => (
            <li key={r.measurement.id} className={cn('rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900', filters.saved === r.measurement.id && 'border-green-300 bg-green-50 dark:bg-green-950/40')}>
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">{r.streamName}{r.measurement.stepName ? ` · ${r.measurement.stepName}` : ''}</p>
                  <p className="text-slate-600 dark:text-slate-400">{formatPeriod(r.measurement.periodStart, r.measurement.periodEnd)}</p>
                </div>
                <Badge>{sourceLabels[r.measurement.source]}</Badge>
              </div>
              <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-1 tabular-nums">
                {columns.filter((c) => c.numeric).map((c) => (
                  <div key={c.key}><dt className="text-xs text-slate-500">{c.label}</dt><dd>{c.render ? c.render(r) : c.value(r)}</dd></div>
                ))}
              </dl>
              <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
                <span>{methodLabels[r.measurement.method]} · {r.enteredByName ?? '—'}</span>
                {writable.has(r.measurement.streamId) ? <RowActions row={r} onDelete={() => remove.mutate({ orgSlug: org.slug, id: r.measurement.id })} /> : null}
              </div>
            </li>
          ))}
        </ul>
        <div className="relative hidden overflow-x-auto rounded-lg border md:block border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                {columns.map((c) => {
                  const active = sort.key === c.key;
                  return (
                    <th key={c.key} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined} className={cn('whitespace-nowrap px-2.5 py-2 font-semibold', c.numeric && 'text-right')}>
                      <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white" onClick={() => setSort({ key: c.key, desc: active ? !sort.desc : Boolean(c.numeric) })}>
                        {c.label}
                        <span aria-hidden className={cn('text-[10px]', !active && 'opacity-0')}>{sort.desc ? '▼' : '▲'}</span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col" className="sticky right-0 bg-slate-50 px-2 py-2 dark:bg-slate-800"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rows.map((r) => (
                <tr key={r.measurement.id} className={cn(filters.saved === r.measurement.id && 'bg-green-50 dark:bg-green-950/40')}>
                  {columns.map((c) => (
                    <td key={c.key} className={cn('px-2.5 py-2', c.wrap ? 'min-w-28' : 'whitespace-nowrap', c.numeric && 'text-right tabular-nums', c.key === 'stream' && 'font-medium')}>
                      {c.render ? c.render(r) : c.value(r)}
                    </td>
                  ))}
                  <td className="sticky right-0 whitespace-nowrap bg-white px-2 py-1 text-right shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.15)] dark:bg-slate-900">
                    {writable.has(r.measurement.streamId) ? (
                      <RowActions row={r} onDelete={() => remove.mutate({ orgSlug: org.slug, id: r.measurement.id })} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
      )}
    </div>
  );
}

function RowActions({ row, onDelete }: { row: MeasurementListRow; onDelete: () => void }) {
  const org = useOrg();
  const m = row.measurement;
  return (
    <div className="flex justify-end gap-1">
      <Button asChild variant="ghost" size="sm"><Link href={`/${org.slug}/measurements/new?id=${m.id}`}>Edit</Link></Button>
      <ConfirmDialog
        trigger={<Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400">Delete</Button>}
        title="Delete this measurement?"
        description={`${row.streamName}${m.stepName ? ` · ${m.stepName}` : ''}, ${formatPeriod(m.periodStart, m.periodEnd)}. The audit trail keeps a copy.`}
        confirmLabel="Delete"
        onConfirm={onDelete}
      />
    </div>
  );
}
