'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { CheckedRow, CsvRowError, StreamRef } from '@/lib/csv/cells';
import { csvFields } from '@/lib/csv/fields';
import { defaultCalendar } from '@/lib/vsm/types';
import { formatDuration, formatNumber } from '@/lib/format';

export interface CheckResult {
  /** How many rows passed. */
  ready: number;
  /** The first rows that passed, to show. */
  preview: CheckedRow[];
  /** The import request's body, prepared by the worker when every row passed (so "Import" sends at once). */
  body: Blob | null;
  errors: CsvRowError[];
  errorCount: number;
  totalRows: number;
  problems: string[];
}

const SHOWN_ERRORS = 200;
const columnLabel = new Map(csvFields.map((f) => [f.header, f.label.replace(/ \(.*\)$/, '')]));

/** Step 3: what the check found. Nothing is saved until every row is good. */
export function ReviewStep({
  result,
  streams,
  onBack,
  onRemap,
  onImport,
  pending,
}: {
  result: CheckResult;
  streams: StreamRef[];
  onBack: () => void;
  onRemap: () => void;
  onImport: () => void;
  pending: boolean;
}) {
  const names = new Map(streams.map((s) => [s.id, s.name]));
  const ok =
    result.problems.length === 0 &&
    result.errorCount === 0 &&
    result.ready > 0 &&
    result.body !== null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300" role="status">
        {formatNumber(result.totalRows, 0)} rows read:{' '}
        <strong>{formatNumber(result.ready, 0)} ready</strong>
        {result.errorCount > 0 ? (
          <>
            ,{' '}
            <strong className="text-red-700 dark:text-red-400">
              {formatNumber(result.errorCount, 0)}{' '}
              {result.errorCount === 1 ? 'problem' : 'problems'}
            </strong>
          </>
        ) : null}
        .
        {ok
          ? ' Nothing is saved until you import.'
          : ' Nothing is saved: fix the file and choose it again, or change the column mapping.'}
      </p>
      {result.problems.map((p) => (
        <FormError key={p} message={p} />
      ))}
      {result.errors.length > 0 ? (
        <div className="max-h-96 overflow-auto rounded-md border border-red-200 dark:border-red-900">
          <table className="w-full text-sm" aria-label="Problems in the file">
            <thead className="sticky top-0 bg-red-50 text-left text-red-900 dark:bg-red-950 dark:text-red-200">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Row
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Column
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody>
              {result.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <tr key={i} className="border-t border-red-100 dark:border-red-900/50">
                  <td className="px-3 py-1.5 tabular-nums">{e.row}</td>
                  <td className="px-3 py-1.5">
                    {columnLabel.get(e.column) ?? (e.column === 'row' ? 'The whole row' : e.column)}
                  </td>
                  <td className="px-3 py-1.5">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errorCount > SHOWN_ERRORS ? (
            <p className="px-3 py-2 text-xs text-slate-600 dark:text-slate-400">
              The first {SHOWN_ERRORS} of {formatNumber(result.errorCount, 0)} problems.
            </p>
          ) : null}
        </div>
      ) : null}
      {ok ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="The first rows to import">
            <caption className="pb-2 text-left text-xs text-slate-500 dark:text-slate-400">
              The first {result.preview.length} rows, as they will be saved.
            </caption>
            <thead className="text-left text-slate-600 dark:text-slate-400">
              <tr className="border-b border-slate-200 dark:border-slate-700">
                {[
                  'Row',
                  'Stream',
                  'Step',
                  'Period',
                  'Lead time',
                  'Process time',
                  'Throughput',
                  '%C&A',
                ].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-4 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.preview.map(({ row, values: v }) => (
                <tr key={row} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1.5 pr-4 tabular-nums">{row}</td>
                  <td className="py-1.5 pr-4">{names.get(v.streamId) ?? v.streamId}</td>
                  <td className="py-1.5 pr-4">{v.stepName || '—'}</td>
                  <td className="py-1.5 pr-4 tabular-nums">
                    {v.periodStart} – {v.periodEnd}
                  </td>
                  <td className="py-1.5 pr-4">
                    {v.leadTimeSeconds == null
                      ? '—'
                      : formatDuration(v.leadTimeSeconds, defaultCalendar, { maxDecimals: 1 })}
                  </td>
                  <td className="py-1.5 pr-4">
                    {v.processTimeSeconds == null
                      ? '—'
                      : formatDuration(v.processTimeSeconds, defaultCalendar, { maxDecimals: 1 })}
                  </td>
                  <td className="py-1.5 pr-4 tabular-nums">{v.throughput ?? '—'}</td>
                  <td className="py-1.5 pr-4 tabular-nums">
                    {v.pctCompleteAccurate == null ? '—' : `${v.pctCompleteAccurate}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onBack}>
          Choose another file
        </Button>
        <Button variant="secondary" onClick={onRemap}>
          Change the column mapping
        </Button>
        {ok ? (
          <Button onClick={onImport} pending={pending}>
            Import {formatNumber(result.ready, 0)} rows
          </Button>
        ) : null}
      </div>
    </div>
  );
}
