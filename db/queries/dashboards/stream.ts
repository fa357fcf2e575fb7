/**
 * One stream's dashboard read: its stream-level weeks (step ''), in a range and its first 13,
 * each an index range of `measurements_dashboard_idx`.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { num, rowsOf, type Raw } from '../../rows';
import { wasteColumns } from './waste';

export interface StreamWeek {
  week: string;
  periodEnd: string;
  lead: number | null;
  process: number | null;
  throughput: number | null;
  wip: number | null;
  pct: number | null;
  /** Hours of each waste, in DOWNTIME order (null where not recorded). */
  wastes: (number | null)[];
}

function toWeek(r: Raw): StreamWeek {
  return {
    week: String(r.period_start),
    periodEnd: String(r.period_end),
    lead: num(r.lead_time_seconds),
    process: num(r.process_time_seconds),
    throughput: num(r.throughput),
    wip: num(r.wip),
    pct: num(r.pct_complete_accurate),
    wastes: wasteColumns.map((c) => num(r[c])),
  };
}

const weekColumns = sql.raw(
  [
    'period_start::text as period_start',
    'period_end::text as period_end',
    'lead_time_seconds',
    'process_time_seconds',
    'throughput',
    'wip',
    'pct_complete_accurate',
    ...wasteColumns,
  ].join(', '),
);

/** One stream's stream-level weeks in a range, oldest first; and its first 13 weeks (the baseline). */
export async function streamWeeks(
  db: Db,
  orgId: string,
  streamId: string,
  range: { from: string; to: string },
) {
  const [weeks, first] = await Promise.all([
    rowsOf<Raw>(
      db,
      sql`select ${weekColumns} from measurements where org_id = ${orgId} and stream_id = ${streamId} and step_name = ''
      and period_start between ${range.from} and ${range.to} order by period_start`,
    ),
    rowsOf<Raw>(
      db,
      sql`select ${weekColumns} from measurements where org_id = ${orgId} and stream_id = ${streamId} and step_name = ''
      order by period_start limit 13`,
    ),
  ]);
  return { weeks: weeks.map(toWeek), baseline: first.map(toWeek) };
}
