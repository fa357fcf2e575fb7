import type { RouterOutputs } from '@/components/trpc/types';
import { wasteFields, type MeasurementInput } from '@/lib/validation/measurements';
import type { Waste } from '@/lib/vsm/types';

export type MeasurementListRow = RouterOutputs['measurements']['list'][number];
export type MeasurementRecord = MeasurementListRow['measurement'];
export type StreamOption = RouterOutputs['streams']['list'][number];

/** Total waste hours, or null when none was entered. */
export function wasteTotal(
  m: Pick<MeasurementRecord, (typeof wasteFields)[number]>,
): number | null {
  const values = wasteFields.map((f) => m[f]).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/** The waste column of each DOWNTIME waste. */
export const wasteFieldOf: Record<Waste, (typeof wasteFields)[number]> = {
  defects: 'wasteDefectsHours',
  overproduction: 'wasteOverproductionHours',
  waiting: 'wasteWaitingHours',
  non_utilized_talent: 'wasteNonUtilizedTalentHours',
  transportation: 'wasteTransportationHours',
  inventory: 'wasteInventoryHours',
  motion: 'wasteMotionHours',
  extra_processing: 'wasteExtraProcessingHours',
};

/** A form's values: a new entry for the stream and period, every number empty. */
export function emptyValues(
  streamId: string,
  period: { periodStart: string; periodEnd: string },
): MeasurementInput {
  return {
    streamId,
    stepName: '',
    ...period,
    leadTimeSeconds: null,
    processTimeSeconds: null,
    waitTimeSeconds: null,
    throughput: null,
    wip: null,
    pctCompleteAccurate: null,
    defects: null,
    cost: null,
    customerSatisfaction: null,
    wasteDefectsHours: null,
    wasteOverproductionHours: null,
    wasteWaitingHours: null,
    wasteNonUtilizedTalentHours: null,
    wasteTransportationHours: null,
    wasteInventoryHours: null,
    wasteMotionHours: null,
    wasteExtraProcessingHours: null,
    method: 'observed',
    sampleSize: null,
    note: '',
  };
}

/** A saved measurement as form values. */
export function valuesOf(m: MeasurementRecord): MeasurementInput {
  const {
    id: _i,
    orgId: _o,
    createdAt: _c,
    updatedAt: _u,
    enteredBy: _e,
    source: _s,
    importId: _m,
    apiTokenId: _t,
    ...values
  } = m;
  return values;
}

/** Streams a lead can log for: active, not archived; the ones they may edit first. */
export function loggableStreams(streams: readonly StreamOption[]): StreamOption[] {
  return streams
    .filter((s) => s.status === 'active' && !s.archivedAt)
    .sort((a, b) => Number(b.canEdit) - Number(a.canEdit) || a.name.localeCompare(b.name));
}
