/**
 * The HTTP routes (every `route.ts` under app/), called in-process with Request objects, as Next
 * would: the test file mocks `getDb` (the test database) and `currentUserId` (the session cookie)
 * through `routeState`, and everything else runs as in production. Each route's access is declared
 * here; a route or method missing from `routes` fails the matrix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appRouter } from '@/server/routers';
import { transformer } from '@/server/transformer';
import type { Db } from '@/db/client';
import { importBody, IMPORT_CONTENT_TYPE, encodeImport, readEvents } from '@/lib/imports/wire';
import type { Role } from '@/lib/domain';
import {
  type Access,
  type ExpectOptions,
  type Fixture,
  freshStreams,
  type Outcome,
  type Who,
} from './authz-fixture';
import { uniqueEmail } from './harness';
import { weeks } from './import-factories';
import { measurement } from './measurement-factories';

/** What the mocked `getDb` and `currentUserId` answer: set by the test before each request. */
export const routeState = ((globalThis as Record<string, unknown>).__authzRoutes ??= {
  db: null,
  userId: null,
}) as { db: Db | null; userId: string | null };

export const ORIGIN = 'http://test.local';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Handler = (request: Request, context?: unknown) => Promise<Response> | Response;

/** Every route.ts under app/ as `METHOD /path` → its handler (the module imported as Next would). */
export async function discoverRoutes(): Promise<Map<string, Handler>> {
  const appDir = path.join(process.cwd(), 'app');
  const files = fs
    .readdirSync(appDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'route.ts');
  const found = new Map<string, Handler>();
  for (const file of files.sort()) {
    const mod = (await import(/* @vite-ignore */ path.join(appDir, file))) as Record<
      string,
      unknown
    >;
    const route = `/${path.dirname(file).split(path.sep).join('/')}`;
    for (const method of METHODS)
      if (typeof mod[method] === 'function')
        found.set(`${method} ${route}`, mod[method] as Handler);
  }
  return found;
}

export interface RouteEntry extends Partial<ExpectOptions> {
  /** `procedures`: the tRPC endpoint, whose every procedure the procedure matrix covers. */
  access: Access | 'procedures';
  /** A valid request for `who`, acting on a stream owned by `owner`. */
  request?: (db: Db, f: Fixture, who: Who, owner: Role) => Promise<Request>;
}

const get = (url: string) => async () => new Request(`${ORIGIN}${url}`);

/** The API token `who` carries (none for a session or signed out). */
export function tokenOf(f: Fixture, who: Who): string | null {
  if (who.via !== 'token' || !who.role) return null;
  return who.org === 'b' ? f.tokens.b : f.tokens[who.role];
}

/** The user `who` is signed in as (null: signed out, or calling with a token only). */
export function sessionOf(f: Fixture, who: Who): string | null {
  if (who.via !== 'session' || !who.role) return null;
  return who.org === 'b' ? f.b.users.owner.id : f.a.users[who.role].id;
}

function apiPost(url: string, who: Who, f: Fixture, body: unknown): Request {
  const headers = new Headers({ 'content-type': 'application/json' });
  const token = tokenOf(f, who);
  if (token) headers.set('authorization', `Bearer ${token}`);
  headers.set('idempotency-key', crypto.randomUUID());
  return new Request(`${ORIGIN}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export function importRequest(slug: string, body: string): Request {
  return new Request(`${ORIGIN}/api/imports?org=${encodeURIComponent(slug)}`, {
    method: 'POST',
    headers: { 'content-type': IMPORT_CONTENT_TYPE },
    body,
  });
}

export const routes: Record<string, RouteEntry> = {
  'GET /api/health': { access: 'public', request: get('/api/health') },
  'GET /api/ready': { access: 'public', request: get('/api/ready') },
  // Open outside production; production asks for METRICS_TOKEN (tests/e2e/lifecycle.spec.ts).
  'GET /api/metrics': { access: 'public', request: get('/api/metrics') },
  'GET /api/v1/docs': { access: 'public', request: get('/api/v1/docs') },
  'GET /api/v1/openapi.json': { access: 'public', request: get('/api/v1/openapi.json') },
  'GET /api/auth/[...nextauth]': { access: 'public', request: get('/api/auth/session') },
  'POST /api/auth/[...nextauth]': { access: 'public', request: () => signInAttempt() },
  'GET /api/trpc/[trpc]': { access: 'procedures' },
  'POST /api/trpc/[trpc]': { access: 'procedures' },
  'POST /api/v1/measurements': {
    access: 'measurements:write',
    edge: 'token',
    scoped: true,
    otherStream: 'ROW_REFUSED',
    otherOrg: 'ROW_REFUSED', // a token's organization is its own: A's stream is not found there
    request: async (db, f, who, owner) =>
      apiPost('/api/v1/measurements', who, f, measurement((await freshStreams(db, f, owner)).op)),
  },
  'POST /api/v1/measurements/batch': {
    access: 'measurements:write',
    edge: 'token',
    scoped: true,
    otherStream: 'ROW_REFUSED',
    otherOrg: 'ROW_REFUSED',
    request: async (db, f, who, owner) =>
      apiPost('/api/v1/measurements/batch', who, f, {
        measurements: [measurement((await freshStreams(db, f, owner)).op)],
      }),
  },
  'POST /api/imports': {
    access: 'measurements:import',
    edge: 'session',
    scoped: true,
    otherStream: 'ROW_REFUSED',
    request: async (db, f, _who, owner) => {
      const { op } = await freshStreams(db, f, owner);
      return importRequest(f.a.org.slug, encodeImport(importBody('w.csv', weeks(op, 2))));
    },
  },
};

/**
 * A sign-in with a wrong password, as the sign-in page sends it: next-auth's CSRF token and cookie
 * first, then the form. Answered with a redirect to the sign-in page and the error.
 */
export async function signInAttempt(fields: Record<string, string> = {}): Promise<Request> {
  const { GET } = await import('@/app/api/auth/[...nextauth]/route');
  const answer = await (GET as unknown as Handler)(new Request(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return new Request(`${ORIGIN}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({
      csrfToken,
      email: uniqueEmail('nobody'),
      password: 'not-the-password',
      ...fields,
    }),
  });
}

/** Every procedure of the router by its dotted path (`orgs.rename`), with its kind. */
export const procedureDefs = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: 'query' | 'mutation' | 'subscription' } }
>;

/** A tRPC call over HTTP, as the client sends it (superjson; a query as GET, a mutation as POST). */
export function trpcRequest(
  procedurePath: string,
  input: unknown,
  headers: Record<string, string> = {},
): Request {
  const procedure = procedureDefs[procedurePath];
  const encoded = JSON.stringify(transformer.serialize(input));
  if (procedure?._def.type === 'query')
    return new Request(`${ORIGIN}/api/trpc/${procedurePath}?input=${encodeURIComponent(encoded)}`, {
      headers,
    });
  return new Request(`${ORIGIN}/api/trpc/${procedurePath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: encoded,
  });
}

/** The outcome class of a route's response (an import's is in its last event). */
export async function outcomeOf(response: Response): Promise<Outcome | string> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 200 && type.startsWith('application/x-ndjson') && response.body) {
    let last: Record<string, unknown> | undefined;
    for await (const event of readEvents(response.body)) last = event as Record<string, unknown>;
    if (last?.type === 'done') return 'ok';
    const errors = (last?.errors ?? []) as { field?: string }[];
    if (last?.type === 'refused' && errors.every((e) => e.field === 'streamId'))
      return 'ROW_REFUSED';
    return `import ended with ${JSON.stringify(last)}`;
  }
  const text = await response.text();
  if (response.status < 400) return 'ok';
  const codes: Record<number, Outcome> = {
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
  };
  const known = codes[response.status];
  if (known) return known;
  if (response.status === 400) {
    const fields = Object.keys(
      (JSON.parse(text) as { error?: { fields?: object } }).error?.fields ?? {},
    );
    if (fields.length > 0 && fields.every((k) => /(^|\.)streamId$/.test(k))) return 'ROW_REFUSED';
  }
  return `${response.status} ${text.slice(0, 300)}`;
}
