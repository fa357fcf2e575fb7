/** What the dashboards' tests share: the weeks they measure, and how they log and improve them. */
import type { Db } from '@/db/client';
import { improvements } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import type { MeasurementInput } from '@/lib/validation/measurements';
import type { TestOrg } from './harness';
import { as } from './stream-factories';

export const H = 3600;
/** March 2025, four whole weeks (Mon 3 – Sun 30); the weeks before are 3 Feb – 2 Mar. */
export const march = { range: 'custom' as const, from: '2025-03-03', to: '2025-03-30' };
export const mar = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];

export const end = (start: string) =>
  new Date(Date.parse(start) + 6 * 86_400_000).toISOString().slice(0, 10);
export const weeksFrom = (start: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + 7 * i * 86_400_000).toISOString().slice(0, 10),
  );

/** Logs one week of a stream as the organization's owner. */
export async function log(
  db: Db,
  t: TestOrg,
  streamId: string,
  start: string,
  values: Partial<MeasurementInput>,
) {
  await as(db, t, 'owner').measurements.save({
    orgSlug: t.org.slug,
    measurement: { streamId, periodStart: start, periodEnd: end(start), ...values },
  });
}

/** The improvements' CRUD is another piece of work: rows go straight in, inside the tenant transaction. */
export async function improve(
  db: Db,
  t: TestOrg,
  streamId: string,
  v: {
    title: string;
    startedOn: string;
    completedOn?: string;
    windowWeeks?: number;
    waste?: 'waiting' | 'defects' | 'extra_processing';
  },
) {
  await withTenant(db, { orgId: t.org.id }, (tx) =>
    tx.insert(improvements).values({
      orgId: t.org.id,
      streamId,
      title: v.title,
      metric: 'lead_time',
      waste: v.waste ?? null,
      startedOn: v.startedOn,
      completedOn: v.completedOn ?? null,
      windowWeeks: v.windowWeeks ?? 8,
      createdBy: t.users.owner.id,
    }),
  );
}
