'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { DurationViewSwitch } from '@/components/ui/duration-view';
import { FormError } from '@/components/ui/field';
import { downloadText } from '@/lib/csv/export';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage, fieldErrorsOf } from '@/components/trpc/errors';
import { previousRangeLabels } from '@/lib/labels';
import { HeadlineCards } from './headline-cards';
import { portfolioCsv } from './portfolio-export';
import { PortfolioFilters } from './portfolio-filters';
import { usePortfolioParams } from './portfolio-params';
import { PortfolioTable } from './portfolio-table';
import { portfolioInput } from './views';
import { rangeQuery } from './week-range';

export function PortfolioDashboard() {
  const org = useOrg();
  const trpc = useTRPC();
  const [p] = usePortfolioParams();
  const input = portfolioInput(org.slug, p);
  const query = useQuery({
    ...trpc.dashboards.portfolio.queryOptions(input),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug: org.slug }));
  const owners = (members.data ?? []).map((m) => ({ id: m.userId, name: m.name }));
  const data = query.data;
  const fieldErrors = fieldErrorsOf(query.error);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PortfolioFilters owners={owners} fieldErrors={fieldErrors} />
        {data ? (
          <div className="flex gap-2 print:hidden">
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                downloadText(
                  `portfolio-${data.range.from}-to-${data.range.to}.csv`,
                  portfolioCsv(data),
                )
              }
            >
              Download CSV
            </Button>
            <Button variant="secondary" size="sm" onClick={() => window.print()}>
              Print report
            </Button>
          </div>
        ) : null}
      </div>
      {query.isError && !fieldErrors ? <FormError message={errorMessage(query.error)} /> : null}
      {fieldErrors ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Fix the dates above to see the portfolio.
        </p>
      ) : null}
      {query.isPending && !fieldErrors ? <PortfolioSkeleton /> : null}
      {data && !fieldErrors ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            Weeks of {formatDate(data.range.from)} to {formatDate(data.range.to)}, compared with{' '}
            {formatDate(data.range.prevFrom)} to {formatDate(data.range.prevTo)}.
            {query.isFetching ? ' Updating…' : ''}
          </p>
          {data.streams.length > 0 ? (
            <DurationViewSwitch calendars={data.streams.map((s) => s.calendar)} />
          ) : null}
          {data.streams.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                No value stream matches these filters.{' '}
                {p.kind || p.type || p.owner ? 'Reset the filters, or ' : ''}
                <Link
                  className="text-indigo-700 underline dark:text-indigo-300"
                  href={`/${org.slug}/streams/new`}
                >
                  register a stream
                </Link>{' '}
                to see it here.
              </p>
            </Card>
          ) : (
            <>
              <HeadlineCards
                data={data}
                slug={org.slug}
                previousLabel={previousRangeLabels[data.range.preset]}
              />
              {data.cards.streams.measured === 0 ? (
                <Card>
                  <p className="text-sm text-slate-700 dark:text-slate-300">
                    No measurements in these weeks yet.{' '}
                    <Link
                      className="text-indigo-700 underline dark:text-indigo-300"
                      href={`/${org.slug}/measurements/new`}
                    >
                      Log a week
                    </Link>{' '}
                    or{' '}
                    <Link
                      className="text-indigo-700 underline dark:text-indigo-300"
                      href={`/${org.slug}/measurements/import`}
                    >
                      import a CSV
                    </Link>
                    , or choose other weeks.
                  </p>
                </Card>
              ) : null}
              {data.worse.length > 0 ? (
                <section
                  aria-labelledby="worse-heading"
                  className="rounded-lg border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
                >
                  <h2
                    id="worse-heading"
                    className="text-sm font-semibold text-red-900 dark:text-red-200"
                  >
                    {data.worse.length === 1
                      ? '1 stream got worse'
                      : `${data.worse.length} streams got worse`}{' '}
                    than {previousRangeLabels[data.range.preset]}
                  </h2>
                  <ul className="mt-2 space-y-1 text-sm text-red-900 dark:text-red-200">
                    {data.worse.map((w) => (
                      <li key={w.id}>
                        <Link
                          className="font-medium underline"
                          href={`/${org.slug}/streams/${w.id}/dashboard${rangeQuery(p)}`}
                        >
                          {w.name}
                        </Link>
                        : {w.reasons.join(', ').toLowerCase()}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <section id="streams" aria-label="Every stream" className="scroll-mt-20">
                <PortfolioTable streams={data.streams} weeks={data.range.weeks} slug={org.slug} />
              </section>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

function PortfolioSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the portfolio">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
