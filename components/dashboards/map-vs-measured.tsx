'use client';

import { useDurationView } from '@/components/ui/duration-view';
import { formatDuration, formatPercent } from '@/lib/format';
import type { StreamDashboard } from './types';

/** The current map's totals beside what was measured: does the map still describe the stream? */
export function MapVsMeasured({ d }: { d: StreamDashboard }) {
  const m = d.map;
  const view = useDurationView();
  const rows = [
    {
      label: 'Lead time',
      map: m ? formatDuration(m.lead, d.calendar, { view }) : '—',
      measured: formatDuration(d.current.medianLead, d.calendar, { view }),
      target: d.targets ? formatDuration(d.targets.lead, d.calendar, { view }) : '—',
    },
    {
      label: 'Process time',
      map: m ? formatDuration(m.process, d.calendar, { view }) : '—',
      measured: formatDuration(d.current.medianProcess, d.calendar, { view }),
      target: '—',
    },
    {
      label: 'Flow efficiency',
      map: formatPercent(m?.flowEfficiency),
      measured: formatPercent(d.current.flowEfficiency),
      target: formatPercent(d.targets?.flowEfficiency),
    },
  ];
  return (
    <section
      aria-labelledby="map-vs-measured"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="map-vs-measured" className="text-sm font-semibold text-slate-900 dark:text-slate-50">
        The map beside the measurements
      </h2>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
        {m
          ? `Current-state map, version ${d.mapVersion}: bottleneck ${m.bottleneck.name} (waits ${formatDuration(m.bottleneck.waitTimeSeconds, d.calendar, { view })}), lowest %C&A at ${m.weakest.name} (${formatPercent(m.weakest.pctCompleteAccurate)}).`
          : 'This stream has no current-state map yet.'}{' '}
        Measured figures are medians of these weeks.
      </p>
      <table className="mt-3 w-full max-w-xl text-sm" aria-label="Map totals and measured figures">
        <thead className="text-left text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1">
              Figure
            </th>
            <th scope="col" className="py-1 text-right">
              Current map
            </th>
            <th scope="col" className="py-1 text-right">
              Measured
            </th>
            <th scope="col" className="py-1 text-right">
              Target
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="py-1 text-left font-medium">
                {r.label}
              </th>
              <td className="py-1 text-right">{r.map}</td>
              <td className="py-1 text-right">{r.measured}</td>
              <td className="py-1 text-right">{r.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
