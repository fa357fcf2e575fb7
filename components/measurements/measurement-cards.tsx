'use client';

import { flexRender, type Row, type Table } from '@tanstack/react-table';
import { inputClass } from '@/components/ui/field';
import { Badge } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { methodLabels, sourceLabels } from '@/lib/labels';
import { formatPeriod } from '@/lib/format';
import { columnLayout } from './measurement-columns';
import { type MeasurementListRow } from './shared';

interface CardsProps {
  table: Table<MeasurementListRow>;
  /** The rows of the page shown, sorted. */
  rows: Row<MeasurementListRow>[];
  highlight?: string | null;
  actions: (row: MeasurementListRow) => React.ReactNode;
}

/** The narrow-screen list: one card per measurement, sorted with a picker instead of headers. */
export function MeasurementCards({ table, rows, highlight, actions }: CardsProps) {
  const [current] = table.getState().sorting;
  const columns = table.getAllLeafColumns();
  return (
    <div className="space-y-2 md:hidden">
      <label className="flex items-center gap-2 text-sm font-medium">
        Sort by
        <select
          className={cn(inputClass, 'w-auto py-1.5')}
          value={current ? `${current.id}:${current.desc ? 'desc' : 'asc'}` : ''}
          onChange={(e) => {
            const [id = 'period', dir] = e.target.value.split(':');
            table.setSorting([{ id, desc: dir === 'desc' }]);
          }}
        >
          {columns.flatMap((c) => {
            const label = String(c.columnDef.header ?? c.id);
            return [
              <option key={`${c.id}:desc`} value={`${c.id}:desc`}>
                {label}, descending
              </option>,
              <option key={`${c.id}:asc`} value={`${c.id}:asc`}>
                {label}, ascending
              </option>,
            ];
          })}
        </select>
      </label>
      <ul className="space-y-2" aria-label="Measurements">
        {rows.map((row) => {
          const r = row.original;
          return (
            <li
              key={row.id}
              className={cn(
                'rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900',
                highlight === r.measurement.id &&
                  'border-green-300 bg-green-50 dark:bg-green-950/40',
              )}
            >
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {r.streamName}
                    {r.measurement.stepName ? ` · ${r.measurement.stepName}` : ''}
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">
                    {formatPeriod(r.measurement.periodStart, r.measurement.periodEnd)}
                  </p>
                </div>
                <Badge>{sourceLabels[r.measurement.source]}</Badge>
              </div>
              <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-1 tabular-nums">
                {row
                  .getVisibleCells()
                  .filter((cell) => columnLayout[cell.column.id]?.numeric)
                  .map((cell) => (
                    <div key={cell.id}>
                      <dt className="text-xs text-slate-500">
                        {String(cell.column.columnDef.header ?? cell.column.id)}
                      </dt>
                      <dd>{flexRender(cell.column.columnDef.cell, cell.getContext())}</dd>
                    </div>
                  ))}
              </dl>
              <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
                <span>
                  {methodLabels[r.measurement.method]} · {r.enteredByName ?? '—'}
                </span>
                {actions(r)}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
