/**
 * Every tRPC procedure's access and a valid input for it. The access is what the permission matrix
 * (server/permissions.ts) is asked about: `public`, `signed-in` (outside the door, decision 0012),
 * or the permission the caller's role needs; `scoped` marks a call on one stream, which a role
 * without streams:edit-any may make only on the streams it owns. A procedure missing here fails
 * the matrix (authz-matrix.test.ts), and the fuzz suites start from these inputs.
 *
 * `input(db, f, owner)` builds a valid input, making what the call needs first (as A's owner) so
 * every call has its own target: `owner` is the role whose member owns the targeted stream.
 */
import type { Role } from '@/lib/domain';
import type { Db } from '@/db/client';
import { createOrganization } from '@/server/services/orgs';
import { callerFor, makeUser, randomId, TEST_PASSWORD, tokenOf, uniqueEmail } from './harness';
import {
  type Access,
  type Fixture,
  freshMember,
  freshStreams,
  setup,
  type Who,
  targetOwner,
} from './authz-fixture';
import { makeToken } from './api-factories';
import { measurement } from './measurement-factories';
import { calendar, step, streamFields } from './stream-factories';

type Input = Record<string, unknown>;
export interface ProcedureEntry {
  access: Access;
  scoped?: boolean;
  /** Why the access is not just the door's permission, when it is not. */
  note?: string;
  input: (db: Db, f: Fixture, owner: Role) => Promise<Input>;
}

const slug = (f: Fixture) => ({ orgSlug: f.a.org.slug });
const ownerId = (f: Fixture, role: Role) => f.a.users[role].id;
const streamOf = (f: Fixture, role: Role) => f.streams[role === 'lead' ? 'lead' : 'owner'];
const none = async () => ({});
const inOrg = async (_db: Db, f: Fixture) => slug(f);

/** A saved measurement on a fresh stream owned by `owner`. */
async function savedMeasurement(db: Db, f: Fixture, owner: Role) {
  const { op } = await freshStreams(db, f, owner);
  const { id } = await setup(db, f).measurements.save({ ...slug(f), measurement: measurement(op) });
  return { id, streamId: op };
}

/** An open improvement on a fresh stream owned by `owner`. */
async function savedImprovement(db: Db, f: Fixture, owner: Role) {
  const { op } = await freshStreams(db, f, owner);
  const { id } = await setup(db, f).improvements.create({ ...slug(f), fields: improvement(op) });
  return id;
}

const improvement = (streamId: string) => ({
  streamId,
  stepName: '',
  title: `Kaizen ${randomId()}`,
  waste: 'waiting' as const,
  metric: 'lead_time' as const,
  ownerId: null,
  startedOn: '2026-01-05',
  completedOn: null,
  windowWeeks: 8,
  expectedEffect: 'Shorter waits',
  notes: '',
});

/** Twelve whole weeks of 2026, as a custom range (every field given, so the fuzz edits each). */
const weeksOf2026 = { range: 'custom' as const, from: '2026-01-05', to: '2026-03-29' };

/** An invitation to a new organization nobody of the fixture belongs to (accepting it joins that one). */
async function elsewhereInvitation(db: Db) {
  const founder = await makeUser(db);
  const org = await createOrganization(db, { name: `Org ${randomId()}`, ownerId: founder.id });
  const made = await callerFor(db, founder.id).invitations.create({
    orgSlug: org.slug,
    role: 'viewer',
    expiresInDays: 7,
  });
  return { orgSlug: org.slug, token: tokenOf(made.path) };
}

export const procedures: Record<string, ProcedureEntry> = {
  'auth.signUp': {
    access: 'public',
    input: async () => ({
      name: 'New Person',
      email: uniqueEmail('signup'),
      password: TEST_PASSWORD,
      orgName: `Org ${randomId()}`,
    }),
  },
  'orgs.mine': { access: 'signed-in', input: none },
  // The person's own account: called as a fresh person each time (authz-matrix.test.ts), since a
  // new password or "sign out everywhere" ends the sessions the other cases sign in with.
  'account.sessions': { access: 'signed-in', input: none },
  'account.changePassword': {
    access: 'signed-in',
    input: async () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: `new ${TEST_PASSWORD} ${randomId()}`,
    }),
  },
  'account.signOutEverywhere': { access: 'signed-in', input: none },
  'orgs.create': { access: 'signed-in', input: async () => ({ name: `Org ${randomId()}` }) },
  'orgs.current': { access: 'org:read', input: inOrg },
  'orgs.rename': {
    access: 'org:update',
    input: async (_db, f) => ({ ...slug(f), name: `Renamed ${randomId()}` }),
  },
  'members.list': { access: 'members:read', input: inOrg },
  'members.changeRole': {
    access: 'members:manage',
    input: async (db, f) => ({ ...slug(f), userId: (await freshMember(db, f)).id, role: 'lead' }),
  },
  'members.remove': {
    access: 'members:manage',
    note: 'The door lets any member in (org:read: anyone may leave); removing another member needs members:manage',
    input: async (db, f) => ({ ...slug(f), userId: (await freshMember(db, f)).id }),
  },
  'invitations.list': { access: 'invitations:manage', input: inOrg },
  'invitations.create': {
    access: 'invitations:manage',
    input: async (_db, f) => ({ ...slug(f), role: 'viewer', expiresInDays: 7 }),
  },
  'invitations.revoke': {
    access: 'invitations:manage',
    input: async (db, f) => {
      const made = await setup(db, f).invitations.create({
        ...slug(f),
        role: 'viewer',
        expiresInDays: 7,
      });
      return { ...slug(f), id: made.id };
    },
  },
  'invitations.preview': { access: 'public', input: (db) => elsewhereInvitation(db) },
  'invitations.accept': { access: 'signed-in', input: (db) => elsewhereInvitation(db) },
  'streams.list': {
    access: 'streams:read',
    input: async (_db, f) => ({
      ...slug(f),
      search: 'Stream',
      kind: 'operational',
      type: 'fulfillment',
      includeArchived: true,
    }),
  },
  'streams.get': {
    access: 'streams:read',
    input: async (_db, f, o) => ({ ...slug(f), id: streamOf(f, o).op }),
  },
  'streams.create': {
    access: 'streams:create',
    input: async (_db, f) => ({ ...slug(f), fields: streamFields() }),
  },
  'streams.update': {
    access: 'streams:edit-own',
    scoped: true,
    input: async (db, f, o) => ({
      ...slug(f),
      id: (await freshStreams(db, f, o)).op,
      fields: streamFields({ ownerId: ownerId(f, o) }),
    }),
  },
  'streams.archive': {
    access: 'streams:edit-own',
    scoped: true,
    input: async (db, f, o) => ({ ...slug(f), id: (await freshStreams(db, f, o)).op }),
  },
  'streams.restore': {
    access: 'streams:edit-own',
    scoped: true,
    input: async (db, f, o) => {
      const { op } = await freshStreams(db, f, o);
      await setup(db, f).streams.archive({ ...slug(f), id: op });
      return { ...slug(f), id: op };
    },
  },
  'streams.setLinks': {
    access: 'streams:edit-own',
    scoped: true,
    input: async (db, f, o) => {
      const { op, dev } = await freshStreams(db, f, o);
      return { ...slug(f), id: dev, operationalStreamIds: [op] };
    },
  },
  'streams.saveDraft': {
    access: 'streams:create',
    input: async (_db, f) => ({ ...slug(f), fields: streamFields(), guide: { step: 2 } }),
  },
  'streams.completeGuide': {
    access: 'streams:create',
    scoped: true,
    note: 'The door asks streams:create; completing a draft is editing it (the draft’s owner, or streams:edit-any)',
    input: async (db, f, o) => {
      const { id } = await setup(db, f).streams.saveDraft({
        ...slug(f),
        fields: streamFields({ ownerId: ownerId(f, o) }),
        guide: { step: 6 },
      });
      return { ...slug(f), id, calendar, steps: [step()], guide: { step: 6 } };
    },
  },
  'maps.get': {
    access: 'streams:read',
    input: async (_db, f, o) => ({ ...slug(f), streamId: streamOf(f, o).op, state: 'current' }),
  },
  'maps.versions': {
    access: 'streams:read',
    input: async (_db, f, o) => ({ ...slug(f), streamId: streamOf(f, o).op }),
  },
  'maps.save': {
    access: 'streams:edit-own',
    scoped: true,
    input: async (db, f, o) => ({
      ...slug(f),
      streamId: (await freshStreams(db, f, o)).op,
      state: 'current',
      calendar,
      steps: [step()],
    }),
  },
  'maps.startFuture': {
    access: 'streams:edit-own',
    scoped: true,
    input: async (db, f, o) => {
      const { op } = await freshStreams(db, f, o);
      await setup(db, f).maps.save({
        ...slug(f),
        streamId: op,
        state: 'current',
        calendar,
        steps: [step()],
      });
      return { ...slug(f), streamId: op };
    },
  },
  'measurements.list': {
    access: 'measurements:read',
    input: async (_db, f, o) => ({
      ...slug(f),
      streamId: streamOf(f, o).op,
      from: '2026-01-01',
      to: '2026-03-31',
      source: 'form',
    }),
  },
  'measurements.get': {
    access: 'measurements:read',
    input: async (db, f, o) => ({ ...slug(f), id: (await savedMeasurement(db, f, o)).id }),
  },
  'measurements.previous': {
    access: 'measurements:read',
    input: async (_db, f, o) => ({ ...slug(f), streamId: streamOf(f, o).op, before: '2026-02-01' }),
  },
  'measurements.save': {
    access: 'measurements:write',
    scoped: true,
    input: async (db, f, o) => ({
      ...slug(f),
      measurement: measurement((await freshStreams(db, f, o)).op),
      replace: true,
    }),
  },
  'measurements.update': {
    access: 'measurements:write',
    scoped: true,
    input: async (db, f, o) => {
      const { id, streamId } = await savedMeasurement(db, f, o);
      return { ...slug(f), id, measurement: measurement(streamId, { leadTimeSeconds: 40_000 }) };
    },
  },
  'measurements.remove': {
    access: 'measurements:write',
    scoped: true,
    input: async (db, f, o) => ({ ...slug(f), id: (await savedMeasurement(db, f, o)).id }),
  },
  'measurements.audit': {
    access: 'measurements:audit',
    input: async (_db, f, o) => ({ ...slug(f), streamId: streamOf(f, o).op }),
  },
  'apiTokens.list': { access: 'tokens:manage', input: inOrg },
  'apiTokens.create': {
    access: 'tokens:manage',
    input: async (_db, f) => ({ ...slug(f), name: `Sender ${randomId()}` }),
  },
  'apiTokens.revoke': {
    access: 'tokens:manage',
    input: async (db, f) => ({ ...slug(f), id: (await makeToken(db, f.a, { by: 'owner' })).id }),
  },
  'imports.list': { access: 'measurements:import', input: inOrg },
  'dashboards.portfolio': {
    access: 'dashboards:read',
    input: async (_db, f, o) => ({
      ...slug(f),
      ...weeksOf2026,
      kind: 'operational',
      type: 'fulfillment',
      ownerId: ownerId(f, o),
    }),
  },
  'dashboards.stream': {
    access: 'dashboards:read',
    input: async (_db, f, o) => ({ ...slug(f), id: streamOf(f, o).op, ...weeksOf2026 }),
  },
  'dashboards.comparison': {
    access: 'dashboards:read',
    input: async (_db, f) => ({ ...slug(f), ...weeksOf2026 }),
  },
  'dashboards.waste': {
    access: 'dashboards:read',
    input: async (_db, f, o) => ({
      ...slug(f),
      ...weeksOf2026,
      streamId: streamOf(f, o).op,
      baseline: { from: '2025-10-06', to: '2025-12-28' },
    }),
  },
  'improvements.list': {
    access: 'dashboards:read',
    input: async (_db, f, o) => ({ ...slug(f), streamId: streamOf(f, o).op }),
  },
  'improvements.get': {
    access: 'dashboards:read',
    input: async (db, f, o) => ({ ...slug(f), id: await savedImprovement(db, f, o) }),
  },
  'improvements.create': {
    access: 'improvements:write',
    scoped: true,
    input: async (db, f, o) => ({
      ...slug(f),
      fields: improvement((await freshStreams(db, f, o)).op),
    }),
  },
  'improvements.update': {
    access: 'improvements:write',
    scoped: true,
    input: async (db, f, o) => {
      const { op } = await freshStreams(db, f, o);
      const { id } = await setup(db, f).improvements.create({
        ...slug(f),
        fields: improvement(op),
      });
      return { ...slug(f), id, fields: { ...improvement(op), title: 'Renamed' } };
    },
  },
  'improvements.close': {
    access: 'improvements:write',
    scoped: true,
    input: async (db, f, o) => ({
      ...slug(f),
      id: await savedImprovement(db, f, o),
      completedOn: '2026-03-02',
    }),
  },
  'improvements.remove': {
    access: 'improvements:write',
    scoped: true,
    input: async (db, f, o) => ({ ...slug(f), id: await savedImprovement(db, f, o) }),
  },
};

/** The valid input of `path` for `who`: its target is the stream `targetOwner(who)` owns. */
export function inputFor(db: Db, f: Fixture, path: string, who: Who): Promise<Input> {
  const entry = procedures[path];
  if (!entry) throw new Error(`${path} has no entry in tests/integration/authz-table.ts`);
  return entry.input(db, f, targetOwner(who));
}
