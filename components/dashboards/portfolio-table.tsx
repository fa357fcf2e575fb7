'use client';

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { useDurationView } from '@/components/ui/duration-view';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { DurationView } from '@/lib/vsm/types';
import { cn } from '@/lib/cn';
import { formatChange, formatDuration, formatNumber, formatPercent } from '@/lib/format';
import { kindLabels, typeLabels } from '@/lib/labels';
import type { PortfolioStream } from './types';
import { usePortfolioParams } from './portfolio-params';
import { rangeQuery } from './week-range';
import { Sparkline } from './sparkline';

const col = createColumnHelper<PortfolioStream>();
const nullsLast = { sortUndefined: 'last' as const, sortDescFirst: false };
const tone = {
  better: 'text-green-700 dark:text-green-400',
  worse: 'text-red-700 dark:text-red-400',
  flat: 'text-slate-500 dark:text-slate-400',
} as const;

function Change({ figure }: { figure: PortfolioStream['lead'] }) {
  if (figure.change === null || figure.trend === null) return null;
  return (
    <span className={cn('block text-xs', tone[figure.trend])}>{formatChange(figure.change)}</span>
  );
}

function columns(slug: string, query: string, weeks: readonly string[], view: DurationView) {
  return [
    col.accessor('name', {
      header: 'Stream',
      cell: (c) => (
        <div>
          <Link
            className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
            href={`/${slug}/streams/${c.row.original.id}/dashboard${query}`}
          >
            {c.getValue()}
          </Link>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {c.row.original.type
              ? typeLabels[c.row.original.type]
              : kindLabels[c.row.original.kind]}
            {c.row.original.ownerName ? ` · ${c.row.original.ownerName}` : ''}
          </span>
        </div>
      ),
    }),
    col.accessor((s) => s.lead.value ?? undefined, {
      id: 'lead',
      header: 'Median lead time',
      ...nullsLast,
      cell: (c) => (
        <>
          {formatDuration(c.row.original.lead.value, c.row.original.calendar, { view })}
          <Change figure={c.row.original.lead} />
        </>
      ),
    }),
    col.accessor((s) => s.flow.value ?? undefined, {
      id: 'flow',
      header: 'Flow efficiency',
      ...nullsLast,
      cell: (c) => (
        <>
          {formatPercent(c.row.original.flow.value)}
          <Change figure={c.row.original.flow} />
        </>
      ),
    }),
    col.accessor((s) => s.throughput.value ?? undefined, {
      id: 'throughput',
      header: 'Throughput / wk',
      ...nullsLast,
      cell: (c) => (
        <>
          {formatNumber(c.row.original.throughput.value)}
          <Change figure={c.row.original.throughput} />
        </>
      ),
    }),
    col.accessor((s) => s.waste.value ?? undefined, {
      id: 'waste',
      header: 'Waste h / wk',
      ...nullsLast,
      cell: (c) => (
        <>
          {formatNumber(c.row.original.waste.value, 0)}
          <Change figure={c.row.original.waste} />
        </>
      ),
    }),
    col.accessor((s) => s.wasteVsBaseline ?? undefined, {
      id: 'baseline',
      header: 'Waste vs baseline',
      ...nullsLast,
      cell: (c) =>
        c.row.original.wasteVsBaseline === null ? (
          '—'
        ) : (
          <span className={c.row.original.wasteVsBaseline >= 0 ? tone.better : tone.worse}>
            {formatChange(-c.row.original.wasteVsBaseline)}
          </span>
        ),
    }),
    col.display({
      id: 'trend',
      header: 'Lead time trend',
      cell: (c) => (
        <Sparkline
          points={weeks.map((week, i) => ({ week, value: c.row.original.leads[i] ?? null }))}
          label={`Lead time of ${c.row.original.name}, ${c.row.original.leads.filter((l) => l !== null).length} weeks measured`}
        />
      ),
    }),
    col.accessor((s) => s.bottleneck?.name ?? undefined, {
      id: 'bottleneck',
      header: 'Bottleneck (map)',
      ...nullsLast,
      cell: (c) => {
        const b = c.row.original.bottleneck;
        return b ? (
          <>
            {b.name}
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              waits {formatDuration(b.waitTimeSeconds, c.row.original.calendar, { view })}
            </span>
          </>
        ) : (
          <span className="text-xs text-slate-500">No map yet</span>
        );
      },
    }),
    col.accessor((s) => s.worse.length, {
      id: 'flag',
      header: 'Got worse',
      sortDescFirst: true,
      cell: (c) =>
        c.row.original.worse.length > 0 ? (
          <Badge tone="red">{c.row.original.worse.join(', ')}</Badge>
        ) : null,
    }),
  ];
}

/** The stream column stays in view while the figures scroll under it (opaque, with an edge). */
const stickyColumn =
  'sticky left-0 z-10 min-w-[9rem] max-w-[12rem] shadow-[1px_0_0_0_var(--color-slate-200)] dark:shadow-[1px_0_0_0_var(--color-slate-700)]';

const numeric = new Set(['lead', 'flow', 'throughput', 'waste', 'baseline']);
const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

function parseSort(value: string | null): SortingState {
  if (!value) return [];
  const [id, dir] = value.split('.');
  return id ? [{ id, desc: dir === 'desc' }] : [];
}

/** Every stream with its figures; a header sorts by it (kept in the URL). */
export function PortfolioTable({
  streams,
  weeks,
  slug,
}: {
  streams: PortfolioStream[];
  weeks: readonly string[];
  slug: string;
}) {
  const [params, setParams] = usePortfolioParams();
  const view = useDurationView();
  const sorting = parseSort(params.sort);
  // The table instance is read afresh on every render, which is all TanStack Table v8 needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: streams,
    columns: columns(slug, rangeQuery(params), weeks, view),
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      void setParams({ sort: first ? `${first.id}.${first.desc ? 'desc' : 'asc'}` : null });
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <ScrollRegion
      label="Value streams: table"
      hint="Scroll sideways for every column; the stream stays in view →"
      className="rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900"
    >
      <table className="w-full text-sm" aria-label="Value streams">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ariaSort[sorted] : undefined}
                    className={cn(
                      'px-3 py-2 align-bottom font-semibold',
                      numeric.has(header.id) && 'text-right',
                      header.id === 'name' && `${stickyColumn} bg-slate-50 dark:bg-slate-800`,
                    )}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className={cn(
                          'inline-flex items-end gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white',
                          numeric.has(header.id) ? 'text-right' : 'text-left',
                        )}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden className={cn('w-2 text-[10px]', !sorted && 'opacity-0')}>
                          {sorted === 'asc' ? '▲' : '▼'}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={cn(row.original.worse.length > 0 && 'bg-red-50 dark:bg-red-950')}
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={cn(
                    'px-3 py-2 align-top',
                    numeric.has(cell.column.id) && 'text-right tabular-nums',
                    cell.column.id === 'name' &&
                      cn(
                        stickyColumn,
                        row.original.worse.length > 0
                          ? 'bg-red-50 dark:bg-red-950'
                          : 'bg-white dark:bg-slate-900',
                      ),
                  )}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
