'use client';

import dynamic from 'next/dynamic';

export interface SparkPoint {
  week: string;
  value: number | null;
}

/** Recharts is loaded after the page shell: the table reads before its small charts arrive. */
const Chart = dynamic(() => import('./sparkline-chart'), {
  ssr: false,
  loading: () => (
    <span
      aria-hidden
      className="inline-block h-8 w-28 animate-pulse rounded bg-slate-100 dark:bg-slate-800"
    />
  ),
});

/** A tiny line of a weekly series; `label` says in words what it shows (for screen readers). */
export function Sparkline({ points, label }: { points: SparkPoint[]; label: string }) {
  if (points.filter((p) => p.value !== null).length < 2)
    return <span className="text-xs text-slate-500 dark:text-slate-400">Too few weeks</span>;
  return (
    <span
      role="img"
      aria-label={label}
      className="inline-block h-8 w-28 text-indigo-600 dark:text-indigo-400"
    >
      <Chart points={points} />
    </span>
  );
}
