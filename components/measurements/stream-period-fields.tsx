'use client';

import { useQuery } from '@tanstack/react-query';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import type { MeasurementInput, MeasurementValues } from '@/lib/validation/measurements';
import { addDays, isIsoDay } from '@/lib/dates';
import type { StreamOption } from './shared';

interface Props {
  form: UseFormReturn<MeasurementInput, unknown, MeasurementValues>;
  streams: StreamOption[];
}

const isUuid = (v: string) => /^[0-9a-f-]{36}$/i.test(v);

/** Which stream, which step (or the whole stream), and which period. */
export function StreamPeriodFields({ form, streams }: Props) {
  const org = useOrg();
  const trpc = useTRPC();
  const {
    register,
    setValue,
    getValues,
    formState: { errors },
  } = form;
  const [streamId = '', stepName = ''] = useWatch({
    control: form.control,
    name: ['streamId', 'stepName'],
  });
  const map = useQuery({
    ...trpc.maps.get.queryOptions({ orgSlug: org.slug, streamId, state: 'current' }),
    enabled: isUuid(streamId),
  });
  const stepNames = [...new Set((map.data?.steps ?? []).map((s) => s.name))];
  // A step the map no longer has (an older measurement's) stays choosable.
  if (stepName && !stepNames.includes(stepName)) stepNames.push(stepName);
  const mine = streams.filter((s) => s.canEdit);
  const others = streams.filter((s) => !s.canEdit);

  const shift = (days: number) => {
    const options = { shouldDirty: true, shouldValidate: true };
    // A cleared or half-typed date has no week to move to: it stays for its field to report.
    for (const field of ['periodStart', 'periodEnd'] as const) {
      const day = getValues(field);
      if (isIsoDay(day)) setValue(field, addDays(day, days), options);
    }
  };

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Stream" error={errors.streamId?.message}>
        {(ids) => (
          <select
            {...ids}
            className={inputClass}
            {...register('streamId', { onChange: () => setValue('stepName', '') })}
          >
            {mine.length === 0 ? <option value="">No stream to log for</option> : null}
            <optgroup label="Streams you lead">
              {mine.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
            {others.length ? (
              <optgroup label="Other streams (their owners log them)">
                {others.map((s) => (
                  <option key={s.id} value={s.id} disabled>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        )}
      </Field>
      <Field
        label="Step"
        hint="A step of the current map, or the whole stream"
        error={errors.stepName?.message}
      >
        {(ids) => (
          <select
            {...ids}
            className={inputClass}
            disabled={map.isFetching && !map.data}
            {...register('stepName')}
          >
            <option value="">Whole stream</option>
            {stepNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-4 sm:col-span-2 sm:grid-cols-[1fr_1fr_auto]">
        <Field label="Period start" error={errors.periodStart?.message}>
          {(ids) => (
            <input {...ids} type="date" className={inputClass} {...register('periodStart')} />
          )}
        </Field>
        <Field label="Period end" error={errors.periodEnd?.message}>
          {(ids) => (
            <input {...ids} type="date" className={inputClass} {...register('periodEnd')} />
          )}
        </Field>
        <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="h-[38px]"
            onClick={() => shift(-7)}
            aria-label="One week earlier"
          >
            ← Week
          </Button>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            className="h-[38px]"
            onClick={() => shift(7)}
            aria-label="One week later"
          >
            Week →
          </Button>
        </div>
      </div>
    </div>
  );
}
