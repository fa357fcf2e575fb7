/**
 * The data of `npm run bench`: organizations, their owners, value streams, current- and
 * future-state maps for the largest organization, and stream-level weekly measurements, all
 * streamed with `COPY … FROM STDIN`. Rows arrive week by week across every tenant, as they do in
 * production, so a stream's rows are spread over the table rather than stored side by side.
 */
import { operationalTypes, type OperationalType } from '@/lib/domain';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import { addDays, weekStartOf } from '@/lib/dates';

/** The largest organization: 200 streams, three years of weeks. */
export const LARGEST_STREAMS = 200;
export const WEEKS = 156;
export const LARGEST_ROWS = LARGEST_STREAMS * WEEKS;

export interface BenchOrg {
  id: string;
  name: string;
  slug: string;
  ownerId: string;
  streams: { id: string; profile: Profile }[];
  /** Its share of the measurements at the full size. */
  rows: number;
}

export interface BenchPlan {
  largest: BenchOrg;
  orgs: BenchOrg[];
  /** Week starts (Mondays), oldest first; the last is the last full week before today. */
  weeks: string[];
  size: number;
}

/** How a stream behaves: its usual figures, from which each week's numbers vary. */
interface Profile {
  leadDays: number;
  flow: number;
  throughput: number;
  pct: number;
  wasteHours: number;
}

/** A small seeded generator (mulberry32), so the same plan gives the same numbers. */
function random(seed: number) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function profile(rnd: () => number): Profile {
  return {
    leadDays: 2 + 28 * rnd(),
    flow: 0.05 + 0.25 * rnd(),
    throughput: 5 + 75 * rnd(),
    pct: 60 + 38 * rnd(),
    wasteHours: 5 + 60 * rnd(),
  };
}

/**
 * Which tenant gets which rows: the largest organization its 200 × 156, the others the rest of
 * `size`, unevenly (each between half and one and a half times the average), in streams of up to
 * 156 weeks. Ids are made here so that measurements can name their streams without a query.
 */
export function makePlan(
  size: number,
  orgCount: number,
  today = new Date().toISOString().slice(0, 10),
): BenchPlan {
  const others = orgCount - 1;
  if (others < 1 || size < LARGEST_ROWS + others)
    throw new Error(`SIZE must be at least ${LARGEST_ROWS + others} for ${orgCount} organizations`);
  const rnd = random(2026);
  const weights = Array.from({ length: others }, () => 0.5 + rnd());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.max(1, Math.floor(((size - LARGEST_ROWS) * w) / sum)));
  // Rounding leaves a few rows over: the first organizations take one more each.
  for (
    let left = size - LARGEST_ROWS - shares.reduce((a, b) => a + b, 0), i = 0;
    left > 0;
    left--, i = (i + 1) % others
  )
    shares[i] = (shares[i] ?? 0) + 1;
  const org = (index: number, rows: number, slug: string, name: string): BenchOrg => {
    const streamRnd = random(index + 1);
    return {
      id: crypto.randomUUID(),
      name,
      slug,
      ownerId: crypto.randomUUID(),
      streams: Array.from({ length: Math.ceil(rows / WEEKS) }, () => ({
        id: crypto.randomUUID(),
        profile: profile(streamRnd),
      })),
      rows,
    };
  };
  const largest = org(0, LARGEST_ROWS, 'bench-largest', 'Bench Largest');
  const orgs = [
    largest,
    ...shares.map((rows, i) =>
      org(i + 1, rows, `bench-${String(i + 1).padStart(4, '0')}`, `Bench ${i + 1}`),
    ),
  ];
  const lastWeek = addDays(weekStartOf(today), -7);
  const weeks = Array.from({ length: WEEKS }, (_, i) => addDays(lastWeek, -7 * (WEEKS - 1 - i)));
  return { largest, orgs, weeks, size };
}

const NULL = '\\N';
const line = (values: (string | number | null)[]) =>
  values.map((v) => (v === null ? NULL : String(v))).join('\t') + '\n';

/** Streams `rows` (already in COPY's text format, one line each) into `table`. */
async function copy(sql: postgres.Sql, table: string, columns: string[], rows: Iterable<string>) {
  function* chunks() {
    let chunk = '';
    for (const row of rows) {
      chunk += row;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const writable =
    await sql`copy ${sql(table)} (${sql.unsafe(columns.join(', '))}) from stdin`.writable();
  await pipeline(Readable.from(chunks()), writable);
}

const streamNames: Record<OperationalType | 'development', string> = {
  fulfillment: 'Order fulfillment',
  manufacturing: 'Manufacturing',
  software_delivery: 'Software delivery',
  supporting: 'Supporting',
  development: 'Product development',
};

/** Organizations, one owner each (member with the owner role), and every stream. */
export async function loadTenants(
  sql: postgres.Sql,
  plan: BenchPlan,
  ownerEmail: string,
  ownerPasswordHash: string,
) {
  await copy(
    sql,
    'organizations',
    ['id', 'name', 'slug'],
    plan.orgs.map((o) => line([o.id, o.name, o.slug])),
  );
  await copy(
    sql,
    'users',
    ['id', 'name', 'email', 'password_hash'],
    plan.orgs.map((o) =>
      line([
        o.ownerId,
        `Owner of ${o.name}`,
        o === plan.largest ? ownerEmail : `owner@${o.slug}.bench.example`,
        o === plan.largest ? ownerPasswordHash : 'x',
      ]),
    ),
  );
  await copy(
    sql,
    'memberships',
    ['org_id', 'user_id', 'role'],
    plan.orgs.map((o) => line([o.id, o.ownerId, 'owner'])),
  );
  function* streams() {
    for (const o of plan.orgs) {
      for (const [i, s] of o.streams.entries()) {
        // Three operational streams (of each type in turn) for every two development streams.
        const type =
          i % 5 < 3 ? (operationalTypes[i % operationalTypes.length] ?? 'fulfillment') : null;
        const name = `${streamNames[type ?? 'development']} ${String(i + 1).padStart(3, '0')}`;
        yield line([
          o.id,
          s.id,
          name,
          type ? 'operational' : 'development',
          type,
          i % 3 === 0 ? null : o.ownerId,
          o.ownerId,
        ]);
      }
    }
  }
  await copy(
    sql,
    'value_streams',
    ['org_id', 'id', 'name', 'kind', 'type', 'owner_id', 'created_by'],
    streams(),
  );
}

const stepNames = ['Intake', 'Analysis', 'Build', 'Review', 'Test', 'Release'];

/** A current-state map (six steps) for every stream of the largest organization, a future-state map for every other one. */
export async function loadMaps(sql: postgres.Sql, plan: BenchPlan) {
  const o = plan.largest;
  const maps: { id: string; streamId: string; state: 'current' | 'future'; profile: Profile }[] =
    [];
  o.streams.forEach((s, i) => {
    maps.push({ id: crypto.randomUUID(), streamId: s.id, state: 'current', profile: s.profile });
    if (i % 2 === 0)
      maps.push({ id: crypto.randomUUID(), streamId: s.id, state: 'future', profile: s.profile });
  });
  await copy(
    sql,
    'value_stream_maps',
    ['org_id', 'id', 'stream_id', 'state', 'version', 'created_by'],
    maps.map((m) => line([o.id, m.id, m.streamId, m.state, 1, o.ownerId])),
  );
  const rnd = random(7);
  function* steps() {
    for (const m of maps) {
      const scale = m.state === 'future' ? 0.6 : 1;
      for (const [position, name] of stepNames.entries()) {
        const lead = ((m.profile.leadDays * 86_400 * scale) / stepNames.length) * (0.5 + rnd());
        const process = lead * m.profile.flow * (0.5 + rnd());
        const wastes = position % 2 === 0 ? '{waiting}' : '{motion,defects}';
        yield line([
          o.id,
          m.id,
          position,
          name,
          process.toFixed(3),
          lead.toFixed(3),
          (80 + 19 * rnd()).toFixed(3),
          1 + (position % 4),
          wastes,
        ]);
      }
    }
  }
  await copy(
    sql,
    'map_steps',
    [
      'org_id',
      'map_id',
      'position',
      'name',
      'process_time_seconds',
      'lead_time_seconds',
      'pct_complete_accurate',
      'people',
      'wastes',
    ],
    steps(),
  );
}

const measurementColumns = [
  'org_id',
  'stream_id',
  'period_start',
  'period_end',
  'lead_time_seconds',
  'process_time_seconds',
  'wait_time_seconds',
  'throughput',
  'wip',
  'pct_complete_accurate',
  'defects',
  'cost',
  'waste_defects_hours',
  'waste_overproduction_hours',
  'waste_waiting_hours',
  'waste_motion_hours',
  'entered_by',
  'source',
  'method',
  'sample_size',
];
const sources = ['csv', 'api', 'form'] as const;

/**
 * One stream-level week: lead time falling by a quarter over the three years, with noise; process
 * time a share of it (missing in about 3% of weeks); throughput and WIP consistent with Little's
 * law; %C&A; three kinds of waste every week and a fourth every fourth week.
 */
function measurement(
  o: BenchOrg,
  stream: { id: string; profile: Profile },
  week: number,
  weeks: string[],
  rnd: () => number,
): string {
  const p = stream.profile;
  const start = weeks[week] ?? '';
  const leadDays = p.leadDays * (1 - (0.25 * week) / WEEKS) * (0.8 + 0.4 * rnd());
  const lead = Number((leadDays * 86_400).toFixed(3));
  const process =
    rnd() < 0.03 ? null : Math.min(lead, Number((lead * p.flow * (0.8 + 0.4 * rnd())).toFixed(3)));
  const throughput = p.throughput * (0.7 + 0.6 * rnd());
  const waste = (share: number) => (p.wasteHours * share * (0.5 + rnd())).toFixed(2);
  return line([
    o.id,
    stream.id,
    start,
    addDays(start, 6),
    lead.toFixed(3),
    process === null ? null : process.toFixed(3),
    process === null ? null : (lead - process).toFixed(3),
    throughput.toFixed(2),
    ((throughput * leadDays) / 7).toFixed(2),
    Math.min(100, p.pct + 10 * (rnd() - 0.5)).toFixed(3),
    Math.floor(10 * rnd()),
    (1000 + 9000 * rnd()).toFixed(2),
    waste(0.2),
    week % 4 === 0 ? waste(0.1) : null,
    waste(0.5),
    waste(0.2),
    o.ownerId,
    sources[week % 3] ?? 'csv',
    week % 5 === 0 ? 'estimated' : 'observed',
    20,
  ]);
}

/** How many of an organization's rows a table of `total` rows holds: the largest organization's all, the others their share. */
function rowsAt(plan: BenchPlan, o: BenchOrg, total: number): number {
  if (o === plan.largest || total >= plan.size) return o.rows;
  return Math.max(0, Math.floor((o.rows * (total - LARGEST_ROWS)) / (plan.size - LARGEST_ROWS)));
}

/**
 * Grows the table from `from` rows (0 at first) to `to`: the largest organization's rows come
 * with the first call, every other organization's up to its share. Returns the rows added. Two
 * databases loaded with the same plan and the same steps hold the same rows. `sql` must be a
 * superuser connection: COPY is refused on a table under row-level security, and the loader turns
 * off the foreign-key triggers (the rows name streams made above).
 */
export async function loadMeasurements(
  sql: postgres.Sql,
  plan: BenchPlan,
  from: number,
  to: number,
): Promise<number> {
  const ranges = plan.orgs.map((o) => ({
    o,
    first: from === 0 ? 0 : rowsAt(plan, o, from),
    end: rowsAt(plan, o, to),
  }));
  const rnd = random(to);
  let added = 0;
  // An organization's cell j is stream ⌊j / WEEKS⌋, week j mod WEEKS; emitted week by week.
  function* rows() {
    for (let week = 0; week < WEEKS; week++) {
      for (const { o, first, end } of ranges) {
        for (let s = Math.floor(first / WEEKS); s * WEEKS < end; s++) {
          const j = s * WEEKS + week;
          const stream = o.streams[s];
          if (j >= first && j < end && stream) {
            added++;
            yield measurement(o, stream, week, plan.weeks, rnd);
          }
        }
      }
    }
  }
  await sql`set session_replication_role = replica`;
  try {
    await copy(sql, 'measurements', measurementColumns, rows());
  } finally {
    await sql`set session_replication_role = origin`;
  }
  return added;
}
