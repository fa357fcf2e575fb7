/**
 * Improvements (kaizen): recorded against a stream (or a step), closed when done, and judged by
 * their stream's measured weeks: the targeted figure over `windowWeeks` weeks before the start
 * against as many weeks after completion, with a Mann–Whitney U test and the XmR limits of the
 * weeks before (lib/dashboards/before-after.ts).
 */
import type { ImprovementMetric } from '@/lib/domain';
import type { Db } from '@/db/client';
import { streamWeeks, type StreamWeek } from '@/db/queries/dashboards/stream';
import {
  deleteImprovement,
  findImprovement,
  insertImprovement,
  listImprovements,
  updateImprovement,
  type ImprovementRow,
} from '@/db/queries/improvements';
import { findMembership } from '@/db/queries/orgs';
import { compareWindows, type BeforeAfter } from '@/lib/dashboards/before-after';
import { formatDuration, formatNumber, formatPercent } from '@/lib/format';
import { addDays, weekStartOf } from '@/lib/dates';
import { metricLabels } from '@/lib/labels';
import type { ImprovementFields } from '@/lib/validation/improvements';
import { wastes } from '@/lib/vsm/types';
import { AppError, notFound } from '../errors';
import type { Actor } from './members';
import { assertCanEdit, canEditStream, requireStream } from './streams';

const betterWhen: Record<ImprovementMetric, 'lower' | 'higher'> = {
  lead_time: 'lower',
  process_time: 'lower',
  flow_efficiency: 'higher',
  throughput: 'higher',
  wip: 'lower',
  pct_complete_accurate: 'higher',
  waste_hours: 'lower',
};

/** In hours: a sentence written here reaches pages that state no working day (decision: durations). */
const inHours = (n: number) => formatDuration(n, undefined, { view: 'hours' });

const formats: Record<ImprovementMetric, (n: number) => string> = {
  lead_time: inHours,
  process_time: inHours,
  flow_efficiency: (n) => formatPercent(n),
  throughput: (n) => `${formatNumber(n)} items`,
  wip: (n) => `${formatNumber(n)} items`,
  pct_complete_accurate: (n) => formatPercent(n),
  waste_hours: (n) => `${formatNumber(n, 0)} h`,
};

/** The week's value of the figure an improvement targets (its own waste's hours when it names one). */
export function metricOf(
  week: StreamWeek,
  metric: ImprovementMetric,
  waste: ImprovementRow['waste'],
): number | null {
  switch (metric) {
    case 'lead_time':
      return week.lead;
    case 'process_time':
      return week.process;
    case 'flow_efficiency':
      return week.lead && week.process !== null ? (100 * week.process) / week.lead : null;
    case 'throughput':
      return week.throughput;
    case 'wip':
      return week.wip;
    case 'pct_complete_accurate':
      return week.pct;
    case 'waste_hours': {
      if (waste) return week.wastes[wastes.indexOf(waste)] ?? null;
      return week.wastes.every((v) => v === null)
        ? null
        : week.wastes.reduce<number>((a, v) => a + (v ?? 0), 0);
    }
  }
}

export interface Windows {
  before: { from: string; to: string };
  /** Null while the improvement is open. */
  after: { from: string; to: string } | null;
}

/** Whole weeks: the `n` before the week it started, and the `n` after the week it was completed. */
export function windowsOf(
  imp: Pick<ImprovementRow, 'startedOn' | 'completedOn' | 'windowWeeks'>,
): Windows {
  const start = weekStartOf(imp.startedOn);
  const before = { from: addDays(start, -7 * imp.windowWeeks), to: addDays(start, -1) };
  if (!imp.completedOn) return { before, after: null };
  const next = addDays(weekStartOf(imp.completedOn), 7);
  return { before, after: { from: next, to: addDays(next, 7 * imp.windowWeeks - 1) } };
}

export interface Assessment {
  windows: Windows;
  before: { week: string; value: number }[];
  after: { week: string; value: number }[];
  result: BeforeAfter | null;
  /** Why there is no result yet, in plain words. */
  pending: string | null;
}

async function assess(db: Db, orgId: string, imp: ImprovementRow): Promise<Assessment> {
  const windows = windowsOf(imp);
  const { weeks } = await streamWeeks(db, orgId, imp.streamId, {
    from: windows.before.from,
    to: windows.after?.to ?? windows.before.to,
  });
  const pick = (range: { from: string; to: string } | null) =>
    range
      ? weeks
          .filter((w) => w.week >= range.from && w.week <= range.to)
          .flatMap((w) => {
            const value = metricOf(w, imp.metric, imp.waste);
            return value === null ? [] : [{ week: w.week, value }];
          })
      : [];
  const before = pick(windows.before);
  const after = pick(windows.after);
  if (!windows.after)
    return {
      windows,
      before,
      after,
      result: null,
      pending: 'Still open: the weeks after start counting when it is completed.',
    };
  const label = metricLabels[imp.metric];
  const result = compareWindows(
    before.map((b) => b.value),
    after.map((a) => a.value),
    betterWhen[imp.metric],
    { label, format: formats[imp.metric] },
  );
  return { windows, before, after, result, pending: null };
}

type Listed = Awaited<ReturnType<typeof listImprovements>>[number];

function view(actor: Actor, row: Listed, streamOwnerId: string | null, assessment: Assessment) {
  return {
    ...row.improvement,
    streamName: row.streamName,
    streamKind: row.streamKind,
    ownerName: row.ownerName,
    status: row.improvement.completedOn ? ('closed' as const) : ('open' as const),
    canEdit: canEditStream(actor, { ownerId: streamOwnerId }),
    assessment,
  };
}

export type ImprovementView = ReturnType<typeof view>;

async function streamOwners(db: Db, actor: Actor, ids: string[]) {
  const owners = new Map<string, string | null>();
  for (const id of new Set(ids)) owners.set(id, (await requireStream(db, actor, id)).ownerId);
  return owners;
}

export async function listImprovementViews(db: Db, actor: Actor, params: { streamId?: string }) {
  if (params.streamId) await requireStream(db, actor, params.streamId);
  const rows = await listImprovements(db, { orgId: actor.orgId, streamId: params.streamId });
  const owners = await streamOwners(
    db,
    actor,
    rows.map((r) => r.improvement.streamId),
  );
  const out: ImprovementView[] = [];
  for (const row of rows)
    out.push(
      view(
        actor,
        row,
        owners.get(row.improvement.streamId) ?? null,
        await assess(db, actor.orgId, row.improvement),
      ),
    );
  return out;
}

export async function getImprovement(db: Db, actor: Actor, id: string) {
  const row = await findImprovement(db, { orgId: actor.orgId, id });
  if (!row) throw notFound('That improvement');
  const stream = await requireStream(db, actor, row.improvement.streamId);
  return view(actor, row, stream.ownerId, await assess(db, actor.orgId, row.improvement));
}

/** The owner must be a member of the organization. */
async function checkOwner(db: Db, actor: Actor, ownerId: string | null) {
  if (ownerId && !(await findMembership(db, { orgId: actor.orgId, userId: ownerId }))) {
    throw new AppError(
      'BAD_REQUEST',
      'Choose an owner who is a member of this organization.',
      'ownerId',
    );
  }
}

async function writableStream(db: Db, actor: Actor, streamId: string) {
  const stream = await requireStream(db, actor, streamId).catch(() => {
    throw new AppError('BAD_REQUEST', 'Choose a stream of this organization.', 'streamId');
  });
  assertCanEdit(actor, stream);
  if (stream.archivedAt)
    throw new AppError(
      'BAD_REQUEST',
      'This stream is archived: restore it to record improvements.',
      'streamId',
    );
  return stream;
}

export async function createImprovement(db: Db, actor: Actor, fields: ImprovementFields) {
  await writableStream(db, actor, fields.streamId);
  await checkOwner(db, actor, fields.ownerId);
  return insertImprovement(db, actor.orgId, { ...fields, createdBy: actor.userId });
}

export async function editImprovement(db: Db, actor: Actor, id: string, fields: ImprovementFields) {
  const current = await getImprovement(db, actor, id);
  if (!current.canEdit) assertCanEdit(actor, { ownerId: null });
  if (fields.streamId !== current.streamId) await writableStream(db, actor, fields.streamId);
  await checkOwner(db, actor, fields.ownerId);
  await updateImprovement(db, { orgId: actor.orgId, id }, fields);
}

export async function removeImprovement(db: Db, actor: Actor, id: string) {
  const current = await getImprovement(db, actor, id);
  if (!current.canEdit) assertCanEdit(actor, { ownerId: null });
  await deleteImprovement(db, { orgId: actor.orgId, id });
}

/** Closes an improvement as done on `completedOn`: its weeks after start counting from the next week. */
export async function closeImprovement(db: Db, actor: Actor, id: string, completedOn: string) {
  const current = await getImprovement(db, actor, id);
  if (!current.canEdit) assertCanEdit(actor, { ownerId: null });
  if (completedOn < current.startedOn)
    throw new AppError('BAD_REQUEST', 'It cannot be completed before it started.', 'completedOn');
  await updateImprovement(db, { orgId: actor.orgId, id }, { completedOn });
}
