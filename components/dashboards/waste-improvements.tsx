'use client';

import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { WasteReduction } from './types';
import { wasteLabels } from '@/lib/labels';

const linkClass = 'text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

/** The improvements marked on the charts, by number: what, where, when, and the waste they target. */
export function WasteImprovements({ d, slug }: { d: WasteReduction; slug: string }) {
  return (
    <section
      aria-labelledby="improvements-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2
        id="improvements-heading"
        className="text-sm font-semibold text-slate-900 dark:text-slate-50"
      >
        Improvements in these weeks
      </h2>
      {d.improvements.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          No improvement of {d.stream ? d.stream.name : 'these streams'} started or was completed
          between {formatDate(d.range.from)} and {formatDate(d.range.to)}.{' '}
          <Link
            className={linkClass}
            href={`/${slug}/improvements/new${d.stream ? `?stream=${d.stream.id}` : ''}`}
          >
            Record one
          </Link>{' '}
          to mark it on these charts.
        </p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm" aria-label="Improvements in these weeks">
            <thead className="text-left text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  #
                </th>
                <th scope="col" className="py-1 pr-3">
                  Improvement
                </th>
                {d.stream ? null : (
                  <th scope="col" className="py-1 pr-3">
                    Stream
                  </th>
                )}
                <th scope="col" className="py-1 pr-3">
                  Targets
                </th>
                <th scope="col" className="py-1 pr-3">
                  Started
                </th>
                <th scope="col" className="py-1">
                  Completed
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {d.improvements.map((i) => (
                <tr key={i.id}>
                  <td className="py-1 pr-3 tabular-nums">{i.number}</td>
                  <th scope="row" className="py-1 pr-3 text-left font-medium">
                    <Link className={linkClass} href={`/${slug}/improvements/${i.id}`}>
                      {i.title}
                    </Link>
                    {i.stepName ? (
                      <span className="font-normal text-slate-600 dark:text-slate-400">
                        {' '}
                        (step {i.stepName})
                      </span>
                    ) : null}
                  </th>
                  {d.stream ? null : (
                    <td className="py-1 pr-3">
                      <Link className={linkClass} href={`/${slug}/streams/${i.streamId}/dashboard`}>
                        {i.streamName}
                      </Link>
                    </td>
                  )}
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {i.waste ? wasteLabels[i.waste] : 'No waste named'}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap tabular-nums">
                    {formatDate(i.startedOn)}
                  </td>
                  <td className="py-1 whitespace-nowrap tabular-nums">
                    {i.completedOn ? formatDate(i.completedOn) : 'In progress'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
