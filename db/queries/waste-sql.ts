/**
 * SQL fragments the comparison and waste-reduction reads share: the eight waste columns, their
 * total, and which streams a dashboard counts.
 */
import { sql, type SQL } from 'drizzle-orm';

/** The waste-hours columns of `measurements`, in DOWNTIME order (lib/vsm/types `wastes`). */
export const wasteColumns = [
  'defects',
  'overproduction',
  'waiting',
  'non_utilized_talent',
  'transportation',
  'inventory',
  'motion',
  'extra_processing',
].map((w) => `waste_${w}_hours`);

/**
 * The eight waste columns of row `m` summed, a missing one as nothing; null when the row records no
 * waste at all: the generated column `waste_hours` (migration 0011), which the dashboards' index carries.
 */
export const wasteOf = (m: string) => sql.raw(`${m}.waste_hours`);

/** The streams a dashboard shows (alias `s`): the organization's active, unarchived ones, or just one stream when named. */
export function dashboardStreams(orgId: string, streamId?: string): SQL {
  if (streamId) return sql`s.org_id = ${orgId} and s.id = ${streamId}`;
  return sql`s.org_id = ${orgId} and s.archived_at is null and s.status = 'active'`;
}

export type Raw = Record<string, unknown>;
export const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
