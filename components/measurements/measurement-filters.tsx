'use client';

import { measurementSources, type MeasurementSource } from '@/lib/domain';
import { useQueryStates } from 'nuqs';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { sourceLabels } from '@/lib/labels';
import { type StreamOption } from './shared';
import { tableParams } from './views';

export function useTableParams() {
  return useQueryStates(tableParams, { history: 'replace' });
}

/** Stream, period and source: the server filters on them; each change replaces the URL. */
export function MeasurementFilters({ streams }: { streams: readonly StreamOption[] }) {
  const [filters, setFilters] = useTableParams();
  const filtered = Boolean(filters.stream || filters.from || filters.to || filters.source);
  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter measurements">
      <label className="min-w-44 flex-1 text-sm font-medium sm:flex-none">
        Stream
        <select
          className={`${inputClass} mt-1`}
          value={filters.stream ?? ''}
          onChange={(e) =>
            void setFilters({ stream: e.target.value || null, saved: null, page: null })
          }
        >
          <option value="">All streams</option>
          {streams.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.archivedAt ? ' (archived)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        From
        <input
          type="date"
          className={`${inputClass} mt-1`}
          value={filters.from ?? ''}
          onChange={(e) => void setFilters({ from: e.target.value || null, page: null })}
        />
      </label>
      <label className="text-sm font-medium">
        To
        <input
          type="date"
          className={`${inputClass} mt-1`}
          value={filters.to ?? ''}
          onChange={(e) => void setFilters({ to: e.target.value || null, page: null })}
        />
      </label>
      <label className="text-sm font-medium">
        Source
        <select
          className={`${inputClass} mt-1`}
          value={filters.source ?? ''}
          onChange={(e) =>
            void setFilters({
              source: (e.target.value || null) as MeasurementSource | null,
              page: null,
            })
          }
        >
          <option value="">Any source</option>
          {measurementSources.map((s) => (
            <option key={s} value={s}>
              {sourceLabels[s]}
            </option>
          ))}
        </select>
      </label>
      {filtered ? (
        <Button
          variant="ghost"
          size="sm"
          className="mb-1"
          onClick={() =>
            void setFilters({
              stream: null,
              from: null,
              to: null,
              source: null,
              saved: null,
              page: null,
            })
          }
        >
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
