/**
 * Reads of the waste-reduction dashboard: weekly waste hours per category for one stream or the
 * whole portfolio, the first week with waste recorded, and the improvements of the range. Each
 * walks `measurements_dashboard_idx` one stream at a time (stream-level rows only, step '').
 */
import { and, asc, eq, or, between, sql } from 'drizzle-orm';
import type { WasteWeek } from '@/lib/dashboards/waste';
import { wastes } from '@/lib/vsm/types';
import type { Db } from '../../client';
import { num, rowsOf, type Raw } from '../../rows';
import { improvements, valueStreams } from '../../schema';
import { counted, dashboardStreams } from './streams';

/** The waste-hours columns of `measurements`, one per waste of lib/vsm, in its (DOWNTIME) order. */
export const wasteColumns = wastes.map((w) => `waste_${w}_hours`);

/**
 * The eight waste columns of row `m` summed, a missing one as nothing; null when the row records no
 * waste at all: the generated column `waste_hours` (migration 0011), which the dashboards' index carries.
 */
export const wasteOf = (m: string) => sql.raw(`${m}.waste_hours`);

export interface WasteScope {
  orgId: string;
  /** One stream; undefined: every active stream. */
  streamId?: string;
}

/** The Monday of the first week with any waste recorded, or null when none is. */
export async function firstWasteWeek(db: Db, scope: WasteScope): Promise<string | null> {
  const [row] = await rowsOf<Raw>(
    db,
    sql`select to_char(date_trunc('week', min(f.period_start)::timestamp), 'YYYY-MM-DD') as first
    from value_streams s
    cross join lateral (
      select m.period_start from measurements m
      where m.org_id = ${scope.orgId} and m.stream_id = s.id and m.step_name = '' and ${wasteOf('m')} is not null
      order by m.period_start limit 1
    ) f
    where ${dashboardStreams(scope.orgId, { streamId: scope.streamId })}`,
  );
  return row?.first ? String(row.first) : null;
}

const wasteList = sql.raw(wasteColumns.map((c) => `m.${c}`).join(', '));
const categorySums = sql.raw(
  wasteColumns.map((c) => `coalesce(sum(m.${c}), 0)::float8 as ${c}`).join(', '),
);

/** The weeks of a range with waste recorded, oldest first: hours per category, summed over the scope's streams. */
export async function wasteByWeek(
  db: Db,
  scope: WasteScope,
  range: { from: string; to: string },
): Promise<WasteWeek[]> {
  const rows = await rowsOf<Raw>(
    db,
    sql`select to_char(date_trunc('week', m.period_start::timestamp), 'YYYY-MM-DD') as week, ${categorySums}
    from value_streams s
    cross join lateral (
      select m.period_start, ${wasteList} from measurements m
      where m.org_id = ${scope.orgId} and m.stream_id = s.id and m.step_name = '' and m.period_start between ${range.from} and ${range.to}
        and ${wasteOf('m')} is not null
      offset 0 -- keeps the subquery per stream: one index range each, never a scan of all the org rows
    ) m
    where ${dashboardStreams(scope.orgId, { streamId: scope.streamId })}
    group by 1
    order by 1`,
  );
  return rows.map((r) => ({
    week: String(r.week),
    hours: wasteColumns.map((c) => num(r[c]) ?? 0),
  }));
}

/** Improvements of the scope's streams started or completed within the range, oldest first. */
export function improvementsInRange(
  db: Db,
  scope: WasteScope,
  range: { from: string; to: string },
) {
  const streams = scope.streamId
    ? eq(improvements.streamId, scope.streamId)
    : counted(valueStreams);
  return db
    .select({
      id: improvements.id,
      streamId: improvements.streamId,
      streamName: valueStreams.name,
      stepName: improvements.stepName,
      title: improvements.title,
      waste: improvements.waste,
      metric: improvements.metric,
      startedOn: improvements.startedOn,
      completedOn: improvements.completedOn,
    })
    .from(improvements)
    .innerJoin(
      valueStreams,
      and(eq(valueStreams.orgId, improvements.orgId), eq(valueStreams.id, improvements.streamId)),
    )
    .where(
      and(
        eq(improvements.orgId, scope.orgId),
        streams,
        or(
          between(improvements.startedOn, range.from, range.to),
          between(improvements.completedOn, range.from, range.to),
        ),
      ),
    )
    .orderBy(asc(improvements.startedOn), asc(improvements.title))
    .limit(200);
}
