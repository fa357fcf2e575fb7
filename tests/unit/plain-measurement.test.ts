/**
 * The import path's quick check against the form's zod schema: on any input, it accepts exactly
 * the rows the schema accepts, with the same values. (Where it says "not sure", the schema decides
 * anyway; but a quick check that doubted good rows would silently make imports slow again.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latestPeriodStart,
  measurementInput,
  metricFields,
  metricMax,
} from '@/lib/validation/measurements';
import { plainMeasurement } from '@/lib/validation/plain-measurement';

const today = new Date('2026-03-10T15:30:00Z');
const schema = measurementInput(today);
const latest = latestPeriodStart(today);

const absent = fc.constantFrom(undefined, null);
const uuid = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '0b6f2a52-6a3e-9c7e-9a39-3f4f0c1b9d11',
    '0b6f2a52-6a3e-4c7e-7a39-3f4f0c1b9d11',
    'not-a-uuid',
  ),
  fc.string(),
  fc.integer(),
  absent,
);
const day = fc
  .integer({ min: Date.UTC(1999, 11, 1), max: Date.UTC(2026, 3, 1) })
  .map((t) => new Date(t).toISOString().slice(0, 10));
const date = fc.oneof(
  { weight: 6, arbitrary: day },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2024-02-29',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-5',
      '2024-01-05T00:00:00Z',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.integer(), absent) },
);
const words = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '  padded  ',
    'a\u0000b',
    'lone \uD800 surrogate',
    'tab\there',
    'two\nlines',
    'cr\r\nlf',
    'esc\u001b[31m',
    'del\u007f',
    'c1\u0085',
    'bell\u0007',
    ' '.repeat(150),
    'x'.repeat(120),
    'x'.repeat(121),
    'y'.repeat(2000),
    'y'.repeat(2001),
    ` ${'z'.repeat(120)} `,
  ),
  fc.integer(),
  absent,
);
function amount(max: number) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: 0, max, noNaN: true }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        max,
        max * (1 + 1e-15),
        max + 1,
        -0,
        -1e-9,
        0.5,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.MAX_VALUE,
      ),
    },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string(), fc.constant('5')) },
    { weight: 4, arbitrary: absent },
  );
}
const row = fc.record(
  {
    streamId: uuid,
    stepName: words,
    periodStart: date,
    periodEnd: date,
    ...Object.fromEntries(metricFields.map((f) => [f, amount(metricMax[f])])),
    method: fc.oneof(
      fc.constantFrom('observed', 'estimated', 'system', 'Observed', 'guessed', ''),
      fc.integer(),
      absent,
    ),
    sampleSize: fc.oneof(
      fc.integer({ min: -5, max: 1_000_000_001 }),
      fc.constantFrom(1e9, 1e9 + 1, 2.5, Number.MAX_SAFE_INTEGER + 2, '7'),
      absent,
    ),
    note: words,
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
/** Rows as an import sends them: mostly good, so that the comparison covers acceptance well. */
const likely = fc
  .record({
    streamId: fc.uuid({ version: 4 }),
    stepName: fc.constantFrom(
      undefined,
      '',
      'Build',
      ' Test ',
      'Tab\tstep',
      'Two\nlines',
      'Esc\u001b',
    ),
    periodStart: day,
    /** Days from the start to the end: a week mostly, and the edges of the longest period. */
    span: fc.oneof(
      { weight: 4, arbitrary: fc.constant(6) },
      { weight: 1, arbitrary: fc.constantFrom(-1, 0, 364, 365, 366, 367) },
    ),
    leadTimeSeconds: fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constant(null)),
    processTimeSeconds: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(null)),
    defects: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(undefined)),
    pctCompleteAccurate: fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.constant(undefined),
    ),
    method: fc.constantFrom(undefined, 'observed', 'system'),
    sampleSize: fc.constantFrom(undefined, null, 25),
    note: fc.constantFrom(
      undefined,
      '',
      'a note, with a comma',
      'two\nlines\tand a tab',
      'nul\u0000',
      'bell\u0007',
    ),
  })
  .map(({ span, ...r }) => ({
    ...r,
    periodEnd: new Date(Date.parse(r.periodStart) + span * 86_400_000).toISOString().slice(0, 10),
  }));

function agrees(value: unknown) {
  const quick = plainMeasurement(value, latest);
  const parsed = schema.safeParse(value);
  expect(quick !== null).toBe(parsed.success);
  if (quick && parsed.success) expect(quick).toEqual(parsed.data);
}

describe('plainMeasurement', () => {
  it('accepts exactly what the schema accepts, with the same values, on any input', () => {
    fc.assert(fc.property(row, agrees), { numRuns: 20_000 });
  }, 60_000); // 20,000 runs take 2–3 s alone, many more beside the integration suite

  it('accepts exactly what the schema accepts on rows shaped like an import', () => {
    fc.assert(fc.property(likely, agrees), { numRuns: 5_000 });
  });

  it('agrees on inputs that are not objects', () => {
    for (const value of [null, undefined, 3, 'row', [], [{}], new Date()]) agrees(value);
  });

  it('accepts a typical row, and the boundaries the schema accepts', () => {
    const good = {
      streamId: '0b6f2a52-6a3e-4c7e-9a39-3f4f0c1b9d11',
      periodStart: '2026-03-17',
      periodEnd: '2026-03-17',
      pctCompleteAccurate: 100,
      stepName: '  Build ',
    };
    expect(plainMeasurement(good, latest)).toMatchObject({
      stepName: 'Build',
      method: 'observed',
      note: '',
      sampleSize: null,
      leadTimeSeconds: null,
    });
    expect(
      plainMeasurement({ ...good, periodStart: '2026-03-18', periodEnd: '2026-03-18' }, latest),
    ).toBeNull();
    expect(
      plainMeasurement({ ...good, leadTimeSeconds: 10, processTimeSeconds: 11 }, latest),
    ).toBeNull();
  });
});
