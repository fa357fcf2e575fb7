import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeMap,
  moveStep,
  waitTimeSeconds,
  wastes,
  type MapStep,
  type MapTotals,
} from '@/lib/vsm';

/**
 * A valid step, with its durations as whole milliseconds so the expected sums are exact integers.
 * Round values come often, so ties (equal waits, equal %C&A) are common too.
 */
const validStep = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    ltMs: fc.oneof(fc.integer({ min: 0, max: 1e10 }), fc.constantFrom(0, 1000, 60_000, 3_600_000)),
    ptShare: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
    pct: fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.constantFrom(90, 95, 100),
    ),
    people: fc.option(fc.nat({ max: 50 })),
    wastes: fc.subarray([...wastes]),
  })
  .map(({ name, ltMs, ptShare, pct, people, wastes: w }) => {
    const ptMs = Math.floor(ltMs * ptShare);
    const step: MapStep = {
      name,
      processTimeSeconds: ptMs / 1000,
      leadTimeSeconds: ltMs / 1000,
      pctCompleteAccurate: pct,
      people,
      wastes: w,
      notes: '',
    };
    return { step, ptMs, ltMs };
  });

const validMap = fc.array(validStep, { minLength: 1, maxLength: 100 });

function totalsOf(steps: MapStep[]): MapTotals {
  const result = computeMap(steps);
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.totals;
}

/** Products of floats depend a little on their order: equal to within a relative 1e-12. */
function expectNearlyEqual(a: number, b: number) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));
}

function expectSameNumbers(a: MapTotals, b: MapTotals) {
  expect(a.totalLeadTimeSeconds).toBe(b.totalLeadTimeSeconds);
  expect(a.totalProcessTimeSeconds).toBe(b.totalProcessTimeSeconds);
  expect(a.totalWaitTimeSeconds).toBe(b.totalWaitTimeSeconds);
  expect(a.flowEfficiency).toBe(b.flowEfficiency);
  expect(a.stepCount).toBe(b.stepCount);
  expect(a.bottleneck.waitTimeSeconds).toBe(b.bottleneck.waitTimeSeconds);
  expect(a.weakest.pctCompleteAccurate).toBe(b.weakest.pctCompleteAccurate);
  expectNearlyEqual(a.rolledPctCompleteAccurate, b.rolledPctCompleteAccurate);
}

describe('computeMap, for any valid map', () => {
  it('totals are the exact sums of the steps, and wait = lead - process', () => {
    fc.assert(
      fc.property(validMap, (rows) => {
        const totals = totalsOf(rows.map((r) => r.step));
        const ltMs = rows.reduce((sum, r) => sum + r.ltMs, 0);
        const ptMs = rows.reduce((sum, r) => sum + r.ptMs, 0);
        expect(totals.totalLeadTimeSeconds).toBe(ltMs / 1000);
        expect(totals.totalProcessTimeSeconds).toBe(ptMs / 1000);
        expect(totals.totalWaitTimeSeconds).toBe((ltMs - ptMs) / 1000);
        expect(totals.stepCount).toBe(rows.length);
      }),
    );
  });

  it('flow efficiency is total PT / total LT, in [0, 1], and null only when total LT is 0', () => {
    fc.assert(
      fc.property(validMap, (rows) => {
        const totals = totalsOf(rows.map((r) => r.step));
        if (totals.totalLeadTimeSeconds === 0) {
          expect(totals.flowEfficiency).toBeNull();
        } else {
          expect(totals.flowEfficiency).toBe(
            totals.totalProcessTimeSeconds / totals.totalLeadTimeSeconds,
          );
          expect(totals.flowEfficiency).toBeGreaterThanOrEqual(0);
          expect(totals.flowEfficiency).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('rolled %C&A is in [0, lowest step %C&A], the weakest step has that lowest %C&A', () => {
    fc.assert(
      fc.property(validMap, (rows) => {
        const totals = totalsOf(rows.map((r) => r.step));
        const lowest = Math.min(...rows.map((r) => r.step.pctCompleteAccurate));
        expect(totals.rolledPctCompleteAccurate).toBeGreaterThanOrEqual(0);
        expect(totals.rolledPctCompleteAccurate).toBeLessThanOrEqual(lowest);
        expect(totals.weakest.pctCompleteAccurate).toBe(lowest);
        expect(rows.findIndex((r) => r.step.pctCompleteAccurate === lowest)).toBe(
          totals.weakest.index,
        );
      }),
    );
  });

  it('the bottleneck waits at least as long as every step, and is the first such step', () => {
    fc.assert(
      fc.property(validMap, (rows) => {
        const steps = rows.map((r) => r.step);
        const { bottleneck } = totalsOf(steps);
        for (const step of steps)
          expect(bottleneck.waitTimeSeconds).toBeGreaterThanOrEqual(waitTimeSeconds(step));
        expect(steps.findIndex((s) => waitTimeSeconds(s) === bottleneck.waitTimeSeconds)).toBe(
          bottleneck.index,
        );
        expect(steps[bottleneck.index]?.name).toBe(bottleneck.name);
      }),
    );
  });

  it('reordering the steps (any permutation) changes no total, efficiency or rolled %C&A', () => {
    const mapAndOrder = validMap.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
      ),
    );
    fc.assert(
      fc.property(mapAndOrder, ([rows, shuffled]) => {
        expectSameNumbers(totalsOf(shuffled.map((r) => r.step)), totalsOf(rows.map((r) => r.step)));
      }),
    );
  });

  it('moving one step (moveStep) changes no total, efficiency or rolled %C&A', () => {
    fc.assert(
      fc.property(validMap, fc.nat(), fc.integer({ min: -5, max: 105 }), (rows, fromSeed, to) => {
        const steps = rows.map((r) => r.step);
        const moved = moveStep(steps, fromSeed % steps.length, to);
        expect(moved).toHaveLength(steps.length);
        expect(new Set(moved)).toEqual(new Set(steps));
        expectSameNumbers(totalsOf(moved), totalsOf(steps));
      }),
    );
  });
});

type Breakage = { patch: (s: MapStep) => Partial<MapStep>; field: string };

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.double({ min: 0.001, max: 1e6, noNaN: true }).map((extra) => ({
    patch: (s: MapStep) => ({ processTimeSeconds: s.leadTimeSeconds + extra }),
    field: 'processTime',
  })),
  fc
    .double({ min: 1e-3, max: 1e9, noNaN: true })
    .map((n) => ({ patch: () => ({ processTimeSeconds: -n }), field: 'processTime' })),
  fc
    .double({ min: 1e-3, max: 1e9, noNaN: true })
    .map((n) => ({ patch: () => ({ leadTimeSeconds: -n }), field: 'leadTime' })),
  fc
    .constantFrom(Number.NaN, Infinity, -Infinity)
    .map((n) => ({ patch: () => ({ leadTimeSeconds: n }), field: 'leadTime' })),
  fc
    .oneof(
      fc.double({ min: 100.000001, max: 1e6, noNaN: true }),
      fc.double({ min: -1e6, max: -1e-6, noNaN: true }),
      fc.constant(Number.NaN),
    )
    .map((pct) => ({ patch: () => ({ pctCompleteAccurate: pct }), field: 'pctCompleteAccurate' })),
  fc
    .oneof(
      fc.integer({ min: -1000, max: -1 }),
      fc.double({ min: 0.01, max: 99.99, noNaN: true }).filter((n) => !Number.isInteger(n)),
    )
    .map((people) => ({ patch: () => ({ people }), field: 'people' })),
  fc.constantFrom('', ' ', '\t\n').map((name) => ({ patch: () => ({ name }), field: 'name' })),
);

describe('computeMap, for a map with one broken step', () => {
  it('always refuses, with an issue at that step’s field, and never gives totals', () => {
    fc.assert(
      fc.property(validMap, fc.nat(), breakage, (rows, indexSeed, { patch, field }) => {
        const steps = rows.map((r) => r.step);
        const index = indexSeed % steps.length;
        const broken = steps.map((s, i) => (i === index ? { ...s, ...patch(s) } : s));
        const result = computeMap(broken);
        expect(result.ok).toBe(false);
        expect(result).not.toHaveProperty('totals');
        if (result.ok) return;
        expect(result.issues.map((i) => i.path)).toContain(`steps.${index}.${field}`);
        for (const issue of result.issues) {
          expect(issue.path.startsWith(`steps.${index}.`)).toBe(true);
          expect(issue.message).toMatch(/^\S.*\.$/);
        }
      }),
    );
  });
});
