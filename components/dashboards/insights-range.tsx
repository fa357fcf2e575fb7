'use client';

import { FieldError, inputClass } from '@/components/ui/field';
import { rangePresetValues } from '@/lib/validation/dashboards';
import { rangeLabels } from '@/lib/labels';
import { usePortfolioParams } from './portfolio-params';

/** The weeks to show, kept in the URL under the portfolio's keys (range, from, to) so every view shares them. */
export function InsightsRange({ fieldErrors }: { fieldErrors?: Record<string, string[]> | null }) {
  const [p, setP] = usePortfolioParams();
  const error = (key: string) => fieldErrors?.[key]?.[0];
  return (
    <>
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
    </>
  );
}
