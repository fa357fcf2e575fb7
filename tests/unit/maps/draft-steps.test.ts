/**
 * A map's steps reopen as they were typed: in the unit and the mode (lead or wait time) a person
 * entered, with an exact working day (15.3333333 h is not 15.33 h).
 */
import { describe, expect, it } from 'vitest';
import {
  draftFromSaved,
  emptyStep,
  toPayload,
  type DraftStep,
} from '@/components/maps/draft-steps';
import { roundToMillis, type WorkingCalendar } from '@/lib/vsm';

/** What the server stores of a step the editor sends (durations to the millisecond). */
function saved(step: DraftStep, calendar: WorkingCalendar) {
  const p = toPayload(step, calendar);
  return {
    ...p,
    processTimeSeconds: roundToMillis(p.processTimeSeconds),
    leadTimeSeconds: roundToMillis(p.leadTimeSeconds),
  };
}

const odd: WorkingCalendar = { hoursPerDay: 15.3333333, daysPerWeek: 5 };

describe('a step reopens as entered', () => {
  it('wait time of 5 days and process time of 1 s, with a 15.3333333 h day: wait mode, "5" days, "1" second', () => {
    const typed: DraftStep = {
      ...emptyStep('wait', 'Approve'),
      processTime: '1',
      processTimeUnit: 'seconds',
      waitTime: '5',
      waitTimeUnit: 'days',
    };
    const reopened = draftFromSaved(saved(typed, odd), odd);
    expect(reopened).toMatchObject({
      timeEntry: 'wait',
      processTime: '1',
      processTimeUnit: 'seconds',
      waitTime: '5',
      waitTimeUnit: 'days',
    });
  });

  it('lead time typed with many decimals comes back in its unit with those decimals', () => {
    const calendar = { hoursPerDay: 8, daysPerWeek: 5 };
    for (const [text, unit] of [
      ['1.23456', 'days'],
      ['0.3333333', 'hours'],
      ['2.5', 'weeks'],
      ['90', 'minutes'],
    ] as const) {
      const typed: DraftStep = {
        ...emptyStep('lead', 'Pick'),
        processTime: '0',
        leadTime: text,
        leadTimeUnit: unit,
      };
      expect(draftFromSaved(saved(typed, calendar), calendar)).toMatchObject({
        timeEntry: 'lead',
        leadTime: text,
        leadTimeUnit: unit,
      });
    }
  });

  it('a step saved before the mode was kept opens in lead time', () => {
    const step = draftFromSaved(
      { name: 'Old', processTimeSeconds: 60, leadTimeSeconds: 3600, leadTimeUnit: 'hours' },
      { hoursPerDay: 8, daysPerWeek: 5 },
    );
    expect(step).toMatchObject({ timeEntry: 'lead', leadTime: '1', leadTimeUnit: 'hours' });
  });
});
