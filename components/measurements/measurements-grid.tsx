'use client';

import { flexRender, type Row, type Table } from '@tanstack/react-table';
import { cn } from '@/lib/cn';
import { columnLayout } from './measurement-columns';
import type { MeasurementListRow } from './shared';

interface GridProps {
  table: Table<MeasurementListRow>;
  /** The rows of the page shown, sorted. */
  rows: Row<MeasurementListRow>[];
  /** The row to highlight (just saved). */
  highlight?: string | null;
  /** Edit and delete for a row, or null when the viewer may not change it. */
  actions: (row: MeasurementListRow) => React.ReactNode;
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/** The wide-screen table: a header button per column sorts by it (again: the other way). */
export function MeasurementsGrid({ table, rows, highlight, actions }: GridProps) {
  return (
    <div className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block dark:border-slate-700 dark:bg-slate-900">
      <table className="w-full text-sm" aria-label="Measurements">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const layout = columnLayout[header.column.id] ?? {};
                const label = String(header.column.columnDef.header ?? header.column.id);
                const next = header.column.getNextSortingOrder();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ariaSort[sorted] : undefined}
                    className={cn(
                      'px-2 py-2 font-semibold whitespace-nowrap',
                      layout.numeric && 'text-right',
                    )}
                  >
                    <button
                      type="button"
                      className={cn(
                        'inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white',
                        sorted && 'text-slate-900 dark:text-white',
                      )}
                      title={
                        next
                          ? `Sort by ${label.toLowerCase()}, ${next === 'desc' ? 'descending' : 'ascending'}`
                          : undefined
                      }
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden className={cn('w-2 text-[10px]', !sorted && 'opacity-0')}>
                        {sorted === 'asc' ? '▲' : '▼'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="sticky right-0 bg-slate-50 px-2 py-2 dark:bg-slate-800">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr
              key={row.id}
              className={cn(
                highlight === row.original.measurement.id && 'bg-green-50 dark:bg-green-950/40',
              )}
            >
              {row.getVisibleCells().map((cell) => {
                const layout = columnLayout[cell.column.id] ?? {};
                return (
                  <td
                    key={cell.id}
                    data-column={cell.column.id}
                    className={cn(
                      'px-2 py-2',
                      layout.wrap ? 'min-w-28' : 'whitespace-nowrap',
                      layout.numeric && 'text-right tabular-nums',
                    )}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
              <td className="sticky right-0 bg-white px-2 py-1 text-right whitespace-nowrap shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.15)] dark:bg-slate-900">
                {actions(row.original)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
