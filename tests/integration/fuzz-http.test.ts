/**
 * Fuzzing every HTTP route (every route.ts under app/), in-process with Request objects: hostile
 * bodies (valid ones with hostile edits, any JSON, bytes that are no JSON, truncated JSON), headers
 * and credentials. Never a 500 (nor a tRPC internal error inside a batch, nor an import that ends
 * `failed`, nor next-auth's "Configuration" error page), and a refused request commits nothing.
 * A route without a fuzzer here fails. `FUZZ_RUNS` and `FUZZ_SEED` as in fuzz-procedures.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPORT_CONTENT_TYPE, importBody, readEvents } from '@/lib/imports/wire';
import { appRouter } from '@/server/routers';
import { changeDetector, type Fixture, makeFixture } from './authz-fixture';
import { procedures } from './authz-table';
import { FUZZ_RUNS, FUZZ_SEED, hostile, mutated } from './fuzz-arbitraries';
import { useDatabase } from './harness';
import { discoverRoutes, ORIGIN, routeState } from './http-routes';
import { weeks } from './import-factories';
import { measurement } from './measurement-factories';

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

/** JSON text of anything (a bigint as a string; nothing at all as the empty body). */
const jsonText = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) ?? '';

/** Header text: printable ASCII and Latin-1 (what a Headers object takes). */
const headerText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .map((c) => String.fromCharCode(c)),
  maxLength: 300,
});

/** A body built from `valid`: edited, any JSON, no JSON at all, or cut short. */
function bodyFrom(valid: unknown, known: string[], encode = jsonText): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mutated(valid, known).map(encode) },
    hostile(known).map(jsonText),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(mutated(valid, known).map(encode), fc.nat())
      .map(([text, n]) => text.slice(0, n % (text.length + 1))),
  );
}

/** `usual` four times in five, else one of the others: most cases get past the first checks. */
function mostly<T>(usual: T, others: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(usual) }, others);
}

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/problem+json',
  IMPORT_CONTENT_TYPE,
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
);

interface Case {
  request: Request;
  /** The session the request carries (the mocked cookie). */
  userId: string | null;
}

type Fuzzer = (f: Fixture, known: string[]) => fc.Arbitrary<Case>;

function headersOf(h: Record<string, string | null>): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) if (v !== null) out.set(k, v);
  return out;
}

const getOf =
  (path: string): Fuzzer =>
  () =>
    fc.record({ query: headerText, accept: fc.option(headerText) }).map(({ query, accept }) => ({
      request: new Request(`${ORIGIN}${path}?${encodeURIComponent(query)}`, {
        headers: headersOf({ accept }),
      }),
      userId: null,
    }));

const measurementsApi =
  (path: string, wrap: (m: unknown) => unknown): Fuzzer =>
  (f, known) =>
    fc
      .record({
        token: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(f.tokens.owner, f.tokens.lead, f.tokens.admin) },
          fc.constantFrom(f.tokens.viewer, f.tokens.b),
          headerText,
        ),
        scheme: mostly('Bearer ', fc.constantFrom('bearer ', 'Basic ', '')),
        key: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, headerText, fc.constant(null)),
        type: mostly('application/json', contentTypes),
        body: bodyFrom(wrap(measurement(f.streams.lead.op)), known),
        origin: mostly(null, fc.constantFrom(ORIGIN, 'http://evil.example', 'null')),
      })
      .map((c) => ({
        request: new Request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: headersOf({
            authorization: `${c.scheme}${c.token}`,
            'idempotency-key': c.key,
            'content-type': c.type,
            origin: c.origin,
          }),
          body: c.body,
        }),
        userId: null,
      }));

const sessions = (f: Fixture) =>
  fc.constantFrom(
    f.a.users.owner.id,
    f.a.users.owner.id,
    f.a.users.lead.id,
    f.a.users.viewer.id,
    f.b.users.owner.id,
    null,
  );

/** An import body as the page sends it: a header line, then one JSON array per row. */
function importLines(f: Fixture): unknown[] {
  const body = importBody('weeks.csv', weeks(f.streams.lead.op, 3));
  return [
    { fileName: body.fileName, columns: body.columns, streamIds: [f.streams.lead.op] },
    ...body.rows,
  ];
}

const trpcInputs: Record<string, unknown> = {};

const trpcFuzzer =
  (method: 'GET' | 'POST'): Fuzzer =>
  (f, known) => {
    const paths = Object.keys(appRouter._def.procedures);
    const wraps = {
      superjson: (input: unknown) => ({ json: input }),
      plain: (input: unknown) => input,
      meta: (input: unknown) => ({
        json: input,
        meta: { values: { orgSlug: ['Date'], '': ['map'], __proto__: ['set'] } },
      }),
    };
    // Built once per procedure and wrapping: building an arbitrary costs far more than drawing.
    const bodies = new Map<string, fc.Arbitrary<string>>();
    const bodyOf = (path: string, wrap: keyof typeof wraps) => {
      const key = `${path} ${wrap}`;
      let body = bodies.get(key);
      if (!body) {
        body = bodyFrom(trpcInputs[path] ?? {}, known, (input) => jsonText(wraps[wrap](input)));
        bodies.set(key, body);
      }
      return body;
    };
    return fc
      .record({
        path: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...paths) }, headerText),
        batch: fc.boolean(),
        wrap: fc.constantFrom<keyof typeof wraps>('superjson', 'plain', 'meta'),
        userId: sessions(f),
        origin: mostly(null, fc.constantFrom(ORIGIN, 'http://evil.example')),
      })
      .chain((c) =>
        bodyOf(c.path, c.wrap).map((text) => {
          const body = c.batch ? `{"0":${text || 'null'}}` : text;
          const url = `${ORIGIN}/api/trpc/${encodeURIComponent(c.path)}${c.batch ? '?batch=1' : '?'}`;
          const request =
            method === 'GET'
              ? new Request(`${url}&input=${encodeURIComponent(body)}`)
              : new Request(url, {
                  method,
                  headers: headersOf({ 'content-type': 'application/json', origin: c.origin }),
                  body,
                });
          return { request, userId: c.userId };
        }),
      );
  };

let csrf = { token: '', cookie: '' };

const authFuzzer =
  (method: 'GET' | 'POST'): Fuzzer =>
  () =>
    fc
      .record({
        action: fc.oneof(
          fc.constantFrom('session', 'csrf', 'providers', 'signin', 'signout', 'error'),
          fc.constantFrom('callback/credentials', 'signin/credentials', 'callback/github'),
          headerText,
        ),
        query: headerText,
        fields: fc.dictionary(
          fc.constantFrom('email', 'password', 'csrfToken', 'callbackUrl', 'redirect', '__proto__'),
          fc.oneof(headerText, fc.constantFrom(csrf.token, 'a@b.test', '//evil.example')),
        ),
        withCsrf: fc.boolean(),
        type: contentTypes,
      })
      .map((c) => {
        const fields = c.withCsrf ? { csrfToken: csrf.token, ...c.fields } : c.fields;
        const url = `${ORIGIN}/api/auth/${c.action}?${encodeURIComponent(c.query)}`;
        const headers = headersOf({ cookie: csrf.cookie, 'content-type': c.type });
        return {
          request:
            method === 'GET'
              ? new Request(url, { headers })
              : new Request(url, { method, headers, body: new URLSearchParams(fields) }),
          userId: null,
        };
      });

const fuzzers: Record<string, Fuzzer> = {
  'GET /api/health': getOf('/api/health'),
  'GET /api/ready': getOf('/api/ready'),
  'GET /api/metrics': getOf('/api/metrics'),
  'GET /api/v1/docs': getOf('/api/v1/docs'),
  'GET /api/v1/openapi.json': getOf('/api/v1/openapi.json'),
  'GET /api/auth/[...nextauth]': authFuzzer('GET'),
  'POST /api/auth/[...nextauth]': authFuzzer('POST'),
  'GET /api/trpc/[trpc]': trpcFuzzer('GET'),
  'POST /api/trpc/[trpc]': trpcFuzzer('POST'),
  'POST /api/v1/measurements': measurementsApi('/api/v1/measurements', (m) => m),
  'POST /api/v1/measurements/batch': measurementsApi('/api/v1/measurements/batch', (m) => ({
    measurements: [m, { ...(m as object), stepName: 'Packing' }],
  })),
  'POST /api/imports': (f, known) =>
    fc
      .record({
        userId: sessions(f),
        body: bodyFrom(importLines(f), known, (lines) =>
          Array.isArray(lines) ? lines.map(jsonText).join('\n') : jsonText(lines),
        ),
        type: mostly(IMPORT_CONTENT_TYPE, contentTypes),
        origin: mostly(null, fc.constantFrom(ORIGIN, 'http://evil.example')),
      })
      .map((c) => ({
        request: new Request(`${ORIGIN}/api/imports?org=${f.a.org.slug}`, {
          method: 'POST',
          headers: headersOf({ 'content-type': c.type, origin: c.origin }),
          body: c.body,
        }),
        userId: c.userId,
      })),
};

/** next-auth's errors that a client's request causes (a wrong action, no CSRF token, …). */
const clientErrors = new Set([
  'MissingCSRF',
  'UnknownAction',
  'InvalidProvider',
  'InvalidCallbackUrl',
  'InvalidCheck',
  'CredentialsSignin',
]);
function authErrorType(e: unknown): string {
  if (e instanceof SyntaxError) return 'InvalidCheck'; // a body that is not what its content type says
  if (e instanceof Error && /^Provider with id .* not found/.test(e.message))
    return 'InvalidProvider';
  if (e instanceof TypeError && e.message === 'Invalid URL') return 'InvalidCallbackUrl';
  return e && typeof e === 'object' && 'type' in e ? String(e.type) : 'not an Auth.js error';
}

/** Why a response is a bug (null when it is a fair answer); `refused` when nothing should have changed. */
async function judge(response: Response): Promise<{ bug: string | null; refused: boolean }> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 500)
    return { bug: `${response.status} ${await response.text()}`, refused: true };
  if (type.startsWith('application/x-ndjson') && response.body) {
    let last: { type?: string } | undefined;
    for await (const event of readEvents(response.body)) last = event;
    if (last?.type === 'failed') return { bug: `import failed: ${jsonText(last)}`, refused: true };
    return { bug: null, refused: last?.type !== 'done' };
  }
  const text = await response.text();
  // A tRPC batch answers 207 with each call's result: an internal error is one of them.
  if (/"code":-32603|INTERNAL_SERVER_ERROR/.test(text))
    return { bug: text.slice(0, 500), refused: true };
  return { bug: null, refused: response.status >= 400 };
}

describe('fuzzing the HTTP routes on pglite', () => {
  const t = useDatabase('pglite');
  let f: Fixture;
  let handlers: Awaited<ReturnType<typeof discoverRoutes>>;
  let known: string[];

  beforeAll(async () => {
    routeState.db = t.db;
    f = await makeFixture(t.db);
    handlers = await discoverRoutes();
    known = [f.a.org.slug, f.b.org.slug, f.bStream, f.streams.owner.op, f.streams.lead.op];
    for (const [path, entry] of Object.entries(procedures))
      trpcInputs[path] = await entry.input(t.db, f, 'lead');
    const authGet = handlers.get('GET /api/auth/[...nextauth]');
    if (!authGet) throw new Error('No next-auth route');
    const csrfAnswer = await authGet(new Request(`${ORIGIN}/api/auth/csrf`));
    csrf = {
      token: ((await csrfAnswer.json()) as { csrfToken: string }).csrfToken,
      cookie: csrfAnswer.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    };
  });

  it('has a fuzzer for every route', () => {
    expect(Object.keys(fuzzers).sort()).toEqual([...handlers.keys()].sort());
  });

  it.each(Object.keys(fuzzers).sort())(
    `%s: ${FUZZ_RUNS} hostile requests, never a 500, a refusal commits nothing`,
    async (key) => {
      const handler = handlers.get(key);
      const fuzzer = fuzzers[key];
      if (!handler || !fuzzer) throw new Error(`${key}: no route or no fuzzer`);
      // Sign-in attempts are recorded even when refused (the rate limit counts them).
      const checkRows = !key.includes('/api/auth/');
      const changes = await changeDetector(t.db, f, t.driver);
      // next-auth logs each refusal (server/auth.ts): one that is not the client's doing is a bug.
      const logged: unknown[] = [];
      const quiet = vi.spyOn(console, 'error').mockImplementation((e: unknown) => logged.push(e));
      try {
        await fc.assert(
          fc.asyncProperty(fuzzer(f, known), async ({ request, userId }) => {
            routeState.userId = userId;
            const what = `${request.method} ${request.url.slice(0, 300)}`;
            const t0 = performance.now();
            const { bug, refused } = await judge(await handler(request));
            if (process.env.FUZZ_VERBOSE && performance.now() - t0 > 40)
              console.log(
                Math.round(performance.now() - t0),
                decodeURIComponent(what).slice(0, 200),
              );
            expect(bug, what).toBeNull();
            const ours = logged.splice(0).filter((e) => !clientErrors.has(authErrorType(e)));
            expect(ours.map(String), `${what} logged an error`).toEqual([]);
            if (!checkRows) return;
            if (refused) expect(await changes.unchanged(), 'a refusal committed').toBe(true);
            else await changes.accepted();
          }),
          { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
        );
      } finally {
        quiet.mockRestore();
      }
    },
    FUZZ_RUNS * 200,
  );
});
