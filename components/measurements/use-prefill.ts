'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/client';
import {
  metricFields,
  type MeasurementInput,
  type MeasurementValues,
} from '@/lib/validation/measurements';
import type { MeasurementRecord } from './shared';

const carried = [...metricFields, 'method', 'sampleSize'] as const;

/**
 * While `enabled`, fills the numbers from the stream's (and step's) latest earlier
 * measurement whenever the stream, step or period changes; clears what it filled when
 * there is none. A field the person has typed into since it was last filled is left alone,
 * even when the answer arrives after they typed. Returns the measurement it used, null when
 * there is none, undefined while it is still being looked up.
 */
export function usePrefill(
  form: UseFormReturn<MeasurementInput, unknown, MeasurementValues>,
  orgSlug: string,
  key: { streamId: string; stepName: string; periodStart: string },
  enabled: boolean,
): MeasurementRecord | null | undefined {
  const trpc = useTRPC();
  const valid =
    enabled && /^[0-9a-f-]{36}$/i.test(key.streamId) && /^\d{4}-\d{2}-\d{2}$/.test(key.periodStart);
  const previous = useQuery({
    ...trpc.measurements.previous.queryOptions({
      orgSlug,
      streamId: key.streamId,
      stepName: key.stepName,
      before: key.periodStart,
    }),
    enabled: valid,
  });
  const applied = useRef<{ key: string; filled: boolean } | null>(null);
  // What each field held after the last fill (at first, the form's defaults): a field that
  // differs from it now was typed by the person.
  const lastSet = useRef<Partial<Record<(typeof carried)[number], unknown>> | null>(null);
  lastSet.current ??= Object.fromEntries(carried.map((f) => [f, form.getValues(f)]));
  const keyText = `${key.streamId}|${key.stepName}|${key.periodStart}`;
  const data = previous.data;
  const settled = valid && previous.isSuccess && !previous.isFetching;

  useEffect(() => {
    if (!settled || applied.current?.key === keyText) return;
    const wasFilled = applied.current?.filled ?? false;
    applied.current = { key: keyText, filled: Boolean(data) };
    const { setValue, getValues } = form;
    const mine = lastSet.current ?? {};
    for (const f of carried) {
      if (getValues(f) !== mine[f]) continue; // typed by the person: theirs
      const next = data ? data[f] : wasFilled ? (f === 'method' ? 'observed' : null) : undefined;
      if (next === undefined) continue;
      setValue(f, next, { shouldDirty: true });
      mine[f] = next;
    }
  }, [settled, keyText, data, form]);

  if (valid && previous.isPending) return undefined;
  return valid && data ? data : null;
}
