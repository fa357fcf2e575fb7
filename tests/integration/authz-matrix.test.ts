/**
 * The authorization matrix, generated from the router and the app folder: every tRPC procedure and
 * every HTTP route, called by each kind of caller (owner, admin, a lead on their own stream and on
 * another's, a viewer, a member of another organization, signed out, an API token of each role),
 * gets the outcome the permission matrix (server/permissions.ts) gives, through the accesses
 * declared in authz-table.ts and http-routes.ts. A refused call changes no row. A procedure or
 * route without a declared access fails here.
 */
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it, vi } from 'vitest';
import { appRouter } from '@/server/routers';
import {
  callers,
  checksum,
  expectedOutcome,
  type Fixture,
  makeFixture,
  type Outcome,
  targetOwner,
  type Who,
} from './authz-fixture';
import { inputFor, procedures } from './authz-table';
import { callerFor, forEachDriver, makeUser, newSession } from './harness';
import {
  discoverRoutes,
  outcomeOf,
  routes,
  routeState,
  sessionOf,
  tokenOf,
  trpcRequest,
} from './http-routes';

vi.mock('@/server/db', () => ({
  getDb: async () => (globalThis as unknown as { __authzRoutes: { db: unknown } }).__authzRoutes.db,
  getReadDb: async () => null, // no read replica here
}));
vi.mock('@/server/auth', async (original) => ({
  ...(await original<typeof import('@/server/auth')>()),
  // The session the cookie would claim: a live one of the user the case signs in as.
  currentSession: async () => {
    const { db, userId } = (
      globalThis as unknown as {
        __authzRoutes: { db: import('@/db/client').Db; userId: string | null };
      }
    ).__authzRoutes;
    if (!userId) return null;
    const { sessionOf } = await import('./harness');
    return sessionOf(db, userId);
  },
}));

const procedurePaths = Object.keys(appRouter._def.procedures).sort();
const routeKeys = Object.keys(routes).sort();
type Handlers = Awaited<ReturnType<typeof discoverRoutes>>;

/** The outcome class of a call that failed (anything but the door's refusals is shown in full). */
function outcomeOfError(error: unknown): Outcome | string {
  if (!(error instanceof TRPCError)) return `threw ${String(error)}`;
  if (['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)) return error.code as Outcome;
  return `${error.code}: ${error.message}`;
}

/** Calls `path` as `who`: in-process through createCaller with a session, over the tRPC route with a token. */
async function callProcedure(
  t: { db: Parameters<typeof callerFor>[0] },
  f: Fixture,
  handlers: Handlers,
  path: string,
  who: Who,
  input: unknown,
): Promise<Outcome | string> {
  const token = tokenOf(f, who);
  if (token) {
    routeState.userId = null; // an API token is no session
    const request = trpcRequest(path, input, { authorization: `Bearer ${token}` });
    const handler = handlers.get(`${request.method} /api/trpc/[trpc]`);
    if (!handler) throw new Error('No tRPC route');
    return outcomeOf(await handler(request));
  }
  // The account's own procedures act on the caller's password and sessions: a fresh person
  // (signed in if `who` is) stands in, so the fixture's people keep theirs.
  const userId = sessionOf(f, who);
  const caller =
    path.startsWith('account.') && userId
      ? callerFor(t.db, null, { session: await newSession(t.db, (await makeUser(t.db)).id) })
      : callerFor(t.db, userId);
  const procedure = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return procedure(input).then(
    () => 'ok' as const,
    (error: unknown) => outcomeOfError(error),
  );
}

forEachDriver('authorization matrix', (t) => {
  let f: Fixture;
  let handlers: Handlers;
  beforeAll(async () => {
    routeState.db = t.db;
    f = await makeFixture(t.db);
    handlers = await discoverRoutes();
  });

  it('declares the access of every procedure of the router and every route of the app, and of nothing else', () => {
    expect(procedurePaths.length).toBeGreaterThan(40);
    expect(Object.keys(procedures).sort(), 'authz-table.ts against the router').toEqual(
      procedurePaths,
    );
    expect(routeKeys, 'http-routes.ts against app/**/route.ts').toEqual(
      [...handlers.keys()].sort(),
    );
  });

  it.each(procedurePaths)(
    '%s: each caller gets what the permission matrix says, and a refusal changes nothing',
    async (path) => {
      const entry = procedures[path];
      if (!entry)
        throw new Error(`${path}: declare its access in tests/integration/authz-table.ts`);
      const want: Record<string, Outcome> = {};
      const got: Record<string, Outcome | string> = {};
      const changed: string[] = [];
      for (const who of callers) {
        want[who.name] = expectedOutcome(entry.access, who, {
          edge: 'session',
          scoped: entry.scoped,
        });
        const input = await inputFor(t.db, f, path, who);
        const before = want[who.name] === 'ok' ? null : await checksum(t.db, f);
        got[who.name] = await callProcedure(t, f, handlers, path, who, input);
        if (before !== null && (await checksum(t.db, f)) !== before) changed.push(who.name);
      }
      expect(got).toEqual(want);
      expect(changed, 'refused, yet rows changed').toEqual([]);
    },
    60_000,
  );

  it.each(routeKeys.filter((key) => routes[key]?.request))(
    '%s: each caller gets what the permission matrix says, and a refusal changes nothing',
    async (key) => {
      const entry = routes[key];
      const handler = handlers.get(key);
      if (!entry?.request || entry.access === 'procedures' || !handler)
        throw new Error(`${key}: no route, or no request declared`);
      const want: Record<string, Outcome> = {};
      const got: Record<string, Outcome | string> = {};
      const changed: string[] = [];
      for (const who of callers) {
        want[who.name] = expectedOutcome(entry.access, who, {
          edge: entry.edge ?? 'session',
          scoped: entry.scoped,
          otherStream: entry.otherStream,
          otherOrg: entry.otherOrg,
        });
        let request = await entry.request(t.db, f, who, targetOwner(who));
        const token = tokenOf(f, who);
        if (token && !request.headers.has('authorization')) {
          const headers = new Headers(request.headers);
          headers.set('authorization', `Bearer ${token}`);
          request = new Request(request, { headers });
        }
        routeState.userId = sessionOf(f, who);
        const before = want[who.name] === 'ok' ? null : await checksum(t.db, f);
        got[who.name] = await outcomeOf(await handler(request));
        if (before !== null && (await checksum(t.db, f)) !== before) changed.push(who.name);
      }
      expect(got).toEqual(want);
      expect(changed, 'refused, yet rows changed').toEqual([]);
    },
    60_000,
  );
});
