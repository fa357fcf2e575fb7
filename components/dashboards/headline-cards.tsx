'use client';

import Link from 'next/link';
import { cn } from '@/lib/cn';
import { useDurationView } from '@/components/ui/duration-view';
import {
  formatChange,
  formatDuration,
  formatNumber,
  formatPercent,
  sharedCalendar,
} from '@/lib/format';
import type { Portfolio, PortfolioFigure } from './types';
import { trendLabels } from '@/lib/labels';

const trendTone = {
  better: 'text-green-700 dark:text-green-400',
  worse: 'text-red-700 dark:text-red-400',
  flat: 'text-slate-600 dark:text-slate-400',
} as const;

function Trend({ figure, against }: { figure: PortfolioFigure; against: string }) {
  if (figure.value === null)
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400">Nothing measured in these weeks</p>
    );
  if (figure.change === null || figure.trend === null)
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400">
        No figure for {against} to compare
      </p>
    );
  return (
    <p className={cn('text-xs font-medium', trendTone[figure.trend])}>
      <span aria-hidden>{figure.change > 0 ? '▲' : figure.change < 0 ? '▼' : '■'} </span>
      {formatChange(figure.change)} vs {against} ({trendLabels[figure.trend]})
    </p>
  );
}

function Tile({
  title,
  value,
  href,
  children,
}: {
  title: string;
  value: string;
  href: string;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900 print:break-inside-avoid"
    >
      <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {title}
      </h2>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums dark:text-slate-50">
        {value}
      </p>
      <div className="mt-1">{children}</div>
    </Link>
  );
}

/** The six headline figures, each with its trend against the weeks before, each a link to its source. */
export function HeadlineCards({
  data,
  slug,
  previousLabel,
}: {
  data: Portfolio;
  slug: string;
  previousLabel: string;
}) {
  const c = data.cards;
  const view = useDurationView();
  // A median across streams has no one working day when their calendars differ: hours say it plainly.
  const shared = sharedCalendar(data.streams.map((s) => s.calendar));
  const leadView = view === 'working' && !shared ? 'hours' : view;
  const measurements = `/${slug}/measurements?from=${data.range.from}&to=${data.range.to}`;
  return (
    <section
      aria-label="Headline figures"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6"
    >
      <Tile title="Value streams" value={String(c.streams.count)} href={`/${slug}/streams`}>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {c.streams.measured} measured in these weeks
        </p>
      </Tile>
      <Tile
        title="Median lead time"
        value={formatDuration(c.medianLead.value, shared ?? undefined, { view: leadView })}
        href="#streams"
      >
        <Trend figure={c.medianLead} against={previousLabel} />
      </Tile>
      <Tile title="Flow efficiency" value={formatPercent(c.flowEfficiency.value)} href="#streams">
        <Trend figure={c.flowEfficiency} against={previousLabel} />
      </Tile>
      <Tile
        title="Throughput"
        value={
          c.throughputPerWeek.value === null
            ? '—'
            : `${formatNumber(c.throughputPerWeek.value)} / wk`
        }
        href={measurements}
      >
        <Trend figure={c.throughputPerWeek} against={previousLabel} />
      </Tile>
      <Tile
        title="Waste"
        value={
          c.wastePerWeek.value === null ? '—' : `${formatNumber(c.wastePerWeek.value, 0)} h / wk`
        }
        href={measurements}
      >
        <Trend figure={c.wastePerWeek} against={previousLabel} />
      </Tile>
      <Tile
        title="Waste vs baseline"
        value={
          c.wasteVsBaseline.value === null
            ? '—'
            : `${c.wasteVsBaseline.value >= 0 ? '−' : '+'}${formatPercent(Math.abs(c.wasteVsBaseline.value), { decimals: 0 })}`
        }
        href="#streams"
      >
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {c.wasteVsBaseline.value === null
            ? 'No stream has a waste baseline yet'
            : `${formatNumber(c.wasteVsBaseline.currentPerWeek, 0)} h/wk now, ${formatNumber(c.wasteVsBaseline.baselinePerWeek, 0)} h/wk in each stream's first 13 weeks`}
        </p>
      </Tile>
    </section>
  );
}
