'use client';

import { inputClass } from '@/components/ui/field';
import { rangePresetValues } from '@/lib/validation/dashboards';
import { usePortfolioParams } from './portfolio-params';
import { rangeLabels } from '@/lib/labels';

function FieldError({ message }: { message?: string }) {
  return message ? (
    <span className="mt-1 block text-xs text-red-700 dark:text-red-400">{message}</span>
  ) : null;
}

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
            <FieldError message={error('from')} />
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
            <FieldError message={error('to')} />
          </label>
        </>
      ) : null}
    </>
  );
}
