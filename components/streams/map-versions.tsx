'use client';

import { mapStates } from '@/lib/domain';
import { useQuery } from '@tanstack/react-query';
import { parseAsInteger, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { MapComparison } from '@/components/vsm/map-comparison';
import { ValueStreamMap } from '@/components/vsm/value-stream-map';
import { Badge, Skeleton } from '@/components/ui/card';
import { FormError, inputClass } from '@/components/ui/field';
import { toDrawable } from '@/lib/maps/drawable';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { compareMaps } from '@/lib/vsm/map';
import { mapStateLabels } from '@/lib/labels';

/** Every saved version of a stream's maps; pick one to view, or two to compare. */
export function MapVersions({ orgSlug, streamId }: { orgSlug: string; streamId: string }) {
  const trpc = useTRPC();
  const [sel, setSel] = useQueryStates(
    {
      state: parseAsStringLiteral(mapStates).withDefault('current'),
      a: parseAsInteger,
      b: parseAsInteger,
    },
    { history: 'replace' },
  );
  const versions = useQuery(trpc.maps.versions.queryOptions({ orgSlug, streamId }));
  const ofState = versions.data?.filter((v) => v.state === sel.state) ?? [];
  const a = sel.a ?? ofState[ofState.length - 1]?.version ?? null; // oldest by default
  const b = sel.b ?? ofState[0]?.version ?? null; // latest by default
  const mapA = useQuery({
    ...trpc.maps.get.queryOptions({ orgSlug, streamId, state: sel.state, version: a ?? 1 }),
    enabled: a !== null,
  });
  const mapB = useQuery({
    ...trpc.maps.get.queryOptions({ orgSlug, streamId, state: sel.state, version: b ?? 1 }),
    enabled: b !== null,
  });

  if (versions.isPending) return <Skeleton className="h-40 w-full" />;
  if (versions.isError) return <FormError message={errorMessage(versions.error)} />;
  if (versions.data.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No map has been saved for this stream yet.
      </p>
    );

  const drawA = toDrawable(mapA.data);
  const drawB = toDrawable(mapB.data);
  const picker = (label: string, value: number | null, key: 'a' | 'b') => (
    <label className="text-sm font-medium">
      {label}
      <select
        className={`${inputClass} mt-1`}
        value={value ?? ''}
        onChange={(e) => void setSel({ [key]: Number(e.target.value) })}
      >
        {ofState.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version} · {formatDate(v.createdAt)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="space-y-6">
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Saved map versions</caption>
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:bg-slate-800">
            <tr>
              <th className="px-4 py-2">Map</th>
              <th className="px-4 py-2">Version</th>
              <th className="px-4 py-2">Saved</th>
              <th className="px-4 py-2">Steps</th>
              <th className="px-4 py-2">Note</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
            {versions.data.map((v) => (
              <tr key={v.id}>
                <td className="px-4 py-2">
                  <Badge tone={v.state === 'current' ? 'indigo' : 'green'}>
                    {mapStateLabels[v.state]}
                  </Badge>
                </td>
                <td className="px-4 py-2">
                  <button
                    type="button"
                    className="font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300"
                    onClick={() => void setSel({ state: v.state, a: v.version, b: v.version })}
                  >
                    v{v.version}
                  </button>
                </td>
                <td className="px-4 py-2">
                  {formatDate(v.createdAt)}
                  {v.authorName ? ` · ${v.authorName}` : ''}
                </td>
                <td className="px-4 py-2 tabular-nums">{v.stepCount}</td>
                <td className="px-4 py-2 text-slate-600 dark:text-slate-400">{v.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="compare-heading" className="space-y-4">
        <h2 id="compare-heading" className="text-lg font-semibold">
          View and compare
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium">
            Map
            <select
              className={`${inputClass} mt-1`}
              value={sel.state}
              onChange={(e) =>
                void setSel({
                  state: e.target.value as (typeof mapStates)[number],
                  a: null,
                  b: null,
                })
              }
            >
              {mapStates.map((s) => (
                <option key={s} value={s}>
                  {mapStateLabels[s]}
                </option>
              ))}
            </select>
          </label>
          {picker('From', a, 'a')}
          {picker('To', b, 'b')}
        </div>
        {mapA.isPending || mapB.isPending ? (
          <Skeleton className="h-60 w-full" />
        ) : drawA && drawB && a !== b ? (
          <MapComparison
            current={drawA}
            future={drawB}
            delta={compareMaps(drawA.totals, drawB.totals)}
            calendar={drawA.calendar}
            currentTitle={`v${a}`}
            futureTitle={`v${b}`}
          />
        ) : drawB ? (
          <ValueStreamMap
            steps={drawB.steps}
            totals={drawB.totals}
            calendar={drawB.calendar}
            title={`${mapStateLabels[sel.state]} v${b}`}
          />
        ) : (
          <p className="text-sm text-slate-500">Nothing saved for this map yet.</p>
        )}
      </section>
    </div>
  );
}
