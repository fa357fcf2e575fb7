/**
 * The dashboards' reads. Each walks `measurements_dashboard_idx` (org, stream, step, period
 * start, with the numbers included) one stream at a time, so its cost grows with the tenant's
 * streams and weeks, never with other organizations' rows. Stream-level rows only (step '').
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import type { OperationalType, StreamKind } from '../schema';

export interface DashboardRange {
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
}

export interface StreamFilters {
  kind?: StreamKind;
  type?: OperationalType;
  ownerId?: string;
}

const wasteColumns = ['defects', 'overproduction', 'waiting', 'non_utilized_talent', 'transportation', 'inventory', 'motion', 'extra_processing'].map((w) => `waste_${w}_hours`);

/** The eight waste columns summed, a missing one as nothing; null when the row records no waste at all. */
const wasteOf = (m: string) =>
  sql.raw(`case when num_nonnulls(${wasteColumns.map((c) => `${m}.${c}`).join(', ')}) > 0 then ${wasteColumns.map((c) => `coalesce(${m}.${c}, 0)`).join(' + ')} end`);

function streamWhere(orgId: string, f: StreamFilters): SQL {
  const parts = [sql`s.org_id = ${orgId}`, sql`s.archived_at is null`, sql`s.status = 'active'`];
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`);
  if (f.type) parts.push(sql`s.type = ${f.type}`);
  if (f.ownerId) parts.push(sql`s.owner_id = ${f.ownerId}`);
  return sql.join(parts, sql` and `);
}

export interface PeriodFigures {
  weeks: number;
  medianLead: number | null;
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
  /** Week starts of the current range with their lead time (seconds), for the sparkline. */
  series: { week: string; lead: number | null }[];
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function figures(r: Raw, p: 'c' | 'p'): PeriodFigures {
  return {
    weeks: Number(r[`${p}_weeks`] ?? 0),
    medianLead: num(r[`${p}_median_lead`]),
    pt: num(r[`${p}_pt`]),
    lt: num(r[`${p}_lt`]),
    throughput: num(r[`${p}_throughput`]),
    throughputWeeks: Number(r[`${p}_throughput_weeks`] ?? 0),
    waste: num(r[`${p}_waste`]),
    wasteWeeks: Number(r[`${p}_waste_weeks`] ?? 0),
  };
}

/** Per active stream (filtered): the current and previous period's figures, the waste baseline and a weekly lead-time series. */
export async function portfolioRows(db: Db, orgId: string, range: DashboardRange, filters: StreamFilters): Promise<PortfolioStreamRow[]> {
  const cur = sql`m.period_start >= ${range.from}`;
  const prev = sql`m.period_start <= ${range.prevTo}`;
  const both = sql`m.lead_time_seconds is not null and m.process_time_seconds is not null`;
  const period = (p: 'c' | 'p', when: SQL) => sql`
      count(*) filter (where ${when}) as ${sql.raw(`${p}_weeks`)},
      percentile_cont(0.5) within group (order by m.lead_time_seconds) filter (where ${when}) as ${sql.raw(`${p}_median_lead`)},
      sum(m.process_time_seconds) filter (where ${when} and ${both}) as ${sql.raw(`${p}_pt`)},
      sum(m.lead_time_seconds) filter (where ${when} and ${both}) as ${sql.raw(`${p}_lt`)},
      sum(m.throughput) filter (where ${when}) as ${sql.raw(`${p}_throughput`)},
      count(m.throughput) filter (where ${when}) as ${sql.raw(`${p}_throughput_weeks`)},
      sum(${wasteOf('m')}) filter (where ${when}) as ${sql.raw(`${p}_waste`)},
      count(${wasteOf('m')}) filter (where ${when}) as ${sql.raw(`${p}_waste_weeks`)}`;
  const rows = await rowsOf<Raw>(
    db,
    sql`select s.id, s.name, s.kind, s.type, s.owner_id, u.name as owner_name, agg.*, base.baseline_waste, base.baseline_from
    from value_streams s
    left join users u on u.id = s.owner_id
    cross join lateral (
      select ${period('c', cur)}, ${period('p', prev)},
        coalesce(array_agg(m.period_start::text order by m.period_start) filter (where ${cur}), '{}') as weeks,
        coalesce(array_agg(m.lead_time_seconds::float8 order by m.period_start) filter (where ${cur}), '{}') as leads
      from measurements m
      where m.org_id = ${orgId} and m.stream_id = s.id and m.step_name = '' and m.period_start between ${range.prevFrom} and ${range.to}
    ) agg
    cross join lateral (
      select avg(w.waste) as baseline_waste, min(w.period_start)::text as baseline_from from (
        select ${wasteOf('m')} as waste, m.period_start from measurements m
        where m.org_id = ${orgId} and m.stream_id = s.id and m.step_name = '' and ${wasteOf('m')} is not null
        order by m.period_start limit 13
      ) w
    ) base
    where ${streamWhere(orgId, filters)}
    order by lower(s.name)`,
  );
  return rows.map((r) => {
    const weeks = (r.weeks as string[]) ?? [];
    const leads = (r.leads as (string | number | null)[]) ?? [];
    return {
      id: String(r.id),
      name: String(r.name),
      kind: r.kind as StreamKind,
      type: (r.type as OperationalType | null) ?? null,
      ownerId: (r.owner_id as string | null) ?? null,
      ownerName: (r.owner_name as string | null) ?? null,
      current: figures(r, 'c'),
      previous: figures(r, 'p'),
      baselineWaste: num(r.baseline_waste),
      baselineFrom: (r.baseline_from as string | null) ?? null,
      series: weeks.map((week, i) => ({ week, lead: num(leads[i]) })),
    };
  });
}

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
  ['period_start::text as period_start', 'period_end::text as period_end', 'lead_time_seconds', 'process_time_seconds', 'throughput', 'wip', 'pct_complete_accurate', ...wasteColumns].join(', '),
);

/** One stream's stream-level weeks in a range, oldest first; and its first 13 weeks (the baseline). */
export async function streamWeeks(db: Db, orgId: string, streamId: string, range: { from: string; to: string }) {
  const [weeks, first] = await Promise.all([
    rowsOf<Raw>(db, sql`select ${weekColumns} from measurements where org_id = ${orgId} and stream_id = ${streamId} and step_name = ''
      and period_start between ${range.from} and ${range.to} order by period_start`),
    rowsOf<Raw>(db, sql`select ${weekColumns} from measurements where org_id = ${orgId} and stream_id = ${streamId} and step_name = ''
      order by period_start limit 13`),
  ]);
  return { weeks: weeks.map(toWeek), baseline: first.map(toWeek) };
}
