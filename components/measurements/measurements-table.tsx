'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo } from 'react';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { calendarLookup } from './calendar';
import { MeasurementCards } from './measurement-cards';
import { measurementColumns, sortingFromParam, sortingToParam } from './measurement-columns';
import { MeasurementFilters, useTableParams } from './measurement-filters';
import { measurementsListInput } from './views';
import { MeasurementsGrid } from './measurements-grid';
import { Pager } from './pager';
import { RowActions } from './row-actions';
import type { MeasurementListRow } from './shared';
import { DurationViewSwitch, useDurationView } from '@/components/ui/duration-view';

const noRows: MeasurementListRow[] = [];
/**
 * Rows on a page. The list holds up to 1,000 rows; drawn at once (as cards and as a table) they
 * took seconds of layout in a browser, and slowed every navigation away from the page.
 */
const PAGE_SIZE = 50;

/** The organization's measurements: filtered on the server (the URL says how), sorted here. */
export function MeasurementsTable() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useTableParams();
  const streams = useQuery(
    trpc.streams.list.queryOptions({ orgSlug: org.slug, includeArchived: true }),
  );
  const list = useQuery({
    ...trpc.measurements.list.queryOptions(measurementsListInput(org.slug, params)),
    placeholderData: (previous) => previous,
  });
  const remove = useMutation(
    trpc.measurements.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.measurements.pathKey() }),
    }),
  );

  const view = useDurationView();
  const columns = useMemo(
    () => measurementColumns(calendarLookup(streams.data), view),
    [streams.data, view],
  );
  // A stable array while the URL says the same: the sorted row model recomputes (and the table
  // resets its state, re-rendering) whenever the sorting's identity changes.
  const sorting = useMemo(
    () =>
      sortingFromParam(
        params.sort,
        columns.map((c) => c.id ?? ''),
      ),
    [params.sort, columns],
  );
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    void setParams({ sort: sortingToParam(next), page: null });
  };
  // The app does not run the React Compiler, and nothing below is memoized: the table instance
  // is read afresh on every render, which is all v8 needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: list.data ?? noRows,
    columns,
    state: { sorting },
    onSortingChange,
    getRowId: (r) => r.measurement.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  // The page in the URL; without one, the page that holds the row just saved, or the first.
  const sorted = table.getRowModel().rows;
  const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const savedAt = params.saved ? sorted.findIndex((r) => r.id === params.saved) : -1;
  const page = Math.min(
    pageCount,
    Math.max(1, params.page ?? (savedAt >= 0 ? Math.floor(savedAt / PAGE_SIZE) + 1 : 1)),
  );
  const rows = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const writable = new Set(
    org.can('measurements:write')
      ? (streams.data ?? []).filter((s) => s.canEdit && !s.archivedAt).map((s) => s.id)
      : [],
  );
  const actions = (r: MeasurementListRow) =>
    writable.has(r.measurement.streamId) ? (
      <RowActions
        row={r}
        onDelete={() => remove.mutate({ orgSlug: org.slug, id: r.measurement.id })}
      />
    ) : null;
  const filtered = Boolean(params.stream || params.from || params.to || params.source);
  const count = list.data?.length ?? 0;

  return (
    <div className="space-y-4">
      <MeasurementFilters streams={streams.data ?? []} />
      <DurationViewSwitch
        calendars={(streams.data ?? []).map((s) => calendarLookup(streams.data)(s.id))}
      />
      <FormError message={remove.isError ? errorMessage(remove.error) : undefined} />
      {list.isPending ? (
        <div className="space-y-2" aria-label="Loading measurements">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <FormError message={errorMessage(list.error)} />
      ) : count === 0 ? (
        <Card className="text-center">
          {filtered ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No measurement matches these filters.
            </p>
          ) : (
            <>
              <h2 className="font-semibold">Log the first week</h2>
              <p className="mx-auto mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">
                Each week, a stream’s lead enters its lead time, throughput, WIP and waste. The
                numbers build the trends on the dashboards.
              </p>
              {org.can('measurements:write') ? (
                <Button asChild className="mt-4">
                  <Link href={`/${org.slug}/measurements/new`}>Log a week</Link>
                </Button>
              ) : null}
            </>
          )}
        </Card>
      ) : (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
            {count === 1 ? '1 measurement' : `${count} measurements`}
            {count >= 1000 ? ' (the latest 1,000: narrow the filters to see older ones)' : ''}. Days
            and weeks are working days and weeks of each stream’s map.
          </p>
          <MeasurementCards table={table} rows={rows} highlight={params.saved} actions={actions} />
          <MeasurementsGrid table={table} rows={rows} highlight={params.saved} actions={actions} />
          {pageCount > 1 ? (
            <Pager
              page={page}
              pageCount={pageCount}
              first={(page - 1) * PAGE_SIZE + 1}
              last={Math.min(count, page * PAGE_SIZE)}
              count={count}
              onPage={(next) => void setParams({ page: next === 1 ? null : next })}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
