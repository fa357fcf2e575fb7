/**
 * Factories and state readers for the value-stream and map integration tests
 * (streams*.test.ts, maps*.test.ts). Everything goes through the tRPC caller, as a client would.
 */
import type { Role, OperationalType, StreamKind } from '@/lib/domain';
import type { Db } from '@/db/client';
import type { StepInput } from '@/lib/validation/maps';
import { emptyStream, type StreamFieldsInput } from '@/lib/validation/streams';
import { callerFor, makeOrgWithRoles, randomId, type TestOrg } from './harness';

export type Caller = ReturnType<typeof callerFor>;

export const calendar = { hoursPerDay: 8, daysPerWeek: 5 };

/** Valid fields of an operational (fulfillment) stream with a unique name. */
export function streamFields(overrides: Partial<StreamFieldsInput> = {}): StreamFieldsInput {
  return { ...emptyStream, name: `Stream ${randomId()}`, ...overrides };
}

/** Valid fields of a development stream with a unique name. */
export function devFields(overrides: Partial<StreamFieldsInput> = {}): StreamFieldsInput {
  return streamFields({ kind: 'development', type: null, ...overrides });
}

/** The caller acting as the organization's member of `role`. */
export function as(db: Db, t: TestOrg, role: Role): Caller {
  return callerFor(db, t.users[role].id);
}

/**
 * Registers a stream (as the owner unless `by` says otherwise) and returns its id.
 * `ownedBy` names the member who owns it; null leaves it unowned.
 */
export async function makeStream(
  db: Db,
  t: TestOrg,
  opts: { by?: Role; ownedBy?: Role | null; fields?: Partial<StreamFieldsInput> } = {},
): Promise<string> {
  const ownerId =
    opts.ownedBy === undefined
      ? undefined
      : opts.ownedBy === null
        ? null
        : t.users[opts.ownedBy].id;
  const fields = streamFields({ ...opts.fields, ...(ownerId === undefined ? {} : { ownerId }) });
  const { id } = await as(db, t, opts.by ?? 'owner').streams.create({
    orgSlug: t.org.slug,
    fields,
  });
  return id;
}

/** A valid step: 1 minute of work in 10 minutes, 90% complete and accurate. */
export function step(overrides: Partial<StepInput> = {}): StepInput {
  return {
    name: `Step ${randomId()}`,
    processTimeSeconds: 60,
    leadTimeSeconds: 600,
    processTimeUnit: 'minutes',
    leadTimeUnit: 'minutes',
    pctCompleteAccurate: 90,
    people: 1,
    wastes: [],
    notes: '',
    ...overrides,
  };
}

/** Saves a map version (current state, as the owner, one default step unless told). */
export async function saveMap(
  db: Db,
  t: TestOrg,
  streamId: string,
  opts: {
    steps?: StepInput[];
    by?: Role;
    state?: 'current' | 'future';
    calendar?: typeof calendar;
  } = {},
) {
  return as(db, t, opts.by ?? 'owner').maps.save({
    orgSlug: t.org.slug,
    streamId,
    state: opts.state ?? 'current',
    calendar: opts.calendar ?? calendar,
    steps: opts.steps ?? [step()],
  });
}

/** The stream as the organization's owner reads it. */
export function readStream(db: Db, t: TestOrg, id: string) {
  return as(db, t, 'owner').streams.get({ orgSlug: t.org.slug, id });
}

/** Everything stored about a stream: its row, links and every map version with its steps. */
export async function snapshot(db: Db, t: TestOrg, id: string) {
  const owner = as(db, t, 'owner');
  const stream = await readStream(db, t, id);
  const versions = await owner.maps.versions({ orgSlug: t.org.slug, streamId: id });
  const maps = [];
  for (const v of versions)
    maps.push(
      await owner.maps.get({
        orgSlug: t.org.slug,
        streamId: id,
        state: v.state,
        version: v.version,
      }),
    );
  return { stream, versions, maps };
}

/** The names of the organization's streams the list shows to its owner with these filters. */
export async function listNames(
  db: Db,
  t: TestOrg,
  filters: {
    search?: string;
    kind?: StreamKind;
    type?: OperationalType;
    includeArchived?: boolean;
  } = {},
) {
  const list = await as(db, t, 'owner').streams.list({ orgSlug: t.org.slug, ...filters });
  return list.map((s) => s.name);
}

/**
 * Two organizations; A holds an operational stream owned by its lead (with a current map), a
 * development stream feeding it and a guide draft; B holds a development stream of its own.
 */
export async function makeTwoOrgs(db: Db) {
  const a = await makeOrgWithRoles(db);
  const b = await makeOrgWithRoles(db);
  const op = await makeStream(db, a, { ownedBy: 'lead' });
  const dev = await makeStream(db, a, { fields: devFields() });
  await as(db, a, 'owner').streams.setLinks({
    orgSlug: a.org.slug,
    id: dev,
    operationalStreamIds: [op],
  });
  await saveMap(db, a, op);
  const { id: draft } = await as(db, a, 'owner').streams.saveDraft({
    orgSlug: a.org.slug,
    fields: streamFields(),
    guide: { step: 2 },
  });
  const bDev = await makeStream(db, b, { fields: devFields() });
  return { a, b, ids: { op, dev, draft, bDev } };
}
export type TwoOrgs = Awaited<ReturnType<typeof makeTwoOrgs>>;

/** Everything organization A of `makeTwoOrgs` holds, to compare before and after. */
export async function snapshotOrg(db: Db, f: TwoOrgs) {
  return {
    list: await as(db, f.a, 'owner').streams.list({ orgSlug: f.a.org.slug, includeArchived: true }),
    op: await snapshot(db, f.a, f.ids.op),
    dev: await snapshot(db, f.a, f.ids.dev),
    draft: await snapshot(db, f.a, f.ids.draft),
  };
}

/** An actor editing a stream owned by `ownedBy` (null: nobody), and whether they may. */
export const editCases: readonly { who: string; actor: Role; ownedBy: Role | null; ok: boolean }[] =
  [
    { who: 'the owner, on the lead’s stream', actor: 'owner', ownedBy: 'lead', ok: true },
    { who: 'an admin, on the lead’s stream', actor: 'admin', ownedBy: 'lead', ok: true },
    { who: 'an admin, on an unowned stream', actor: 'admin', ownedBy: null, ok: true },
    { who: 'a lead, on their own stream', actor: 'lead', ownedBy: 'lead', ok: true },
    { who: 'a lead, on the admin’s stream', actor: 'lead', ownedBy: 'admin', ok: false },
    { who: 'a lead, on an unowned stream', actor: 'lead', ownedBy: null, ok: false },
    { who: 'a viewer, even on a stream they own', actor: 'viewer', ownedBy: 'viewer', ok: false },
  ];
