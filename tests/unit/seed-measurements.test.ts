import { describe, expect, it } from 'vitest';
import { acmeStreams } from '@/server/seed/data/acme';
import { measurementProfiles } from '@/server/seed/data/measurement-profiles';
import {
  demoMeasurements,
  type DemoMeasurement,
  type DemoSeries,
} from '@/server/seed/data/measurements';
import { northwindStreams } from '@/server/seed/data/northwind';
import { demoStreams } from '@/server/seed/streams';
import { measurementInput, wasteFields } from '@/lib/validation/measurements';
import { defaultCalendar } from '@/lib/vsm/types';

const streams = [...northwindStreams, ...acmeStreams];
const today = new Date('2026-03-10T12:00:00Z'); // a Tuesday
const all = demoMeasurements(streams, { today });
const streamId = '0b6f2a52-6a3e-4c7e-9a39-3f4f0c1b9d11';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const totalWaste = (m: DemoMeasurement) => wasteFields.reduce((sum, f) => sum + m[f], 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const decimals = (value: number) =>
  Number.isInteger(value) ? 0 : (String(value).split('.')[1]?.length ?? 99);

/** Weeks of a series that a regression touches. */
function regressionWeeks(series: DemoSeries): Set<number> {
  const weeks = new Set<number>();
  for (const e of series.events)
    if (e.kind === 'regression') for (let i = 0; i < e.weeks; i++) weeks.add(e.week + i);
  return weeks;
}

describe('demo measurements', () => {
  it('cover every demo stream of both organizations, each with a profile of its own', () => {
    const names = Object.values(demoStreams).flatMap((list) => list.map((s) => s.fields.name));
    expect(names).toHaveLength(11);
    expect(all.map((s) => s.name).sort()).toEqual([...names].sort());
    expect(Object.keys(measurementProfiles).sort()).toEqual([...names].sort());
  });

  it('are deterministic: the same seed and day give the same rows, another seed other rows', () => {
    expect(demoMeasurements(streams, { today })).toEqual(all);
    const other = demoMeasurements(streams, { today, seed: 7 });
    expect(other.map((s) => s.rows.map((r) => r.periodStart))).toEqual(
      all.map((s) => s.rows.map((r) => r.periodStart)),
    );
    expect(other.flatMap((s) => s.rows.map((r) => r.leadTimeSeconds))).not.toEqual(
      all.flatMap((s) => s.rows.map((r) => r.leadTimeSeconds)),
    );
  });

  it('pass the validation of the form, unchanged, and the checks and precision of the table', () => {
    const schema = measurementInput(today);
    for (const { rows } of all) {
      for (const row of rows) {
        const { source, ...input } = row;
        expect(schema.parse({ streamId, ...input })).toEqual({ streamId, ...input });
        expect(['form', 'csv']).toContain(source);
        expect(row.stepName).toBe('');
        expect(row.processTimeSeconds).toBeLessThanOrEqual(row.leadTimeSeconds);
        expect(row.waitTimeSeconds).toBe(row.leadTimeSeconds - row.processTimeSeconds);
        expect(row.pctCompleteAccurate).toBeGreaterThanOrEqual(0);
        expect(row.pctCompleteAccurate).toBeLessThanOrEqual(100);
        expect(row.customerSatisfaction).toBeLessThanOrEqual(100);
        expect(Number.isInteger(row.defects)).toBe(true);
        expect(
          row.sampleSize === null || (Number.isInteger(row.sampleSize) && row.sampleSize >= 0),
        ).toBe(true);
        // numeric(p, s): what is generated is what is stored.
        for (const f of ['leadTimeSeconds', 'processTimeSeconds', 'waitTimeSeconds'] as const)
          expect(decimals(row[f])).toBeLessThanOrEqual(3);
        for (const f of [
          'throughput',
          'wip',
          'cost',
          'customerSatisfaction',
          'pctCompleteAccurate',
          ...wasteFields,
        ] as const) {
          expect(decimals(row[f])).toBeLessThanOrEqual(2);
          expect(row[f]).toBeGreaterThanOrEqual(0);
        }
        for (const f of wasteFields) expect(row[f]).toBeLessThan(1e8);
        expect(row.wip).toBeLessThan(1e10);
        expect(row.cost).toBeLessThan(1e12);
      }
    }
  });

  it.each([
    ['a Tuesday', '2026-03-10T12:00:00Z', '2026-03-01'],
    ['a Monday', '2026-03-09T12:00:00Z', '2026-03-01'],
    ['a Sunday', '2026-03-08T12:00:00Z', '2026-02-22'],
  ])(
    'run Monday to Sunday in consecutive weeks, no duplicates, for 2.5 years, up to the week before the last full week, which is left for the demo lead to log (seeded on %s)',
    (_, when, lastSunday) => {
      for (const { rows } of demoMeasurements(streams, { today: new Date(when) })) {
        expect(rows.length).toBeGreaterThanOrEqual(125);
        expect(rows.length).toBeLessThanOrEqual(156);
        expect(new Set(rows.map((r) => r.periodStart)).size).toBe(rows.length);
        expect(rows.at(-1)?.periodEnd).toBe(lastSunday);
        rows.forEach((r, i) => {
          expect(new Date(`${r.periodStart}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(day(r.periodEnd) - day(r.periodStart)).toBe(6);
          const previous = rows[i - 1];
          if (previous) expect(day(r.periodStart) - day(previous.periodStart)).toBe(7);
        });
      }
    },
  );

  // Three seeding days in different seasons, so that events land in different weeks of the year.
  describe.each(['2026-03-10T12:00:00Z', '2026-07-15T12:00:00Z', '2026-11-25T12:00:00Z'])(
    'seeded on %s',
    (when) => {
      const series = demoMeasurements(streams, { today: new Date(when) });

      it('show less waste in the weeks after each kaizen event than in the weeks before', () => {
        for (const s of series) {
          const improvements = s.events.filter((e) => e.kind === 'improvement');
          expect(improvements.length, s.name).toBeGreaterThanOrEqual(1);
          expect(improvements.length, s.name).toBeLessThanOrEqual(3);
          const skip = regressionWeeks(s);
          const window = (from: number, to: number) =>
            s.rows
              .slice(Math.max(0, from), Math.max(0, to))
              .filter((_, i) => !skip.has(Math.max(0, from) + i))
              .map(totalWaste);
          for (const e of improvements) {
            expect(s.rows[e.week]?.note, s.name).toContain(e.note);
            const before = window(e.week - 8, e.week);
            const after = window(e.week + 4, e.week + 12);
            if (before.length < 4 || after.length < 4) continue; // too close to either end of the series
            expect(mean(after), `${s.name}: ${e.note}`).toBeLessThan(mean(before));
          }
        }
      });

      it('end with shorter lead times and a third less waste than they start with', () => {
        for (const s of series) {
          const first = s.rows.slice(0, 13);
          const last = s.rows.slice(-13);
          expect(mean(last.map((r) => r.leadTimeSeconds)), s.name).toBeLessThan(
            mean(first.map((r) => r.leadTimeSeconds)),
          );
          expect(mean(last.map(totalWaste)), s.name).toBeLessThan(
            0.75 * mean(first.map(totalWaste)),
          );
        }
      });

      it('have at least one regression per stream, with longer lead times and more waste than just before', () => {
        for (const s of series) {
          const regressions = s.events.filter((e) => e.kind === 'regression');
          expect(regressions.length, s.name).toBeGreaterThanOrEqual(1);
          expect(regressions.length, s.name).toBeLessThanOrEqual(2);
          for (const e of regressions) {
            const during = s.rows.slice(e.week, e.week + e.weeks);
            const before = s.rows.slice(Math.max(0, e.week - 4), e.week);
            expect(
              during.every((r) => r.note.includes(e.note)),
              s.name,
            ).toBe(true);
            if (before.length === 0) continue;
            expect(
              mean(during.map((r) => r.leadTimeSeconds)),
              `${s.name}: ${e.note}`,
            ).toBeGreaterThan(1.1 * mean(before.map((r) => r.leadTimeSeconds)));
            expect(mean(during.map(totalWaste)), `${s.name}: ${e.note}`).toBeGreaterThan(
              mean(before.map(totalWaste)),
            );
          }
        }
      });
    },
  );

  it('put notes only on the weeks of an event', () => {
    for (const s of all) {
      const eventWeeks = new Set(
        s.events.flatMap((e) => Array.from({ length: e.weeks }, (_, i) => e.week + i)),
      );
      s.rows.forEach((r, i) =>
        expect(r.note !== '', `${s.name} week ${i}`).toBe(eventWeeks.has(i)),
      );
    }
  });

  it("keep WIP in line with Little's law: throughput per week times lead time in working weeks", () => {
    for (const s of all) {
      const stream = streams.find((x) => x.fields.name === s.name);
      const calendar = stream?.calendar ?? defaultCalendar;
      const week = calendar.hoursPerDay * calendar.daysPerWeek * 3600;
      const little = s.rows.reduce((sum, r) => sum + (r.throughput * r.leadTimeSeconds) / week, 0);
      const wip = s.rows.reduce((sum, r) => sum + r.wip, 0);
      expect(wip / little, s.name).toBeGreaterThan(0.8);
      expect(wip / little, s.name).toBeLessThan(1.25);
    }
  });

  it('mostly come from the form, observed; some by CSV, some measured by a system', () => {
    const rows = all.flatMap((s) => s.rows);
    const share = (pick: (r: DemoMeasurement) => boolean) => rows.filter(pick).length / rows.length;
    expect(share((r) => r.method === 'observed')).toBeGreaterThan(0.5);
    expect(share((r) => r.method === 'system')).toBeGreaterThan(0.05);
    expect(share((r) => r.source === 'form')).toBeGreaterThan(0.5);
    expect(share((r) => r.source === 'csv')).toBeGreaterThan(0.05);
  });

  it('peak in November and December for the retailer', () => {
    const orders = all.find((s) => s.name === 'Online order fulfillment');
    const rows = orders?.rows ?? [];
    const inPeak = (r: DemoMeasurement) => /-(11-(2[2-9]|30)|12-(0\d|1\d))$/.test(r.periodStart);
    const peak = rows.filter(inPeak).map((r) => r.throughput);
    const rest = rows
      .filter((r) => !inPeak(r) && /-(0[3-6]|09|10)-/.test(r.periodStart))
      .map((r) => r.throughput);
    expect(peak.length).toBeGreaterThan(5);
    expect(mean(peak)).toBeGreaterThan(1.2 * mean(rest));
  });
});
