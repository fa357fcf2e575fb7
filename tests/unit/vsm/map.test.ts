import { describe, expect, it } from 'vitest';
import {
  compareMaps,
  computeMap,
  moveStep,
  toSeconds,
  validateMap,
  waitTimeSeconds,
  type MapStep,
  type MapTotals,
  type WorkingCalendar,
} from '@/lib/vsm';

const cal: WorkingCalendar = { hoursPerDay: 8, daysPerWeek: 5 };

function step(name: string, pt: number, lt: number, pct = 100, people: number | null = 1): MapStep {
  return {
    name,
    processTimeSeconds: pt,
    leadTimeSeconds: lt,
    pctCompleteAccurate: pct,
    people,
    wastes: [],
    notes: '',
  };
}

function totalsOf(steps: MapStep[]): MapTotals {
  const result = computeMap(steps);
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.totals;
}

// Order fulfilment, entered in mixed units, 8-hour working day:
//   pick       PT 5 min  =  300 s   LT 2 h = 7200 s      wait  6900 s   95%
//   pack       PT 3 min  =  180 s   LT 30 min = 1800 s   wait  1620 s   98%
//   ship-prep  PT 10 min =  600 s   LT 1 d = 28800 s     wait 28200 s   90%
//   delivery   PT 1 h    = 3600 s   LT 2 d = 57600 s     wait 54000 s   99%
const fulfilment: MapStep[] = [
  step('Pick', toSeconds(5, 'minutes', cal), toSeconds(2, 'hours', cal), 95),
  step('Pack', toSeconds(3, 'minutes', cal), toSeconds(30, 'minutes', cal), 98),
  step('Ship-prep', toSeconds(10, 'minutes', cal), toSeconds(1, 'days', cal), 90),
  step('Delivery', toSeconds(1, 'hours', cal), toSeconds(2, 'days', cal), 99),
];

describe('computeMap: a worked order-fulfilment example', () => {
  const totals = totalsOf(fulfilment);

  it('adds up lead, process and wait time', () => {
    expect(totals.totalLeadTimeSeconds).toBe(95400); // 7200 + 1800 + 28800 + 57600
    expect(totals.totalProcessTimeSeconds).toBe(4680); // 300 + 180 + 600 + 3600
    expect(totals.totalWaitTimeSeconds).toBe(90720); // 6900 + 1620 + 28200 + 54000 = 95400 - 4680
    expect(totals.stepCount).toBe(4);
  });

  it('computes flow efficiency and rolled %C&A', () => {
    expect(totals.flowEfficiency).toBeCloseTo(0.0491, 4); // 4680 / 95400 = 0.0490566
    expect(totals.rolledPctCompleteAccurate).toBeCloseTo(82.9521, 4); // .95 * .98 = .931; * .90 = .8379; * .99 = .829521
  });

  it('finds the bottleneck by wait and the weakest step by %C&A', () => {
    expect(totals.bottleneck).toEqual({ index: 3, name: 'Delivery', waitTimeSeconds: 54000 });
    expect(totals.weakest).toEqual({ index: 2, name: 'Ship-prep', pctCompleteAccurate: 90 });
  });
});

describe('computeMap: edge cases', () => {
  it('takes flow efficiency as the ratio of sums, never the mean of the steps’ ratios', () => {
    // A: 1 h of 1 h (ratio 1); B: 1 h of 9 h (ratio 1/9).
    // Ratio of sums: 2 h / 10 h = 0.2.  Mean of ratios: (1 + 0.111) / 2 = 0.5556 (wrong).
    const totals = totalsOf([step('A', 3600, 3600), step('B', 3600, 32400)]);
    expect(totals.flowEfficiency).toBe(0.2);
    expect(totals.flowEfficiency).not.toBeCloseTo((1 + 1 / 9) / 2, 2);
  });

  it('has no flow efficiency when the total lead time is 0', () => {
    const totals = totalsOf([step('Instant', 0, 0, 80), step('Also instant', 0, 0, 50)]);
    expect(totals.flowEfficiency).toBeNull();
    expect(totals.bottleneck).toEqual({ index: 0, name: 'Instant', waitTimeSeconds: 0 });
    expect(totals.rolledPctCompleteAccurate).toBe(40); // 80% * 50%
  });

  it('picks the first step on ties', () => {
    const totals = totalsOf([step('a', 0, 10, 50), step('b', 5, 15, 50), step('c', 0, 10, 60)]);
    expect(totals.bottleneck.index).toBe(0); // waits 10, 10, 10
    expect(totals.weakest.index).toBe(0); // %C&A 50, 50, 60
  });

  it('gives one step’s %C&A back unchanged, and 0 when any step is 0', () => {
    expect(totalsOf([step('a', 1, 2, 7)]).rolledPctCompleteAccurate).toBe(7); // not 7.000000000000001
    expect(totalsOf([step('a', 1, 2, 100), step('b', 1, 2, 0)]).rolledPctCompleteAccurate).toBe(0);
    expect(totalsOf([step('a', 1, 2, 100), step('b', 1, 2, 100)]).rolledPctCompleteAccurate).toBe(
      100,
    );
  });

  it('sums fractional seconds without float noise', () => {
    const totals = totalsOf([step('a', 0.1, 0.1), step('b', 0.2, 0.2)]);
    expect(totals.totalLeadTimeSeconds).toBe(0.3); // not 0.30000000000000004
    expect(totals.totalWaitTimeSeconds).toBe(0);
    expect(waitTimeSeconds({ processTimeSeconds: 0.1, leadTimeSeconds: 0.3 })).toBe(0.2);
  });
});

describe('validateMap', () => {
  const ok = step('Fine', 60, 120, 90);
  const issuesFor = (broken: Partial<MapStep>) => validateMap([ok, { ...ok, ...broken }]);

  it('accepts a valid map', () => {
    expect(validateMap(fulfilment)).toEqual([]);
    expect(validateMap([step('No people count', 0, 0, 0, null)])).toEqual([]);
  });

  it('wants at least one step and at most 100', () => {
    expect(validateMap([])).toEqual([{ path: 'steps', message: 'Add at least one step.' }]);
    expect(validateMap(Array.from({ length: 100 }, () => ok))).toEqual([]);
    expect(validateMap(Array.from({ length: 101 }, () => ok))).toEqual([
      { path: 'steps', message: 'A map can have at most 100 steps; this one has 101.' },
    ]);
  });

  it.each([
    [{ name: '' }, 'steps.1.name', 'Give the step a name.'],
    [{ name: '   ' }, 'steps.1.name', 'Give the step a name.'],
    [{ processTimeSeconds: -1 }, 'steps.1.processTime', 'Process time cannot be negative.'],
    [
      { processTimeSeconds: Number.NaN },
      'steps.1.processTime',
      'Enter the process time as a number.',
    ],
    [
      { processTimeSeconds: Infinity },
      'steps.1.processTime',
      'Enter the process time as a number.',
    ],
    [
      { leadTimeSeconds: -0.001, processTimeSeconds: 0 },
      'steps.1.leadTime',
      'Lead time cannot be negative.',
    ],
    [{ leadTimeSeconds: Infinity }, 'steps.1.leadTime', 'Enter the lead time as a number.'],
    [
      { processTimeSeconds: 121 },
      'steps.1.processTime',
      'Process time cannot be longer than lead time.',
    ],
    [
      { pctCompleteAccurate: 100.5 },
      'steps.1.pctCompleteAccurate',
      '% complete and accurate must be a number from 0 to 100.',
    ],
    [
      { pctCompleteAccurate: -1 },
      'steps.1.pctCompleteAccurate',
      '% complete and accurate must be a number from 0 to 100.',
    ],
    [
      { pctCompleteAccurate: Number.NaN },
      'steps.1.pctCompleteAccurate',
      '% complete and accurate must be a number from 0 to 100.',
    ],
    [{ people: -1 }, 'steps.1.people', 'People must be a whole number, 0 or more.'],
    [{ people: 1.5 }, 'steps.1.people', 'People must be a whole number, 0 or more.'],
  ])('refuses %j at %s', (broken, path, message) => {
    expect(issuesFor(broken)).toEqual([{ path, message }]);
  });

  it('refuses a waste that is not one of the eight', () => {
    const broken = JSON.parse('{"wastes":["waiting","boredom"]}') as Partial<MapStep>;
    expect(issuesFor(broken)).toEqual([
      { path: 'steps.1.wastes', message: 'Pick wastes from the eight Lean wastes.' },
    ]);
  });

  it('reports every problem at once, and none twice', () => {
    const issues = validateMap([step('', -5, 10, 101, -2), step('ok', 20, 10)]);
    expect(issues.map((i) => i.path)).toEqual([
      'steps.0.name',
      'steps.0.processTime',
      'steps.0.pctCompleteAccurate',
      'steps.0.people',
      'steps.1.processTime',
    ]);
  });

  it('makes computeMap refuse with the same issues and no totals', () => {
    const result = computeMap([step('x', 20, 10)]);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'steps.0.processTime', message: 'Process time cannot be longer than lead time.' },
      ],
    });
    expect(computeMap([])).toEqual({
      ok: false,
      issues: [{ path: 'steps', message: 'Add at least one step.' }],
    });
  });
});

describe('compareMaps', () => {
  it('gives future minus current for the fulfilment map after a kaizen', () => {
    // Future: pick 5 min / 1 h (and better %C&A), pack as before, ship-prep 10 min / 4 h, delivery 1 h / 1 d.
    //   LT 3600 + 1800 + 14400 + 28800 = 48600; PT 4680; wait 43920; flow efficiency 4680 / 48600 = 0.0962963
    //   %C&A 99, 98, 95, 99: .99 * .98 = .9702; * .95 = .92169; * .99 = .9124731 -> 91.24731
    const future = totalsOf([
      step('Pick', 300, 3600, 99),
      step('Pack', 180, 1800, 98),
      step('Ship-prep', 600, 14400, 95),
      step('Delivery', 3600, 28800, 99),
    ]);
    const delta = compareMaps(totalsOf(fulfilment), future);
    expect(delta.totalLeadTimeSeconds).toBe(-46800); // 48600 - 95400
    expect(delta.totalProcessTimeSeconds).toBe(0); // 4680 - 4680
    expect(delta.totalWaitTimeSeconds).toBe(-46800); // 43920 - 90720
    expect(delta.flowEfficiency).toBeCloseTo(0.0472, 4); // 0.0962963 - 0.0490566 = 0.0472397
    expect(delta.rolledPctCompleteAccurate).toBeCloseTo(8.29521, 5); // 91.24731 - 82.9521
    expect(delta.stepCount).toBe(0);
    expect(delta.leadTimeChangeRatio).toBeCloseTo(-0.490566, 6); // -46800 / 95400
  });

  it('has no efficiency change or ratio where the current map has no lead time', () => {
    const zero = totalsOf([step('a', 0, 0)]);
    const some = totalsOf([step('a', 30, 60), step('b', 0, 60, 50)]);
    const delta = compareMaps(zero, some);
    expect(delta).toEqual({
      totalLeadTimeSeconds: 120,
      totalProcessTimeSeconds: 30,
      totalWaitTimeSeconds: 90,
      flowEfficiency: null,
      rolledPctCompleteAccurate: -50, // 50 - 100
      stepCount: 1,
      leadTimeChangeRatio: null,
    });
    expect(compareMaps(some, zero).flowEfficiency).toBeNull();
    expect(compareMaps(some, zero).leadTimeChangeRatio).toBe(-1); // (0 - 120) / 120
  });
});

describe('moveStep', () => {
  const list = ['a', 'b', 'c', 'd'] as const;

  it.each([
    [0, 2, ['b', 'c', 'a', 'd']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [1, 1, ['a', 'b', 'c', 'd']],
    [1, 99, ['a', 'c', 'd', 'b']], // clamped to the end
    [2, -5, ['c', 'a', 'b', 'd']], // clamped to the start
    [7, 0, ['a', 'b', 'c', 'd']], // nothing at 7: unchanged
    [-1, 0, ['a', 'b', 'c', 'd']],
    [0.5, 0, ['a', 'b', 'c', 'd']],
  ])('moves %s to %s', (from, to, expected) => {
    const moved = moveStep(list, from, to);
    expect(moved).toEqual(expected);
    expect(moved).not.toBe(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
});
