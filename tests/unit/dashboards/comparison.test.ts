import { describe, expect, it } from 'vitest';
import { groupFigures, streamRates, type StreamSums } from '@/lib/dashboards/comparison';

const none: StreamSums = {
  weeks: 0,
  medianLead: null,
  pt: null,
  lt: null,
  throughput: null,
  throughputWeeks: 0,
  wip: null,
  wipWeeks: 0,
  pct: null,
  pctWeeks: 0,
  waste: null,
  wasteWeeks: 0,
};

/** 4 weeks: LT median 13 h, PT 8 h of LT 52 h, 40 items, WIP 24 over 4 weeks, %C&A 340 over 4, waste 40 h over 4. */
const a: StreamSums = {
  weeks: 4,
  medianLead: 13,
  pt: 8,
  lt: 52,
  throughput: 40,
  throughputWeeks: 4,
  wip: 24,
  wipWeeks: 4,
  pct: 340,
  pctWeeks: 4,
  waste: 40,
  wasteWeeks: 4,
};
/** 2 weeks: LT 20 h, PT 8 of 40, 8 items, WIP 4, %C&A 140, waste 12 h; throughput only counted in 1 week. */
const b: StreamSums = {
  weeks: 2,
  medianLead: 20,
  pt: 8,
  lt: 40,
  throughput: 8,
  throughputWeeks: 1,
  wip: 4,
  wipWeeks: 2,
  pct: 140,
  pctWeeks: 2,
  waste: 12,
  wasteWeeks: 2,
};

describe('streamRates', () => {
  it('divides each sum by the weeks that recorded it', () => {
    expect(streamRates(b)).toEqual({
      medianLead: 20,
      flowEfficiency: 20,
      throughputPerWeek: 8,
      wip: 2,
      pct: 70,
      wastePerWeek: 6,
    });
  });

  it('gives nulls, not zeros, for a stream with nothing measured', () => {
    expect(streamRates(none)).toEqual({
      medianLead: null,
      flowEfficiency: null,
      throughputPerWeek: null,
      wip: null,
      pct: null,
      wastePerWeek: null,
    });
  });
});

describe('groupFigures', () => {
  it('flow efficiency is a ratio of sums, lead time and %C&A medians of the streams, the rest totals', () => {
    const g = groupFigures([a, b, none]);
    expect(g.streams).toBe(3);
    expect(g.measured).toBe(2);
    expect(g.medianLead).toBe(16.5);
    // (8 + 8) / (52 + 40), not the mean of 15.4% and 20%.
    expect(g.flowEfficiency).toBeCloseTo((100 * 16) / 92, 10);
    expect(g.throughputPerWeek).toBe(10 + 8);
    expect(g.wip).toBe(6 + 2);
    expect(g.pct).toBe(77.5);
    expect(g.wastePerWeek).toBe(10 + 6);
  });

  it('an empty group has no figures', () => {
    expect(groupFigures([])).toEqual({
      streams: 0,
      measured: 0,
      medianLead: null,
      flowEfficiency: null,
      throughputPerWeek: null,
      wip: null,
      pct: null,
      wastePerWeek: null,
    });
  });
});
