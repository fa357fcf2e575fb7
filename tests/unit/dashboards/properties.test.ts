import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekStartOf } from '@/lib/dates';
import {
  daysIn,
  mannWhitneyU,
  median,
  previousRange,
  rangeOf,
  rangePresets,
  weeksBetween,
  xmr,
  type XmrPattern,
} from '@/lib/dashboards';

/** Any date from 1900 to 2199, as 'YYYY-MM-DD'. */
const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const daysFrom = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('weeks, for any date', () => {
  it('weekStartOf is the Monday on or before the date, at most six days back', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const monday = weekStartOf(d);
        expect(utcDay(monday)).toBe(1);
        expect(daysFrom(monday, d)).toBeGreaterThanOrEqual(0);
        expect(daysFrom(monday, d)).toBeLessThanOrEqual(6);
        expect(weekStartOf(monday)).toBe(monday);
      }),
    );
  });

  it('every range is whole weeks, ends before the current week, and has its previous range right before it', () => {
    const preset = fc.constantFrom(...rangePresets.map((p) => p.value));
    fc.assert(
      fc.property(isoDate, preset, isoDate, isoDate, (today, p, a, b) => {
        const range = rangeOf(p, today, { from: a, to: b });
        expect(utcDay(range.from)).toBe(1);
        expect(utcDay(range.to)).toBe(0);
        expect(daysIn(range) % 7).toBe(0);
        expect(weeksBetween(range.from, range.to)).toHaveLength(daysIn(range) / 7);
        const weeks = rangePresets.find((x) => x.value === p)?.weeks;
        if (weeks) {
          expect(daysIn(range)).toBe(7 * weeks);
          expect(addDays(range.to, 1)).toBe(weekStartOf(today));
        }
        const prev = previousRange(range);
        expect(addDays(prev.to, 1)).toBe(range.from);
        expect(daysIn(prev)).toBe(daysIn(range));
      }),
    );
  });
});

describe('median, for any values', () => {
  const values = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), {
    minLength: 1,
    maxLength: 50,
  });
  it('lies between the smallest and the largest, whatever the order', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const m = median(xs) ?? Number.NaN;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        expect(median([...xs].reverse())).toBe(m);
      }),
    );
  });
});

describe('xmr, for any series', () => {
  const series = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 60 });

  it('mirroring the values mirrors the chart: same signals, sides swapped', () => {
    const flip = (p: XmrPattern): XmrPattern => ({
      ...p,
      side: p.side === 'above' ? 'below' : 'above',
    });
    const key = (p: XmrPattern) => `${p.type}:${p.side}:${p.first}-${p.last}`;
    fc.assert(
      fc.property(series, (xs) => {
        const a = xmr(xs);
        const b = xmr(xs.map((x) => -x));
        if (!a || !b) throw new Error('two points or more always make a chart');
        // 0 - x, not -x: a centre or limit of 0 mirrors to 0, and toBe tells -0 from 0.
        expect(b.centre).toBe(0 - a.centre);
        expect(b.mrBar).toBe(a.mrBar);
        expect(b.unpl).toBe(0 - a.lnpl);
        expect(b.points.map((p) => p.signals)).toEqual(a.points.map((p) => p.signals));
        expect(b.patterns.map(key).sort()).toEqual(a.patterns.map(flip).map(key).sort());
      }),
    );
  });

  it('marks exactly the points inside its patterns, on the pattern side', () => {
    fc.assert(
      fc.property(series, (xs) => {
        const r = xmr(xs);
        if (!r) throw new Error('expected a chart');
        expect(r.signalCount).toBe(r.patterns.length);
        expect(r.url).toBeCloseTo(3.268 * r.mrBar, 9);
        expect(r.unpl - r.centre).toBeCloseTo(r.centre - r.lnpl, 9);
        for (const point of r.points) {
          for (const type of point.signals) {
            const inside = r.patterns.some(
              (p) => p.type === type && p.first <= point.index && point.index <= p.last,
            );
            expect(inside).toBe(true);
          }
        }
        for (const p of r.patterns.filter((x) => x.type === 'run-of-8')) {
          expect(p.last - p.first + 1).toBeGreaterThanOrEqual(8);
          for (const point of r.points.slice(p.first, p.last + 1)) {
            expect(p.side === 'above' ? point.value > r.centre : point.value < r.centre).toBe(true);
          }
        }
      }),
    );
  });
});

describe('mannWhitneyU, for any two samples', () => {
  const sample = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 });
  it('is symmetric in its windows, with U in [0, n1·n2/2] and p in [0, 1]', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = mannWhitneyU(a, b);
        const ba = mannWhitneyU(b, a);
        expect(ab.u).toBe(ba.u);
        expect(ab.uA + ba.uA).toBeCloseTo(a.length * b.length, 9);
        expect(ab.p).toBeCloseTo(ba.p, 12);
        expect(ab.u).toBeGreaterThanOrEqual(0);
        expect(ab.u).toBeLessThanOrEqual((a.length * b.length) / 2);
        expect(ab.p).toBeGreaterThanOrEqual(0);
        expect(ab.p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
