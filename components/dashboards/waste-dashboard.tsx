'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { downloadText } from '@/lib/csv/export';
import { formatChange, formatDate, formatHours } from '@/lib/format';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage, fieldErrorsOf } from '@/components/trpc/errors';
import type { WasteReduction } from './types';
import { WasteControls } from './waste-controls';
import { wasteInput } from './views';
import { useWeekRange } from './week-range';
import { wasteCsv } from './waste-export';
import { WasteFigures } from './waste-figures';
import { WasteImprovements } from './waste-improvements';
import { useWasteParams } from './waste-params';

const linkClass = 'text-indigo-700 underline dark:text-indigo-300';

export function WasteDashboard() {
  const org = useOrg();
  const trpc = useTRPC();
  const [weeks] = useWeekRange();
  const [w] = useWasteParams();
  const input = wasteInput(org.slug, weeks, w);
  const query = useQuery({
    ...trpc.dashboards.waste.queryOptions(input),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const list = useQuery(trpc.streams.list.queryOptions({ orgSlug: org.slug }));
  // Active streams, and the chosen one even when it is a draft or archived.
  const streams = (list.data ?? []).filter((s) => s.status === 'active' || s.id === w.stream);
  const d = query.data;
  const fieldErrors = fieldErrorsOf(query.error);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <WasteControls
          streams={streams}
          fieldErrors={fieldErrors}
          defaultBaseline={d?.firstWasteWeek ?? null}
        />
        {d ? (
          <Button
            variant="secondary"
            size="sm"
            className="mb-1 print:hidden"
            onClick={() =>
              downloadText(
                `waste-${d.stream ? d.stream.name : 'portfolio'}-${d.range.from}-to-${d.range.to}.csv`,
                wasteCsv(d),
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
          Fix the fields above to see the waste.
        </p>
      ) : null}
      {query.isPending && !fieldErrors ? <WasteSkeleton /> : null}
      {d && !fieldErrors ? <Body d={d} slug={org.slug} fetching={query.isFetching} /> : null}
    </div>
  );
}

function Tile({
  title,
  value,
  children,
}: {
  title: string;
  value: string;
  children: React.ReactNode;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {title}
      </h2>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums dark:text-slate-50">
        {value}
      </p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{children}</p>
    </div>
  );
}

function Body({ d, slug, fetching }: { d: WasteReduction; slug: string; fetching: boolean }) {
  const what = d.stream ? d.stream.name : 'the portfolio';
  const logWeek = `/${slug}/measurements/new${d.stream ? `?stream=${d.stream.id}` : ''}`;
  if (d.firstWasteWeek === null) {
    return (
      <Card>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No waste recorded for {what} yet. Enter the hours lost to each kind of waste when you{' '}
          <Link className={linkClass} href={logWeek}>
            log a week
          </Link>
          , or{' '}
          <Link className={linkClass} href={`/${slug}/measurements/import`}>
            import a CSV
          </Link>{' '}
          with the waste columns.
        </p>
      </Card>
    );
  }
  const b = d.baseline;
  const saved = d.cumulative;
  return (
    <>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {d.stream ? d.stream.name : 'All active streams'}, weeks of {formatDate(d.range.from)} to{' '}
        {formatDate(d.range.to)}.{' '}
        {b
          ? `Baseline: ${formatDate(b.from)} to ${formatDate(b.to)}${b.chosen ? ' (chosen)' : ', the first 13 weeks from the first week with waste recorded'}.`
          : ''}
        {fetching ? ' Updating…' : ''}
      </p>
      {b && b.weeks === 0 ? (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No waste recorded in the baseline weeks you chose ({formatDate(b.from)} to{' '}
            {formatDate(b.to)}): choose other weeks, or use the default baseline.
          </p>
        </Card>
      ) : null}
      {d.current.weeks === 0 ? (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No waste recorded for {what} in these weeks.{' '}
            <Link className={linkClass} href={logWeek}>
              Log a week
            </Link>{' '}
            with its waste hours, or choose other weeks.
          </p>
        </Card>
      ) : null}
      <section
        aria-label="Waste against the baseline"
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4"
      >
        <Tile
          title="Waste now"
          value={d.current.perWeek === null ? '—' : `${formatHours(d.current.perWeek)} / wk`}
        >
          {d.current.weeks} weeks with waste recorded
        </Tile>
        <Tile
          title="Baseline"
          value={!b || b.perWeek === null ? '—' : `${formatHours(b.perWeek)} / wk`}
        >
          {b ? `${b.weeks} weeks from ${formatDate(b.from)}` : 'None yet'}
        </Tile>
        <Tile title="Change vs baseline" value={formatChange(d.change)}>
          {d.change === null
            ? 'Nothing to compare yet'
            : d.change <= 0
              ? 'less waste a week'
              : 'more waste a week'}
        </Tile>
        <Tile title="Saved so far" value={saved === null ? '—' : formatHours(saved)}>
          {saved === null
            ? 'No baseline yet'
            : 'against the baseline’s weekly rate, over these weeks'}
        </Tile>
      </section>
      <WasteFigures d={d} />
      <WasteImprovements d={d} slug={slug} />
    </>
  );
}

function WasteSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the waste">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-72" />
        ))}
      </div>
    </div>
  );
}
