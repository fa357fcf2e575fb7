/**
 * Reads of the comparison dashboard (operational vs development). Measurements are read one
 * stream at a time through `measurements_dashboard_idx` (org, stream, step, period start, with
 * the numbers included), stream-level rows only (step ''), as every dashboard read does.
 */
import type { StreamSums } from '@/lib/dashboards/comparison';
import type { OperationalType, StreamKind } from '@/lib/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../client';
import { num, rowsOf, type Raw } from '../../rows';
import { improvements, streamLinks, valueStreams } from '../../schema';
import { counted, dashboardStreams } from './streams';
import { wasteOf } from './waste';

/** The seed's six lines of comparison, as each stream describes itself. */
export interface StreamLines {
  customerInteraction: string;
  workPattern: string;
  feedbackLoop: string;
  teamComposition: string;
  wasteKind: string;
  iterationPace: string;
}

export interface ComparisonStreamRow {
  id: string;
  name: string;
  kind: StreamKind;
  type: OperationalType | null;
  lines: StreamLines;
  sums: StreamSums;
}

/** Every stream a dashboard counts, with its six lines and the sums of its weeks in the range. */
export async function comparisonRows(
  db: Db,
  orgId: string,
  range: { from: string; to: string },
): Promise<ComparisonStreamRow[]> {
  const both = sql`m.lead_time_seconds is not null and m.process_time_seconds is not null`;
  const rows = await rowsOf<Raw>(
    db,
    sql`select s.id, s.name, s.kind, s.type, s.customer_interaction, s.work_pattern, s.feedback_loop, s.team_composition, s.waste_kind, s.iteration_pace, agg.*
    from value_streams s
    cross join lateral (
      select count(*) as weeks,
        percentile_cont(0.5) within group (order by m.lead_time_seconds) as median_lead,
        sum(m.process_time_seconds) filter (where ${both}) as pt,
        sum(m.lead_time_seconds) filter (where ${both}) as lt,
        sum(m.throughput) as throughput, count(m.throughput) as throughput_weeks,
        sum(m.wip) as wip, count(m.wip) as wip_weeks,
        sum(m.pct_complete_accurate) as pct, count(m.pct_complete_accurate) as pct_weeks,
        sum(${wasteOf('m')}) as waste, count(${wasteOf('m')}) as waste_weeks
      from measurements m
      where m.org_id = ${orgId} and m.stream_id = s.id and m.step_name = '' and m.period_start between ${range.from} and ${range.to}
    ) agg
    where ${dashboardStreams(orgId)}
    order by lower(s.name)`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    kind: r.kind as StreamKind,
    type: (r.type as OperationalType | null) ?? null,
    lines: {
      customerInteraction: String(r.customer_interaction ?? ''),
      workPattern: String(r.work_pattern ?? ''),
      feedbackLoop: String(r.feedback_loop ?? ''),
      teamComposition: String(r.team_composition ?? ''),
      wasteKind: String(r.waste_kind ?? ''),
      iterationPace: String(r.iteration_pace ?? ''),
    },
    sums: {
      weeks: Number(r.weeks ?? 0),
      medianLead: num(r.median_lead),
      pt: num(r.pt),
      lt: num(r.lt),
      throughput: num(r.throughput),
      throughputWeeks: Number(r.throughput_weeks ?? 0),
      wip: num(r.wip),
      wipWeeks: Number(r.wip_weeks ?? 0),
      pct: num(r.pct),
      pctWeeks: Number(r.pct_weeks ?? 0),
      waste: num(r.waste),
      wasteWeeks: Number(r.waste_weeks ?? 0),
    },
  }));
}

/** Links from development streams to the operational streams they feed, both of them streams a dashboard counts. */
export function activeLinks(db: Db, orgId: string) {
  const dev = alias(valueStreams, 'dev');
  const op = alias(valueStreams, 'op');
  return db
    .select({
      developmentStreamId: streamLinks.developmentStreamId,
      operationalStreamId: streamLinks.operationalStreamId,
      operationalName: op.name,
      operationalType: op.type,
    })
    .from(streamLinks)
    .innerJoin(
      dev,
      and(eq(dev.orgId, streamLinks.orgId), eq(dev.id, streamLinks.developmentStreamId)),
    )
    .innerJoin(op, and(eq(op.orgId, streamLinks.orgId), eq(op.id, streamLinks.operationalStreamId)))
    .where(and(eq(streamLinks.orgId, orgId), counted(dev), counted(op)))
    .orderBy(asc(op.name));
}

/** Improvements made to development streams, the latest started first. */
export function developmentImprovements(db: Db, orgId: string) {
  return db
    .select({
      id: improvements.id,
      streamId: improvements.streamId,
      stepName: improvements.stepName,
      title: improvements.title,
      waste: improvements.waste,
      metric: improvements.metric,
      startedOn: improvements.startedOn,
      completedOn: improvements.completedOn,
      windowWeeks: improvements.windowWeeks,
    })
    .from(improvements)
    .innerJoin(
      valueStreams,
      and(eq(valueStreams.orgId, improvements.orgId), eq(valueStreams.id, improvements.streamId)),
    )
    .where(and(eq(improvements.orgId, orgId), eq(valueStreams.kind, 'development')))
    .orderBy(desc(improvements.startedOn), asc(improvements.title));
}

export interface LinkedWeek {
  streamId: string;
  /** Monday of the week. */
  week: string;
  lead: number | null;
  waste: number | null;
}

/** Lead time and total waste of each week, for every operational stream some development stream feeds. */
export async function linkedOperationalWeeks(
  db: Db,
  orgId: string,
  range: { from: string; to: string },
): Promise<LinkedWeek[]> {
  const rows = await rowsOf<Raw>(
    db,
    sql`select s.id as stream_id, w.week, w.lead, w.waste
    from value_streams s
    cross join lateral (
      select to_char(date_trunc('week', m.period_start::timestamp), 'YYYY-MM-DD') as week,
        m.lead_time_seconds::float8 as lead, (${wasteOf('m')})::float8 as waste
      from measurements m
      where m.org_id = ${orgId} and m.stream_id = s.id and m.step_name = '' and m.period_start between ${range.from} and ${range.to}
      offset 0 -- keeps the subquery per stream: one index range each, never a scan of all the org rows
    ) w
    where s.org_id = ${orgId} and s.kind = 'operational'
      and exists (select 1 from stream_links l where l.org_id = ${orgId} and l.operational_stream_id = s.id)
    order by s.id, w.week`,
  );
  return rows.map((r) => ({
    streamId: String(r.stream_id),
    week: String(r.week),
    lead: num(r.lead),
    waste: num(r.waste),
  }));
}
