'use client';

import { useDurationView } from '@/components/ui/duration-view';
import type { Comparison, ComparisonGroup } from './types';
import { metricViews } from './comparison-metrics';

const cell = 'px-3 py-2 text-right tabular-nums';

function streamsText(g: ComparisonGroup): string {
  if (g.streams === 0) return 'none';
  return g.measured === g.streams ? String(g.streams) : `${g.streams} (${g.measured} measured)`;
}

/** The same figures for each kind and each operational type, side by side. */
export function ComparisonTable({ groups }: { groups: Comparison['groups'] }) {
  const kinds = groups.filter((g) => g.by === 'kind');
  const types = groups.filter((g) => g.by === 'type');
  const all = [...kinds, ...types];
  const view = useDurationView();
  return (
    <section
      aria-labelledby="side-by-side"
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <h2
        id="side-by-side"
        className="px-4 pt-4 text-sm font-semibold text-slate-900 dark:text-slate-50"
      >
        Side by side
      </h2>
      <div className="overflow-x-auto">
        <table
          className="mt-2 w-full min-w-[46rem] text-sm"
          aria-label="Operational and development streams side by side"
        >
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <td />
              <th
                scope="colgroup"
                colSpan={kinds.length}
                className="border-l border-slate-200 px-3 pt-2 text-center font-semibold dark:border-slate-700"
              >
                By kind
              </th>
              <th
                scope="colgroup"
                colSpan={types.length}
                className="border-l border-slate-200 px-3 pt-2 text-center font-semibold dark:border-slate-700"
              >
                Operational, by type
              </th>
            </tr>
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">
                Figure
              </th>
              {all.map((g, i) => (
                <th
                  key={g.key}
                  scope="col"
                  className={`px-3 py-2 text-right font-semibold ${i === 0 || i === kinds.length ? 'border-l border-slate-200 dark:border-slate-700' : ''}`}
                >
                  {g.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            <tr>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                Streams
              </th>
              {all.map((g) => (
                <td key={g.key} className={cell}>
                  {streamsText(g)}
                </td>
              ))}
            </tr>
            {metricViews.map((m) => (
              <tr key={m.key}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {m.label}
                </th>
                {all.map((g) => (
                  <td key={g.key} className={cell}>
                    {m.format(g[m.key], g.calendar, view)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-0.5 px-4 py-3 text-xs text-slate-600 dark:text-slate-400">
        {metricViews.map((m) => (
          <li key={m.key}>
            <span className="font-medium">{m.label}:</span> {m.note}.
          </li>
        ))}
      </ul>
    </section>
  );
}
