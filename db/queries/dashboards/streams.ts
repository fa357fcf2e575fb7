/**
 * Which streams a dashboard counts, written once for every dashboard's reads: the organization's
 * active streams that are not archived (a draft left in the guide and an archived stream stay
 * out), or the one stream a page names (archived or not: its own history stays readable).
 */
import type { OperationalType, StreamKind } from '@/lib/domain';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { valueStreams } from '../../schema';

/** `value_streams` as the dashboards' raw SQL names it (`from value_streams s`). */
const s = alias(valueStreams, 's');

/** The rule itself, for any alias of `value_streams`. */
export const counted = (t: { archivedAt: AnyColumn; status: AnyColumn }): SQL =>
  sql`${t.archivedAt} is null and ${t.status} = 'active'`;

export interface StreamFilters {
  kind?: StreamKind;
  type?: OperationalType;
  ownerId?: string;
}

/** The streams a dashboard shows (alias `s`): the counted ones, filtered; or just one stream when named. */
export function dashboardStreams(
  orgId: string,
  scope: StreamFilters & { streamId?: string } = {},
): SQL {
  if (scope.streamId) return sql`${s.orgId} = ${orgId} and ${s.id} = ${scope.streamId}`;
  const parts = [sql`${s.orgId} = ${orgId}`, counted(s)];
  if (scope.kind) parts.push(sql`${s.kind} = ${scope.kind}`);
  if (scope.type) parts.push(sql`${s.type} = ${scope.type}`);
  if (scope.ownerId) parts.push(sql`${s.ownerId} = ${scope.ownerId}`);
  return sql.join(parts, sql` and `);
}
