'use client';

import { streamKinds, type StreamKind } from '@/lib/domain';
import type { ServerFieldErrors } from '@/components/trpc/errors';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { kindLabels } from '@/lib/labels';
import { WeekRange } from './week-range';
import { useWasteParams } from './waste-params';

/** Weeks, stream and baseline: each change replaces the URL (shareable) and refetches. */
export function WasteControls({
  streams,
  fieldErrors,
  defaultBaseline,
}: {
  streams: { id: string; name: string; kind: StreamKind }[];
  fieldErrors: ServerFieldErrors | null;
  defaultBaseline: string | null;
}) {
  const [w, setW] = useWasteParams();
  const error = (key: string) => fieldErrors?.[key]?.[0];
  const chosen = Boolean(w.bfrom || w.bto);
  const halfChosen = Boolean(w.bfrom) !== Boolean(w.bto);
  return (
    <div
      className="flex flex-wrap items-end gap-3 print:hidden"
      role="search"
      aria-label="Choose the weeks, the stream and the baseline"
    >
      <WeekRange fieldErrors={fieldErrors} />
      <label className="text-sm font-medium">
        Stream
        <select
          className={`${inputClass} mt-1 max-w-[16rem]`}
          value={w.stream ?? ''}
          onChange={(e) => void setW({ stream: e.target.value || null })}
        >
          <option value="">All streams (portfolio)</option>
          {streamKinds.map((k) => (
            <optgroup key={k} label={kindLabels[k]}>
              {streams
                .filter((s) => s.kind === k)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <FieldError size="sm" message={error('streamId')} />
      </label>
      <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 px-3 pb-2 dark:border-slate-700">
        <legend className="px-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Baseline{' '}
          {chosen
            ? '(chosen)'
            : defaultBaseline
              ? `(default: 13 weeks from ${formatDate(defaultBaseline)})`
              : '(default: the first 13 weeks with waste)'}
        </legend>
        <label className="text-sm font-medium">
          Baseline from
          <input
            type="date"
            aria-invalid={Boolean(error('baseline.from'))}
            className={`${inputClass} mt-1`}
            value={w.bfrom ?? ''}
            onChange={(e) => void setW({ bfrom: e.target.value || null })}
          />
          <FieldError size="sm" message={error('baseline.from')} />
        </label>
        <label className="text-sm font-medium">
          Baseline to
          <input
            type="date"
            aria-invalid={Boolean(error('baseline.to'))}
            className={`${inputClass} mt-1`}
            value={w.bto ?? ''}
            onChange={(e) => void setW({ bto: e.target.value || null })}
          />
          <FieldError
            size="sm"
            message={
              error('baseline.to') ?? (halfChosen ? 'Enter both dates to use them.' : undefined)
            }
          />
        </label>
        {chosen ? (
          <Button
            variant="ghost"
            size="sm"
            className="mb-1"
            onClick={() => void setW({ bfrom: null, bto: null })}
          >
            Use the default
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}
