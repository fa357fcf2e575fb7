/**
 * The portfolio dashboard's read. Like every dashboard read, it walks `measurements_dashboard_idx`
 * (org, stream, step, period start, with the numbers included) one stream at a time, so its cost
 * grows with the tenant's streams and weeks, never with other organizations' rows. Stream-level
 * rows only (step '').
 */
import type { OperationalType, StreamKind } from '@/lib/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { num, rowsOf, type Raw } from '../../rows';
import { dashboardStreams, type StreamFilters } from './streams';

export interface DashboardRange {
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
}

export interface PeriodFigures {
  weeks: number;
  /** Lead times (seconds) of the weeks that have one, in week order: the median is taken from these. */
  leads: number[];
  /** Sums over the weeks that have both lead and process time (flow efficiency is their ratio). */
  pt: number | null;
  lt: number | null;
  throughput: number | null;
  throughputWeeks: number;
  waste: number | null;
  wasteWeeks: number;
}

export interface PortfolioStreamRow {
  id: string;
  name: string;
  kind: StreamKind;
  type: OperationalType | null;
  ownerId: string | null;
  ownerName: string | null;
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Mean weekly waste hours over the stream's first 13 weeks with waste recorded. */
  baselineWaste: number | null;
  baselineFrom: string | null;
  /** Each measured week of the current range: its index from the range's first week, and its lead time (seconds). */
  series: { week: number; lead: number | null }[];
  /** The latest current-state map's calendar, bottleneck (the step with the longest wait) and weakest step (lowest %C&A). */
  map: {
    calendar: { hoursPerDay: number; daysPerWeek: number };
    bottleneck: { name: string; waitTimeSeconds: number } | null;
    weakest: { name: string; pctCompleteAccurate: number } | null;
  } | null;
}

/**
 * A list of numbers sent as one comma-separated text ('' for a missing one): the driver parses an
 * array value by value in JavaScript, which cost more than the query for a year of 200 streams;
 * splitting a string is done natively. float8 prints in its shortest exact form, so nothing is lost.
 */
const nums = (v: unknown) =>
  typeof v === 'string' && v !== '' ? v.split(',').map((x) => (x === '' ? null : Number(x))) : [];
const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);

function figures(r: Raw, p: 'c' | 'p', leads: number[]): PeriodFigures {
  return {
    weeks: Number(r[`${p}_weeks`] ?? 0),
    leads,
    pt: num(r[`${p}_pt`]),
    lt: num(r[`${p}_lt`]),
    throughput: num(r[`${p}_throughput`]),
    throughputWeeks: Number(r[`${p}_throughput_weeks`] ?? 0),
    waste: num(r[`${p}_waste`]),
    wasteWeeks: Number(r[`${p}_waste_weeks`] ?? 0),
  };
}

function mapOf(r: Raw): PortfolioStreamRow['map'] {
  if (r.hours_per_day === null || r.hours_per_day === undefined) return null;
  return {
    calendar: { hoursPerDay: Number(r.hours_per_day), daysPerWeek: Number(r.days_per_week) },
    bottleneck:
      r.bottleneck_name === null
        ? null
        : { name: String(r.bottleneck_name), waitTimeSeconds: Number(r.bottleneck_wait) },
    weakest:
      r.weakest_name === null
        ? null
        : { name: String(r.weakest_name), pctCompleteAccurate: Number(r.weakest_pct) },
  };
}

/**
 * Per active stream (filtered): the current and previous period's figures, the waste baseline, a
 * weekly lead-time series and its current map's bottleneck, in one statement. Only plain sums and
 * counts are aggregated in SQL (over float8, from the index in week order); medians are taken in
 * Node from the lead times, since an ordered-set aggregate per stream and period costs more than
 * the scan. The map's steps are ranked here too (wait = LT − PT, ties to the earlier step, as
 * lib/vsm/map.ts does), so no map is loaded into Node.
 */
export async function portfolioRows(
  db: Db,
  orgId: string,
  range: DashboardRange,
  filters: StreamFilters,
): Promise<PortfolioStreamRow[]> {
  const both = sql`x.lt is not null and x.pt is not null`;
  const period = (p: 'c' | 'p', when: SQL) => sql`
      count(*) filter (where ${when}) as ${sql.raw(`${p}_weeks`)},
      sum(x.pt) filter (where ${when} and ${both}) as ${sql.raw(`${p}_pt`)},
      sum(x.lt) filter (where ${when} and ${both}) as ${sql.raw(`${p}_lt`)},
      sum(x.tp) filter (where ${when}) as ${sql.raw(`${p}_throughput`)},
      count(x.tp) filter (where ${when}) as ${sql.raw(`${p}_throughput_weeks`)},
      sum(x.waste) filter (where ${when}) as ${sql.raw(`${p}_waste`)},
      count(x.waste) filter (where ${when}) as ${sql.raw(`${p}_waste_weeks`)}`;
  const rows = await rowsOf<Raw>(
    db,
    sql`select s.id, s.name, s.kind, s.type, s.owner_id, u.name as owner_name, agg.*, base.baseline_waste, base.baseline_from,
      map.hours_per_day, map.days_per_week, bn.name as bottleneck_name, bn.wait as bottleneck_wait, wk.name as weakest_name, wk.pct as weakest_pct
    from value_streams s
    left join users u on u.id = s.owner_id
    cross join lateral (
      select ${period('c', sql`x.cur`)}, ${period('p', sql`not x.cur`)},
        string_agg(x.week::text, ',') filter (where x.cur) as weeks,
        string_agg(coalesce(x.lt::text, ''), ',') filter (where x.cur) as series_leads,
        string_agg(x.lt::text, ',') filter (where not x.cur and x.lt is not null) as p_leads
      from (
        select m.period_start >= ${range.from}::date as cur, (m.period_start - ${range.from}::date) / 7 as week,
          m.lead_time_seconds::float8 as lt, m.process_time_seconds::float8 as pt, m.throughput::float8 as tp, m.waste_hours as waste
        from measurements m
        where m.org_id = ${orgId} and m.stream_id = s.id and m.step_name = '' and m.period_start between ${range.prevFrom} and ${range.to}
        order by m.period_start
      ) x
    ) agg
    cross join lateral (
      select avg(w.waste) as baseline_waste, min(w.period_start)::text as baseline_from from (
        select m.waste_hours as waste, m.period_start from measurements m
        where m.org_id = ${orgId} and m.stream_id = s.id and m.step_name = '' and m.waste_hours is not null
        order by m.period_start limit 13
      ) w
    ) base
    left join lateral (
      select v.id, v.hours_per_day, v.days_per_week from value_stream_maps v
      where v.org_id = ${orgId} and v.stream_id = s.id and v.state = 'current' order by v.version desc limit 1
    ) map on true
    left join lateral (
      select st.name, (st.lead_time_seconds - st.process_time_seconds)::float8 as wait from map_steps st
      where st.org_id = ${orgId} and st.map_id = map.id order by st.lead_time_seconds - st.process_time_seconds desc, st.position limit 1
    ) bn on true
    left join lateral (
      select st.name, st.pct_complete_accurate::float8 as pct from map_steps st
      where st.org_id = ${orgId} and st.map_id = map.id order by st.pct_complete_accurate, st.position limit 1
    ) wk on true
    where ${dashboardStreams(orgId, filters)}
    order by lower(s.name)`,
  );
  return rows.map((r) => {
    const weeks = nums(r.weeks);
    const leads = nums(r.series_leads);
    return {
      id: String(r.id),
      name: String(r.name),
      kind: r.kind as StreamKind,
      type: (r.type as OperationalType | null) ?? null,
      ownerId: (r.owner_id as string | null) ?? null,
      ownerName: (r.owner_name as string | null) ?? null,
      current: figures(r, 'c', present(leads)),
      previous: figures(r, 'p', present(nums(r.p_leads))),
      baselineWaste: num(r.baseline_waste),
      baselineFrom: (r.baseline_from as string | null) ?? null,
      series: weeks.map((week, i) => ({ week: week ?? 0, lead: leads[i] ?? null })),
      map: mapOf(r),
    };
  });
}
