import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  MAX_DAYS_AHEAD,
  measurementInput,
  metricFields,
  type MeasurementValues,
} from '@/lib/validation/measurements';

const today = new Date('2026-03-10T15:30:00Z');
const schema = measurementInput(today);
const streamId = '0b6f2a52-6a3e-4c7e-9a39-3f4f0c1b9d11';
const valid = {
  streamId,
  periodStart: '2026-03-02',
  periodEnd: '2026-03-08',
  leadTimeSeconds: 3600,
};

/** The paths (joined with '.') of the fields the schema refuses in `value`. */
function refused(value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.map(String).join('.'));
}

describe('measurementInput', () => {
  it(`accepts a period starting exactly ${MAX_DAYS_AHEAD} days ahead, refuses 8`, () => {
    expect(refused({ ...valid, periodStart: '2026-03-17', periodEnd: '2026-03-17' })).toEqual([]);
    expect(refused({ ...valid, periodStart: '2026-03-18', periodEnd: '2026-03-18' })).toEqual([
      'periodStart',
    ]);
  });

  it('accepts a period of a year at most', () => {
    expect(refused({ ...valid, periodStart: '2024-01-01', periodEnd: '2024-12-31' })).toEqual([]);
    expect(refused({ ...valid, periodStart: '2024-01-01', periodEnd: '2025-01-01' })).toEqual([
      'periodEnd',
    ]);
    expect(refused({ ...valid, periodStart: '2024-01-01', periodEnd: '9999-12-31' })).toEqual([
      'periodEnd',
    ]);
  });

  it('refuses text Postgres cannot store: a NUL character or a lone surrogate', () => {
    expect(refused({ ...valid, note: 'fine, with ünïcode ✓' })).toEqual([]);
    expect(refused({ ...valid, note: 'a\u0000b' })).toEqual(['note']);
    expect(refused({ ...valid, stepName: 'broken \ud800' })).toEqual(['stepName']);
  });

  it('reads the clock at each validation when no date is given', () => {
    const ahead = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect(
      measurementInput().safeParse({ ...valid, periodStart: ahead(0), periodEnd: ahead(1) })
        .success,
    ).toBe(true);
    expect(
      measurementInput().safeParse({ ...valid, periodStart: ahead(9), periodEnd: ahead(9) })
        .success,
    ).toBe(false);
  });

  it('fills in the defaults', () => {
    const v = schema.parse(valid);
    expect(v).toMatchObject({
      method: 'observed',
      stepName: '',
      note: '',
      sampleSize: null,
      processTimeSeconds: null,
      defects: null,
      wasteMotionHours: null,
    });
    for (const f of metricFields) if (f !== 'leadTimeSeconds') expect(v[f]).toBeNull();
  });

  it('trims the step name and the note', () => {
    expect(schema.parse({ ...valid, stepName: '  Pack ', note: ' late \n' })).toMatchObject({
      stepName: 'Pack',
      note: 'late',
    });
  });

  it.each([
    [{ periodEnd: '2026-03-01' }, 'periodEnd'],
    [{ periodStart: '1999-12-31' }, 'periodStart'],
    [{ periodEnd: '2026-02-30' }, 'periodEnd'],
    [{ periodStart: '2026-13-01' }, 'periodStart'],
    [{ processTimeSeconds: 3601 }, 'processTimeSeconds'],
    [{ pctCompleteAccurate: 101 }, 'pctCompleteAccurate'],
    [{ defects: 1.5 }, 'defects'],
    [{ leadTimeSeconds: -1 }, 'leadTimeSeconds'],
    [{ leadTimeSeconds: null }, 'leadTimeSeconds'],
    [{ leadTimeSeconds: Number.NaN }, 'leadTimeSeconds'],
    [{ streamId: 'x' }, 'streamId'],
  ])('refuses %o on %s', (overrides, field) => {
    expect(refused({ ...valid, ...overrides })).toContain(field);
  });

  it('accepts process time equal to lead time, and any single metric on its own', () => {
    expect(refused({ ...valid, processTimeSeconds: 3600 })).toEqual([]);
    for (const f of metricFields)
      expect(
        refused({ streamId, periodStart: '2026-03-02', periodEnd: '2026-03-02', [f]: 0 }),
      ).toEqual([]);
  });
});

// ---- property ----------------------------------------------------------------------------------

const day = fc
  .integer({ min: -400, max: 30 })
  .map((d) => new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10));
const date = fc.oneof(
  { arbitrary: day, weight: 8 },
  { arbitrary: fc.constantFrom('2026-02-30', '1999-12-31', '2026-3-1', '', 'tomorrow'), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
/** Mostly plausible amounts (so that some inputs pass), sometimes anything a client could send. */
const number = fc.oneof(
  { arbitrary: fc.oneof(fc.constant(null), fc.constant(undefined)), weight: 10 },
  {
    arbitrary: fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 200 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
    weight: 10,
  },
  {
    arbitrary: fc.oneof(
      fc.double({ min: -10, max: 0, noNaN: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e13),
    ),
    weight: 1,
  },
  { arbitrary: fc.oneof(fc.string({ maxLength: 4 }), fc.boolean()), weight: 1 },
);
const metrics = fc.record(
  Object.fromEntries(metricFields.map((f) => [f, number])) as Record<
    (typeof metricFields)[number],
    typeof number
  >,
  {
    requiredKeys: [],
  },
);
const input = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          streamId: fc.oneof(fc.constant(streamId), fc.uuid(), fc.constant(streamId), fc.string()),
          stepName: fc.oneof(fc.string({ maxLength: 130 }), fc.constant(undefined)),
          periodStart: date,
          periodEnd: date,
          method: fc.oneof(
            fc.constantFrom('observed', 'estimated', 'system', 'guessed'),
            fc.constant(undefined),
          ),
          sampleSize: number,
          note: fc.oneof(fc.string(), fc.constant(undefined)),
          metrics,
        },
        { requiredKeys: ['periodStart', 'periodEnd', 'metrics'] },
      )
      .map(({ metrics: m, ...rest }) => ({ ...rest, ...m })),
  },
  { weight: 1, arbitrary: fc.anything() },
);

function checkInvariants(v: MeasurementValues) {
  const latest = new Date(today.getTime() + MAX_DAYS_AHEAD * 86_400_000).toISOString().slice(0, 10);
  expect(v.periodEnd >= v.periodStart).toBe(true);
  expect(v.periodStart <= latest && v.periodStart >= '2000-01-01').toBe(true);
  if (v.processTimeSeconds !== null && v.leadTimeSeconds !== null)
    expect(v.processTimeSeconds).toBeLessThanOrEqual(v.leadTimeSeconds);
  const present = metricFields.map((f) => v[f]).filter((x) => x !== null);
  expect(present.length).toBeGreaterThan(0);
  for (const x of [...present, v.sampleSize])
    if (x !== null) expect(Number.isFinite(x) && x >= 0).toBe(true);
  if (v.pctCompleteAccurate !== null) expect(v.pctCompleteAccurate).toBeLessThanOrEqual(100);
  if (v.defects !== null) expect(Number.isInteger(v.defects)).toBe(true);
}

describe('measurementInput properties', () => {
  it('never throws anything but a ZodError; whatever passes keeps the invariants', () => {
    let passed = 0;
    fc.assert(
      fc.property(input, (raw) => {
        let v: MeasurementValues;
        try {
          v = schema.parse(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ZodError);
          return;
        }
        passed++;
        checkInvariants(v);
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the valid side too, or the invariants were never checked.
    expect(passed).toBeGreaterThan(25);
  });
});
