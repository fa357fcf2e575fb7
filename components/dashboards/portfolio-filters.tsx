'use client';

import { operationalTypes, streamKinds, type OperationalType, type StreamKind } from '@/lib/domain';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { kindLabels, rangeLabels, typeLabels } from '@/lib/labels';
import { rangePresetValues } from '@/lib/validation/dashboards';
import { usePortfolioParams } from './portfolio-params';

/** Range, kind, type and owner: each change replaces the URL (shareable) and refetches. */
export function PortfolioFilters({
  owners,
  fieldErrors,
}: {
  owners: { id: string; name: string }[];
  fieldErrors?: Record<string, string[]> | null;
}) {
  const [p, setP] = usePortfolioParams();
  const filtered = Boolean(p.kind || p.type || p.owner || p.range !== '12w');
  const error = (key: string) => fieldErrors?.[key]?.[0];
  return (
    <div
      className="flex flex-wrap items-end gap-3 print:hidden"
      role="search"
      aria-label="Choose the weeks and streams"
    >
      <label className="text-sm font-medium">
        Weeks
        <select
          className={`${inputClass} mt-1`}
          value={p.range}
          onChange={(e) => void setP({ range: e.target.value as typeof p.range })}
        >
          {rangePresetValues.map((r) => (
            <option key={r} value={r}>
              {rangeLabels[r]}
            </option>
          ))}
        </select>
      </label>
      {p.range === 'custom' ? (
        <>
          <label className="text-sm font-medium">
            From
            <input
              type="date"
              aria-invalid={Boolean(error('from'))}
              className={`${inputClass} mt-1`}
              value={p.from ?? ''}
              onChange={(e) => void setP({ from: e.target.value || null })}
            />
            <FieldError size="sm" message={error('from')} />
          </label>
          <label className="text-sm font-medium">
            To
            <input
              type="date"
              aria-invalid={Boolean(error('to'))}
              className={`${inputClass} mt-1`}
              value={p.to ?? ''}
              onChange={(e) => void setP({ to: e.target.value || null })}
            />
            <FieldError size="sm" message={error('to')} />
          </label>
        </>
      ) : null}
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
