/**
 * Properties of the measurements API: whatever bad input a sender makes up (negative numbers,
 * PT > LT, percentages over 100, impossible or far-future dates, wrong types, unknown fields or
 * streams, random JSON, random text), the answer is a 400 (never a 500) and nothing is stored.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { z } from 'zod';
import {
  measurementInput,
  metricFields,
  type MeasurementInput,
} from '@/lib/validation/measurements';
import { apiState, makeToken, sendBatch, sendOne, type Answer } from './api-factories';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { daysFromNow, measurement } from './measurement-factories';
import { makeStream } from './stream-factories';

const RUNS = 50;
const known = new Set<string>(
  Object.keys(measurement('00000000-0000-4000-8000-000000000000')).concat(metricFields, [
    'stepName',
    'method',
    'sampleSize',
    'note',
  ]),
);

const metric = fc.constantFrom(...metricFields);
const negative = fc.double({ max: -1e-6, noNaN: true, noDefaultInfinity: true });
const notANumber = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
);
const badDate = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 13, max: 99 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${m}-${String(d).padStart(2, '0')}`),
  fc.integer({ min: 30, max: 31 }).map((d) => `2026-02-${d}`),
  fc.integer({ min: 0, max: 12 }),
);

type Row = Record<string, unknown>;
type Spoil = (m: Row) => Row;

/** One way to spoil a valid measurement; each is sure to be refused. */
function corruption(streamId: string): fc.Arbitrary<Spoil> {
  return fc.oneof(
    fc.tuple(metric, negative).map(([f, v]): Spoil => (m) => ({ ...m, [f]: v })),
    fc.tuple(metric, notANumber).map(([f, v]): Spoil => (m) => ({ ...m, [f]: v })),
    fc
      .tuple(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
      )
      .map(([lt, extra]): Spoil => (m) => ({
        ...m,
        leadTimeSeconds: lt,
        processTimeSeconds: lt + extra,
      })),
    fc
      .tuple(
        fc.constantFrom('pctCompleteAccurate', 'customerSatisfaction'),
        fc.double({ min: 100.001, max: 1e300, noNaN: true }),
      )
      .map(([f, v]): Spoil => (m) => ({ ...m, [f]: v })),
    fc
      .tuple(fc.constantFrom('periodStart', 'periodEnd'), badDate)
      .map(([f, v]): Spoil => (m) => ({ ...m, [f]: v })),
    fc.integer({ min: 1, max: 400 }).map((n): Spoil => (m) => ({
      ...m,
      periodStart: '2026-01-05',
      periodEnd: new Date(Date.UTC(2026, 0, 5) - n * 86_400_000).toISOString().slice(0, 10),
    })),
    fc.integer({ min: 8, max: 5000 }).map((n): Spoil => (m) => ({
      ...m,
      periodStart: daysFromNow(n),
      periodEnd: daysFromNow(n + 6),
    })),
    fc
      .oneof(fc.uuid(), fc.string(), fc.constant(null))
      .filter((v) => v !== streamId)
      .map((v): Spoil => (m) => ({ ...m, streamId: v })),
    fc
      .tuple(
        fc.string({ minLength: 1 }).filter((k) => !known.has(k)),
        fc.jsonValue(),
      )
      .map(([k, v]): Spoil => (m) => ({ ...m, [k]: v })),
    fc.constantFrom('streamId', 'periodStart', 'periodEnd').map(
      (f): Spoil =>
        (m) =>
          Object.fromEntries(Object.entries(m).filter(([k]) => k !== f)),
    ),
    fc.constant((m: Row) => ({ ...m, ...Object.fromEntries(metricFields.map((f) => [f, null])) })),
    fc
      .tuple(fc.constantFrom('note', 'stepName'), fc.string({ maxLength: 20 }))
      .map(([f, s]): Spoil => (m) => ({ ...m, [f]: `${s}\u0000` })),
  );
}

/** The largest value the schema allows for each metric (from its JSON Schema, so it cannot drift). */
const maxima = (() => {
  const props = (
    z.toJSONSchema(measurementInput(), { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { anyOf?: { maximum?: number }[] }>;
    }
  ).properties;
  return Object.fromEntries(metricFields.map((f) => [f, props[f]?.anyOf?.[0]?.maximum ?? 0]));
})();

/** A valid measurement whose numbers sit anywhere in their ranges, often on the edges. */
function edgeMeasurement(streamId: string) {
  const value = (f: (typeof metricFields)[number]): fc.Arbitrary<number | null> => {
    const max = maxima[f] ?? 0;
    if (f === 'defects')
      return fc.oneof(
        fc.constant(max),
        fc.constant(0),
        fc.constant(null),
        fc.integer({ min: 0, max }),
      );
    return fc.oneof(
      fc.constant(max),
      fc.constant(0),
      fc.constant(null),
      fc.constant(max - 0.004),
      fc.double({ min: 0, max, noNaN: true }),
    );
  };
  const record = fc.record(
    Object.fromEntries(metricFields.map((f) => [f, value(f)])) as Record<
      (typeof metricFields)[number],
      fc.Arbitrary<number | null>
    >,
  );
  // Process time is left out so that PT ≤ LT holds; a lead time makes sure one number is there.
  return record.map((numbers) => ({
    ...measurement(streamId),
    ...numbers,
    processTimeSeconds: null,
    leadTimeSeconds: numbers.leadTimeSeconds ?? 1,
  }));
}

function badMeasurement(streamId: string) {
  return fc
    .array(corruption(streamId), { minLength: 1, maxLength: 3 })
    .map((fns) => fns.reduce<Row>((m, f) => f(m), { ...measurement(streamId) }));
}

forEachDriver('measurements API properties', (t) => {
  let org: TestOrg;
  let streamId: string;
  let token: string;
  const setup = async () => {
    org ??= await makeOrgWithRoles(t.db);
    streamId ??= await makeStream(t.db, org);
    token ??= (await makeToken(t.db, org)).token;
    return apiState(t.db, org);
  };

  async function expectNothingStored(answer: Answer, before: Awaited<ReturnType<typeof apiState>>) {
    expect(answer.status, answer.text).toBe(400);
    expect(['invalid', 'invalid_json']).toContain(answer.body.error?.code);
    expect(answer.body.error?.message).toBeTruthy();
    expect(await apiState(t.db, org)).toEqual(before);
  }

  it('a bad measurement is refused with 400 on its own', async () => {
    const before = await setup();
    await fc.assert(
      fc.asyncProperty(badMeasurement(streamId), async (bad) => {
        const answer = await sendOne(t.db, { token, body: bad });
        await expectNothingStored(answer, before);
        expect(answer.body.error?.field).toBeTruthy();
      }),
      { numRuns: RUNS },
    );
  });

  it('one bad measurement among good ones refuses the whole batch', async () => {
    const before = await setup();
    const good = (i: number): MeasurementInput =>
      measurement(streamId, {
        periodStart: `2025-0${i + 1}-01`,
        periodEnd: `2025-0${i + 1}-07`,
        throughput: i,
      });
    await fc.assert(
      fc.asyncProperty(
        badMeasurement(streamId),
        fc.integer({ min: 0, max: 3 }),
        async (bad, at) => {
          const rows: unknown[] = [good(0), good(1), good(2)];
          rows.splice(at, 0, bad);
          const answer = await sendBatch(t.db, { token, body: { measurements: rows } });
          await expectNothingStored(answer, before);
          expect(answer.body.error?.field).toMatch(new RegExp(`^measurements\\.${at}(\\.|$)`));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('valid measurements anywhere in their ranges, edges included, are stored', async () => {
    await setup();
    await fc.assert(
      fc.asyncProperty(edgeMeasurement(streamId), async (m) => {
        const answer = await sendOne(t.db, { token, body: m });
        expect(answer.status, answer.text).toBe(201);
      }),
      { numRuns: RUNS },
    );
  });

  it('random JSON and random text never give a 500', async () => {
    const before = await setup();
    const body = fc.oneof(
      fc.jsonValue().map((v) => ({ raw: JSON.stringify(v) ?? 'null' })),
      fc.string({ maxLength: 200 }).map((raw) => ({ raw })),
      fc.jsonValue().map((v) => ({ raw: JSON.stringify({ measurements: [v] }) })),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async ({ raw }, batch) => {
        const answer = await (batch ? sendBatch : sendOne)(t.db, { token, raw });
        await expectNothingStored(answer, before);
      }),
      { numRuns: RUNS },
    );
  });
});
