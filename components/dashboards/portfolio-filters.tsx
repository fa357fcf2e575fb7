'use client';

import { operationalTypes, streamKinds, type OperationalType, type StreamKind } from '@/lib/domain';
import { Button } from '@/components/ui/button';
import type { ServerFieldErrors } from '@/components/trpc/errors';
import { inputClass } from '@/components/ui/field';
import { kindLabels, typeLabels } from '@/lib/labels';
import { usePortfolioParams } from './portfolio-params';
import { WeekRange } from './week-range';

/** Range, kind, type and owner: each change replaces the URL (shareable) and refetches. */
export function PortfolioFilters({
  owners,
  fieldErrors,
}: {
  owners: { id: string; name: string }[];
  fieldErrors?: ServerFieldErrors | null;
}) {
  const [p, setP] = usePortfolioParams();
  const filtered = Boolean(p.kind || p.type || p.owner || p.range !== '12w');
  return (
    <div
      className="flex flex-wrap items-end gap-3 print:hidden"
      role="search"
      aria-label="Choose the weeks and streams"
    >
      <WeekRange fieldErrors={fieldErrors} />
      <label className="text-sm font-medium">
        Kind
        <select
          className={`${inputClass} mt-1`}
          value={p.kind ?? ''}
          onChange={(e) =>
            void setP({
              kind: (e.target.value || null) as StreamKind | null,
              type: e.target.value === 'development' ? null : p.type,
            })
          }
        >
          <option value="">Both kinds</option>
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
          value={p.type ?? ''}
          disabled={p.kind === 'development'}
          onChange={(e) => void setP({ type: (e.target.value || null) as OperationalType | null })}
        >
          <option value="">Any type</option>
          {operationalTypes.map((t) => (
            <option key={t} value={t}>
              {typeLabels[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Owner
        <select
          className={`${inputClass} mt-1`}
          value={p.owner ?? ''}
          onChange={(e) => void setP({ owner: e.target.value || null })}
        >
          <option value="">Anyone</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
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
            void setP({ range: null, from: null, to: null, kind: null, type: null, owner: null })
          }
        >
          Reset
        </Button>
      ) : null}
    </div>
  );
}
