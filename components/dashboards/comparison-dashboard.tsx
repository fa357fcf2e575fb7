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
import type { Comparison } from './types';
import { ComparisonDistribution } from './comparison-distribution';
import { comparisonCsv } from './comparison-export';
import { ComparisonLines } from './comparison-lines';
import { ComparisonLinks } from './comparison-links';
import { ComparisonTable } from './comparison-table';
import { comparisonInput } from './views';
import { useWeekRange, WeekRange } from './week-range';

const linkClass = 'text-indigo-700 underline dark:text-indigo-300';

export function ComparisonDashboard() {
  const org = useOrg();
  const trpc = useTRPC();
  const [weeks] = useWeekRange();
  const input = comparisonInput(org.slug, weeks);
  const query = useQuery({
    ...trpc.dashboards.comparison.queryOptions(input),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = query.data;
  const fieldErrors = fieldErrorsOf(query.error);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
        <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Choose the weeks">
          <WeekRange fieldErrors={fieldErrors} />
        </div>
        {data ? (
          <Button
            variant="secondary"
            size="sm"
            className="mb-1"
            onClick={() =>
              downloadText(
                `operational-vs-development-${data.range.from}-to-${data.range.to}.csv`,
                comparisonCsv(data),
              )
            }
          >
            Download CSV
          </Button>
        ) : null}
      </div>
      {query.isError && !fieldErrors ? <FormError message={errorMessage(query.error)} /> : null}
      {fieldErrors ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Fix the dates above to see the comparison.
        </p>
      ) : null}
      {query.isPending && !fieldErrors ? <ComparisonSkeleton /> : null}
      {data && !fieldErrors ? (
        <Body data={data} slug={org.slug} fetching={query.isFetching} />
      ) : null}
    </div>
  );
}

function Body({ data, slug, fetching }: { data: Comparison; slug: string; fetching: boolean }) {
  const count = (kind: string) => data.streams.filter((s) => s.kind === kind).length;
  const missing = ['operational', 'development'].filter((k) => count(k) === 0);
  const measured = data.streams.some((s) => s.weeks > 0);
  if (data.streams.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No value streams yet.{' '}
          <Link className={linkClass} href={`/${slug}/streams/new`}>
            Register an operational stream and a development stream
          </Link>{' '}
          to compare them here.
        </p>
      </Card>
    );
  }
  return (
    <>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        Weeks of {formatDate(data.range.from)} to {formatDate(data.range.to)}:{' '}
        {count('operational')} operational and {count('development')} development streams.
        {fetching ? ' Updating…' : ''}
      </p>
      {missing.length > 0 ? (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No {missing[0]} stream yet, so there is nothing to compare with.{' '}
            <Link className={linkClass} href={`/${slug}/streams/new`}>
              Register one
            </Link>{' '}
            (kind: {missing[0]}) to see both side by side.
          </p>
        </Card>
      ) : null}
      {!measured ? (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No measurements in these weeks yet.{' '}
            <Link className={linkClass} href={`/${slug}/measurements/new`}>
              Log a week
            </Link>{' '}
            or{' '}
            <Link className={linkClass} href={`/${slug}/measurements/import`}>
              import a CSV
            </Link>
            , or choose other weeks.
          </p>
        </Card>
      ) : null}
      <DurationViewSwitch calendars={data.streams.map((s) => s.calendar)} />
      <ComparisonTable groups={data.groups} />
      <ComparisonDistribution data={data} />
      <ComparisonLines streams={data.streams} slug={slug} />
      <ComparisonLinks links={data.links} slug={slug} />
    </>
  );
}

function ComparisonSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the comparison">
      <Skeleton className="h-72 w-full" />
      <Skeleton className="h-72 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
