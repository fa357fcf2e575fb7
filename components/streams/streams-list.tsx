'use client';

import { operationalTypes, streamKinds } from '@/lib/domain';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Badge, Card, Skeleton } from '@/components/ui/card';
import { FormError, inputClass } from '@/components/ui/field';
import { kindLabels, typeLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { formatDuration, formatPercent } from '@/lib/format';
import { streamsListInput, streamsListParams } from './views';
import { DurationViewSwitch, useDurationView } from '@/components/ui/duration-view';

export function StreamsList() {
  const org = useOrg();
  const trpc = useTRPC();
  const [filters, setFilters] = useQueryStates(streamsListParams, { history: 'replace' });
  const view = useDurationView();
  const streams = useQuery({
    ...trpc.streams.list.queryOptions(streamsListInput(org.slug, filters)),
    placeholderData: (previous) => previous,
  });
  const filtered = Boolean(filters.q || filters.kind || filters.type);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3" role="search">
        <label className="min-w-48 flex-1 text-sm font-medium">
          Search
          <input
            type="search"
            className={`${inputClass} mt-1`}
            placeholder="Name, customer or trigger"
            value={filters.q}
            onChange={(e) =>
              void setFilters(
                { q: e.target.value || null },
                { limitUrlUpdates: { method: 'debounce', timeMs: 250 } },
              )
            }
          />
        </label>
        <label className="text-sm font-medium">
          Kind
          <select
            className={`${inputClass} mt-1`}
            value={filters.kind ?? ''}
            onChange={(e) =>
              void setFilters({
                kind: (e.target.value || null) as (typeof streamKinds)[number] | null,
                type: null,
              })
            }
          >
            <option value="">All kinds</option>
            {streamKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Type
          <select
            className={`${inputClass} mt-1`}
            value={filters.type ?? ''}
            disabled={filters.kind === 'development'}
            onChange={(e) =>
              void setFilters({
                type: (e.target.value || null) as (typeof operationalTypes)[number] | null,
              })
            }
          >
            <option value="">All types</option>
            {operationalTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabels[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={filters.archived}
            onChange={(e) => void setFilters({ archived: e.target.checked || null })}
          />
          Show archived
        </label>
      </div>

      {streams.isPending ? (
        <div className="space-y-2" aria-label="Loading streams">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      ) : streams.isError ? (
        <FormError message={`Could not load streams: ${errorMessage(streams.error)}`} />
      ) : streams.data.length === 0 ? (
        <Card className="text-center">
          {filtered ? (
            <>
              <p className="font-medium">No streams match these filters.</p>
              <Button
                variant="secondary"
                className="mt-3"
                onClick={() => void setFilters({ q: null, kind: null, type: null })}
              >
                Clear filters
              </Button>
            </>
          ) : (
            <>
              <p className="font-medium">No value streams yet.</p>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                Register your first stream: the guide walks you through the seven steps of
                identifying it.
              </p>
              {org.can('streams:create') ? (
                <Button asChild className="mt-4">
                  <Link href={`/${org.slug}/streams/new`}>Register a value stream</Link>
                </Button>
              ) : null}
            </>
          )}
        </Card>
      ) : (
        <div className="space-y-2">
          <DurationViewSwitch
            calendars={streams.data.flatMap((s) => (s.calendar ? [s.calendar] : []))}
          />
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Value streams of {org.name}</caption>
              <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Stream
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Kind
                  </th>
                  <th scope="col" className="hidden px-4 py-2 md:table-cell">
                    Owner
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Lead time
                  </th>
                  <th scope="col" className="hidden px-4 py-2 text-right sm:table-cell">
                    Flow efficiency
                  </th>
                  <th scope="col" className="hidden px-4 py-2 lg:table-cell">
                    Bottleneck
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
                {streams.data.map((s) => {
                  const href =
                    s.status === 'draft'
                      ? `/${org.slug}/streams/new?draft=${s.id}`
                      : `/${org.slug}/streams/${s.id}`;
                  return (
                    <tr key={s.id} className={s.archivedAt ? 'opacity-60' : undefined}>
                      <td className="px-4 py-3">
                        <Link
                          href={href}
                          className="font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300"
                        >
                          {s.name}
                        </Link>
                        <div className="mt-0.5 flex flex-wrap gap-1">
                          {s.status === 'draft' ? (
                            <Badge tone="amber">
                              Draft · step {s.guideStep ?? 1} of 7 · resume
                            </Badge>
                          ) : null}
                          {s.archivedAt ? <Badge>Archived</Badge> : null}
                          {s.customer ? (
                            <span className="text-xs text-slate-500">for {s.customer}</span>
                          ) : null}
                        </div>
                      </td>
                      <td className="px-4 py-3">
                        <Badge tone={s.kind === 'operational' ? 'indigo' : 'green'}>
                          {kindLabels[s.kind]}
                        </Badge>
                        {s.type ? (
                          <div className="mt-0.5 text-xs text-slate-500">{typeLabels[s.type]}</div>
                        ) : null}
                      </td>
                      <td className="hidden px-4 py-3 md:table-cell">
                        {s.ownerName ?? <span className="text-slate-400">No owner</span>}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {s.totals && s.calendar ? (
                          formatDuration(s.totals.totalLeadTimeSeconds, s.calendar, {
                            maxDecimals: 2,
                            view,
                          })
                        ) : (
                          <span className="text-slate-400">Not mapped</span>
                        )}
                      </td>
                      <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">
                        {s.totals
                          ? formatPercent(s.totals.flowEfficiency, { fromRatio: true })
                          : '—'}
                      </td>
                      <td className="hidden px-4 py-3 lg:table-cell">
                        {s.totals ? s.totals.bottleneck.name : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
