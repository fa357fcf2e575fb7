import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curlExample, lastFullWeek } from '@/lib/api/examples';
import { openApiDocument } from '@/lib/api/openapi';
import { canonicalJson, requestHash } from '@/server/api/idempotency';
import {
  bearerToken,
  idempotencyKeyOf,
  isJsonContentType,
  readBodyText,
} from '@/server/api/request';
import { ApiResponseError } from '@/server/api/respond';

const url = 'http://localhost/api/v1/measurements';
const withHeaders = (headers: Record<string, string>) =>
  new Request(url, { method: 'POST', headers });

describe('request hash', () => {
  it('ignores key order and spacing, and nothing else', () => {
    const a = { streamId: 'x', leadTimeSeconds: 10, nested: { b: 1, a: [2, { d: 1, c: 2 }] } };
    const b = JSON.parse(
      '{ "nested": { "a": [2, {"c": 2, "d": 1}], "b": 1 }, "leadTimeSeconds": 10.0, "streamId": "x" }',
    ) as unknown;
    expect(requestHash('POST', '/api/v1/measurements', a)).toBe(
      requestHash('post', '/api/v1/measurements', b),
    );
    expect(requestHash('POST', '/api/v1/measurements', a)).not.toBe(
      requestHash('POST', '/api/v1/measurements/batch', a),
    );
    expect(requestHash('POST', '/api/v1/measurements', a)).not.toBe(
      requestHash('POST', '/api/v1/measurements', { ...a, leadTimeSeconds: 11 }),
    );
    expect(requestHash('POST', '/x', [1, 2])).not.toBe(requestHash('POST', '/x', [2, 1]));
  });

  it('canonical JSON is valid JSON of the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const shuffled = JSON.parse(
          JSON.stringify(value, (_, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).reverse())
              : v,
          ),
        ) as unknown;
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });

  it('canonical JSON is the keys sorted at every level, written out (the reference below)', () => {
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== 'object')
        return typeof v === 'number' && !Number.isFinite(v)
          ? 'null'
          : (JSON.stringify(v) ?? 'null');
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const entries = Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${reference(x)}`).join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2_000 },
    );
    expect(
      canonicalJson({ b: [{ z: 1, '10': 2, '9': 3 }, { a: null }], a: { y: [], x: {} } }),
    ).toBe('{"a":{"x":{},"y":[]},"b":[{"10":2,"9":3,"z":1},{"a":null}]}');
  });

  it('an object without the key __proto__ is not written with its prototype when another object has it', () => {
    const named = JSON.parse('{"x":{"__proto__":{}},"y":{}}') as unknown;
    const other = JSON.parse('{"x":{"__proto__":{}},"y":{"__proto__":{}}}') as unknown;
    expect(canonicalJson(named)).toBe('{"x":{"__proto__":{}},"y":{}}');
    expect(requestHash('POST', '/p', named)).not.toBe(requestHash('POST', '/p', other));
  });

  it('refuses nesting deeper than any request needs', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(ApiResponseError);
  });
});

describe('request headers', () => {
  it('reads a Bearer token', () => {
    expect(bearerToken(withHeaders({ authorization: 'Bearer vs_abc' }))).toBe('vs_abc');
    expect(bearerToken(withHeaders({ authorization: 'bearer   vs_abc' }))).toBe('vs_abc');
    expect(bearerToken(withHeaders({ authorization: 'Basic dXNlcjpwYXNz' }))).toBeNull();
    expect(bearerToken(withHeaders({ authorization: 'Bearer a b' }))).toBeNull();
    expect(bearerToken(withHeaders({}))).toBeNull();
  });

  it('takes 1 to 255 printable ASCII characters as an Idempotency-Key', () => {
    expect(
      idempotencyKeyOf(withHeaders({ 'idempotency-key': '7c9e6679-7425-40de-944b-e07fc1f90ae7' })),
    ).toBe('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(idempotencyKeyOf(withHeaders({ 'idempotency-key': 'batch 2026-01 #3' }))).toBe(
      'batch 2026-01 #3',
    );
    expect(idempotencyKeyOf(withHeaders({ 'idempotency-key': 'k'.repeat(255) }))).toHaveLength(255);
    const codeOf = (headers: Record<string, string>) => {
      try {
        idempotencyKeyOf(withHeaders(headers));
        return 'accepted';
      } catch (error) {
        return error instanceof ApiResponseError ? error.response.status : 'threw';
      }
    };
    expect(codeOf({})).toBe(400);
    expect(codeOf({ 'idempotency-key': '' })).toBe(400);
    expect(codeOf({ 'idempotency-key': 'k'.repeat(256) })).toBe(400);
    expect(codeOf({ 'idempotency-key': 'tab\there' })).toBe(400);
    expect(codeOf({ 'idempotency-key': 'caf\u00e9' })).toBe(400);
  });

  it('knows JSON content types', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/vnd.api+json')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe('request body', () => {
  it('reads up to the limit and refuses past it with 413', async () => {
    expect(await readBodyText(new Request(url, { method: 'POST', body: 'héllo' }), 6)).toBe(
      'héllo',
    );
    await expect(
      readBodyText(new Request(url, { method: 'POST', body: 'héllo!' }), 6),
    ).rejects.toSatisfy((e) => e instanceof ApiResponseError && e.response.status === 413);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1, describes both endpoints, and every $ref resolves', () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/measurements', '/api/v1/measurements/batch']);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const path = ref.slice('"$ref":"#/'.length, -1).split('/');
      let node: unknown = doc;
      for (const part of path) node = (node as Record<string, unknown>)[part];
      expect(node, ref).toBeDefined();
    }
    const measurement = doc.components.schemas.Measurement as {
      required: string[];
      properties: Record<string, { description?: string }>;
      additionalProperties: boolean;
    };
    expect(measurement.required).toEqual(['streamId', 'periodStart', 'periodEnd']);
    expect(measurement.additionalProperties).toBe(false);
    for (const [name, prop] of Object.entries(measurement.properties))
      expect(prop.description, name).toBeTruthy();
  });
});

describe('the curl example shown with a new token', () => {
  it('logs the last full week, Monday to Sunday', () => {
    const week = { periodStart: '2026-11-16', periodEnd: '2026-11-22' };
    for (const day of ['2026-11-23', '2026-11-25', '2026-11-29'])
      expect(lastFullWeek(new Date(`${day}T12:00:00Z`)), day).toEqual(week);
  });

  it('is a command with the token, the key and a JSON body of that week', () => {
    const curl = curlExample({
      origin: 'https://vs.example',
      token: 'vs_abc',
      streamId: 's-1',
      idempotencyKey: 'k-1',
      today: new Date('2026-11-25T12:00:00Z'),
    });
    expect(curl).toContain("curl -X POST 'https://vs.example/api/v1/measurements'");
    expect(curl).toContain("-H 'Authorization: Bearer vs_abc'");
    expect(curl).toContain("-H 'Idempotency-Key: k-1'");
    const body = /-d '([^']+)'/.exec(curl)?.[1] ?? '';
    expect(JSON.parse(body)).toMatchObject({
      streamId: 's-1',
      periodStart: '2026-11-16',
      periodEnd: '2026-11-22',
    });
  });
});
