'use client';

import { useId } from 'react';

export interface DataColumn<T> {
  header: string;
  value: (row: T) => string;
}

/**
 * A chart with its title, a sentence saying what it shows, and the same data as a table (for
 * screen readers, keyboard users and print), folded away by default.
 */
export function ChartFigure<T>({
  title,
  summary,
  rows,
  columns,
  children,
}: {
  title: string;
  summary: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900 print:break-inside-avoid"
    >
      <figcaption>
        <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-900 dark:text-slate-50">
          {title}
        </h2>
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{summary}</p>
      </figcaption>
      <div className="mt-3 h-56" aria-hidden>
        {children}
      </div>
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700 dark:text-indigo-300">
          Show the data as a table
        </summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-xs" aria-label={`${title}: data`}>
            <thead className="sticky top-0 bg-slate-50 text-left dark:bg-slate-800">
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className="px-2 py-1 font-semibold">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header} className="px-2 py-1">
                      {c.value(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
