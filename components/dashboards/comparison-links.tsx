'use client';

import { useDurationView } from '@/components/ui/duration-view';
import Link from 'next/link';
import { formatDate, formatDuration, formatNumber } from '@/lib/format';
import { typeLabels, wasteLabels } from '@/lib/labels';
import type { BeforeAfter } from '@/lib/dashboards/before-after';
import { VerdictBadge } from '@/components/improvements/verdict';
import type { LinkedDevelopmentStream } from './types';

type Improvement = LinkedDevelopmentStream['improvements'][number];

const linkClass = 'text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

function Change({ r, format }: { r: BeforeAfter; format: (n: number | null) => string }) {
  return (
    <>
      {format(r.beforeMedian)} → {format(r.afterMedian)}
      <span className="ml-1">
        <VerdictBadge verdict={r.verdict} />
      </span>
    </>
  );
}

function ImprovementCard({ i, slug }: { i: Improvement; slug: string }) {
  const view = useDurationView();
  const when = i.completedOn
    ? `${formatDate(i.startedOn)} to ${formatDate(i.completedOn)}`
    : `started ${formatDate(i.startedOn)}, in progress`;
  const hours = (n: number | null) => (n === null ? '—' : `${formatNumber(n)} h / wk`);
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className="text-sm font-medium text-slate-900 dark:text-slate-100">
        <Link className={linkClass} href={`/${slug}/improvements/${i.id}`}>
          {i.title}
        </Link>
        {i.stepName ? (
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {' '}
            (step {i.stepName})
          </span>
        ) : null}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {when}
        {i.waste ? ` · against ${wasteLabels[i.waste].toLowerCase()}` : ''} · the {i.windowWeeks}{' '}
        weeks to {formatDate(i.windows.before.to)}
        {i.windows.after
          ? ` against the ${i.windowWeeks} weeks from ${formatDate(i.windows.after.from)}`
          : '; the weeks after count once it is completed'}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table
          className="w-full min-w-[32rem] text-sm"
          aria-label={`${i.title}: the operational streams before and after`}
        >
          <thead className="text-left text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3">
                Operational stream
              </th>
              <th scope="col" className="py-1 pr-3">
                Median lead time, before → after
              </th>
              <th scope="col" className="py-1">
                Waste, before → after
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
            {i.effects.map((e) => (
              <tr key={e.streamId}>
                <th scope="row" className="py-1 pr-3 text-left font-medium">
                  <Link className={linkClass} href={`/${slug}/streams/${e.streamId}/dashboard`}>
                    {e.streamName}
                  </Link>
                </th>
                <td className="py-1 pr-3">
                  <Change
                    r={e.lead}
                    format={(n) => (n === null ? '—' : formatDuration(n, e.calendar, { view }))}
                  />
                </td>
                <td className="py-1">
                  <Change r={e.waste} format={hours} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="mt-2 space-y-0.5 text-xs text-slate-700 dark:text-slate-300">
        {i.effects.flatMap((e) =>
          [e.lead, e.waste]
            .filter((r) => r.verdict !== 'not enough data')
            .map((r) => (
              <li key={`${e.streamId}-${r === e.lead ? 'lead' : 'waste'}`}>{r.sentence}</li>
            )),
        )}
        {i.effects.some(
          (e) => e.lead.verdict === 'not enough data' || e.waste.verdict === 'not enough data',
        ) ? (
          <li className="text-slate-600 dark:text-slate-400">
            {i.completedOn
              ? 'Where it says “not enough data”, each window needs at least 3 weeks measured.'
              : 'No verdict until it is completed and 3 weeks after it are measured.'}
          </li>
        ) : null}
      </ul>
    </li>
  );
}

function DevelopmentCard({ d, slug }: { d: LinkedDevelopmentStream; slug: string }) {
  return (
    <article
      aria-labelledby={`dev-${d.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 id={`dev-${d.id}`} className="text-sm font-semibold text-slate-900 dark:text-slate-50">
        <Link className={linkClass} href={`/${slug}/streams/${d.id}`}>
          {d.name}
        </Link>
      </h3>
      {d.feeds.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Not linked to any operational stream. On{' '}
          <Link className={linkClass} href={`/${slug}/streams/${d.id}`}>
            its page
          </Link>
          , choose the operational streams it feeds.
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Feeds{' '}
          {d.feeds.map((f, n) => (
            <span key={f.id}>
              {n > 0 ? ', ' : ''}
              <Link className={linkClass} href={`/${slug}/streams/${f.id}/dashboard`}>
                {f.name}
              </Link>
              {f.type ? ` (${typeLabels[f.type].toLowerCase()})` : ''}
            </span>
          ))}
          .
        </p>
      )}
      {d.improvements.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          No improvements recorded for {d.name} yet, so there is nothing to compare before and
          after.{' '}
          <Link className={linkClass} href={`/${slug}/improvements/new?stream=${d.id}`}>
            Record one
          </Link>
          .
        </p>
      ) : d.feeds.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {d.improvements.length === 1 ? '1 improvement' : `${d.improvements.length} improvements`}{' '}
          recorded; link the stream to see what they did downstream.
        </p>
      ) : (
        <ul className="mt-2 space-y-2">
          {d.improvements.map((i) => (
            <ImprovementCard key={i.id} i={i} slug={slug} />
          ))}
        </ul>
      )}
    </article>
  );
}

/** Development streams, the operational streams they feed, and what their improvements did there. */
export function ComparisonLinks({
  links,
  slug,
}: {
  links: LinkedDevelopmentStream[];
  slug: string;
}) {
  const linked = links.some((d) => d.feeds.length > 0);
  return (
    <section aria-labelledby="links-heading" className="space-y-3">
      <div>
        <h2 id="links-heading" className="text-sm font-semibold text-slate-900 dark:text-slate-50">
          Development streams and the operational streams they feed
        </h2>
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
          For each improvement of a development stream: the operational stream’s median lead time
          and weekly waste in the weeks before it started and after it was completed (medians,
          Mann–Whitney U and the natural process limits of the weeks before).
        </p>
      </div>
      {links.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
          No development stream yet.{' '}
          <Link className={linkClass} href={`/${slug}/streams/new`}>
            Register one
          </Link>{' '}
          (kind: development) and link it to the operational streams it feeds.
        </p>
      ) : !linked ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
          No development stream is linked to an operational stream yet: on a development stream’s
          page, choose the operational streams it feeds.
        </p>
      ) : null}
      <div className="grid gap-3">
        {links.map((d) => (
          <DevelopmentCard key={d.id} d={d} slug={slug} />
        ))}
      </div>
    </section>
  );
}
