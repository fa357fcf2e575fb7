/**
 * Factories and state readers for the measurement integration tests (measurements*.test.ts).
 * Everything goes through the tRPC caller, as a client would.
 */
import type { Role } from '@/lib/domain';
import type { Db } from '@/db/client';
import type { MeasurementInput } from '@/lib/validation/measurements';
import type { TestOrg } from './harness';
import { as } from './stream-factories';

/** A period well in the past: a week in January 2026. */
export const week = { periodStart: '2026-01-05', periodEnd: '2026-01-11' } as const;

/** A date `days` from now (UTC), as the validation's clock reads it. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid measurement of the whole stream for `week`: 1 h of work in a 10 h lead time, 90% C&A. */
export function measurement(
  streamId: string,
  overrides: Partial<MeasurementInput> = {},
): MeasurementInput {
  return {
    streamId,
    periodStart: week.periodStart,
    periodEnd: week.periodEnd,
    leadTimeSeconds: 36_000,
    processTimeSeconds: 3_600,
    pctCompleteAccurate: 90,
    ...overrides,
  };
}

/** Saves a measurement (as the owner unless `by` says otherwise) and returns the service's answer. */
export function saveMeasurement(
  db: Db,
  t: TestOrg,
  streamId: string,
  opts: { by?: Role; replace?: boolean; overrides?: Partial<MeasurementInput> } = {},
) {
  return as(db, t, opts.by ?? 'owner').measurements.save({
    orgSlug: t.org.slug,
    measurement: measurement(streamId, opts.overrides),
    replace: opts.replace,
  });
}

/** Every measurement of the organization as its owner lists them (optionally filtered). */
export async function listMeasurements(
  db: Db,
  t: TestOrg,
  filters: { streamId?: string; from?: string; to?: string; source?: 'form' | 'csv' | 'api' } = {},
) {
  const rows = await as(db, t, 'owner').measurements.list({ orgSlug: t.org.slug, ...filters });
  return rows.map((r) => r.measurement);
}

/** The audit trail of the organization as its owner reads it. */
export function listAudit(db: Db, t: TestOrg, streamId?: string) {
  return as(db, t, 'owner').measurements.audit({ orgSlug: t.org.slug, streamId });
}

/** Everything stored about the organization's measurements, to compare before and after. */
export async function measurementState(db: Db, t: TestOrg) {
  return { rows: await listMeasurements(db, t), audit: await listAudit(db, t) };
}
