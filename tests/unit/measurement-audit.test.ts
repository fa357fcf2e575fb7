import { describe, expect, it } from 'vitest';
import {
  asSnapshot,
  auditChanges,
  auditSubject,
  auditValues,
  type AuditFormat,
} from '@/components/measurements/audit-changes';

const names: Record<string, string> = { s1: 'Order fulfilment', s2: 'Returns' };
const format: AuditFormat = {
  calendar: { hoursPerDay: 7.5, daysPerWeek: 5 },
  streamName: (id) => names[id] ?? 'A deleted stream',
};

/** A snapshot as the audit stores it (jsonb of the row, camelCase keys). */
const base = {
  id: 'm1',
  streamId: 's1',
  stepName: '',
  periodStart: '2026-01-05',
  periodEnd: '2026-01-11',
  leadTimeSeconds: 54_000, // 2 working days of 7.5 h
  processTimeSeconds: 3_600,
  waitTimeSeconds: null,
  throughput: 40,
  wip: null,
  pctCompleteAccurate: 90,
  wasteWaitingHours: null,
  method: 'observed',
  source: 'form',
  note: '',
  enteredBy: 'u1',
};

describe('auditChanges', () => {
  it('lists only what changed, before → after, in human units and the stream’s calendar', () => {
    const after = {
      ...base,
      leadTimeSeconds: 27_000,
      throughput: 55,
      wasteWaitingHours: 3.5,
      method: 'estimated',
      enteredBy: 'u2',
    };
    expect(auditChanges(base, after, format)).toEqual([
      { key: 'leadTimeSeconds', label: 'Lead time', before: '2 d', after: '1 d' },
      { key: 'throughput', label: 'Throughput', before: '40', after: '55' },
      { key: 'wasteWaitingHours', label: 'Waiting waste', before: '—', after: '3.5 h' },
      { key: 'method', label: 'Method', before: 'Observed', after: 'Estimated' },
    ]);
  });

  it('names the streams of a move, the step and the period', () => {
    const after = {
      ...base,
      streamId: 's2',
      stepName: 'Pack',
      periodStart: '2026-01-12',
      periodEnd: '2026-01-18',
    };
    expect(auditChanges(base, after, format)).toEqual([
      { key: 'streamId', label: 'Stream', before: 'Order fulfilment', after: 'Returns' },
      { key: 'stepName', label: 'Step', before: 'Whole stream', after: 'Pack' },
      { key: 'period', label: 'Period', before: 'Jan 5–11, 2026', after: 'Jan 12–18, 2026' },
    ]);
  });

  it('is empty when nothing a person reads changed; a column the snapshot lacks reads as empty', () => {
    expect(auditChanges(base, { ...base, enteredBy: 'u2' }, format)).toEqual([]);
    const { throughput: _t, ...older } = base;
    expect(auditChanges(older, { ...older, throughput: 2 }, format)).toEqual([
      { key: 'throughput', label: 'Throughput', before: '—', after: '2' },
    ]);
  });
});

describe('auditValues and auditSubject', () => {
  it('a deleted measurement reads as what it held', () => {
    expect(auditValues(base, format)).toEqual([
      { key: 'leadTimeSeconds', label: 'Lead time', value: '2 d' },
      { key: 'processTimeSeconds', label: 'Process time', value: '1 h' },
      { key: 'throughput', label: 'Throughput', value: '40' },
      { key: 'pctCompleteAccurate', label: '%C&A', value: '90%' },
      { key: 'method', label: 'Method', value: 'Observed' },
      { key: 'source', label: 'Source', value: 'Form' },
    ]);
    expect(auditSubject(base)).toEqual({ step: '', period: 'Jan 5–11, 2026' });
  });

  it('asSnapshot accepts objects only', () => {
    expect(asSnapshot(null)).toBeNull();
    expect(asSnapshot([1])).toBeNull();
    expect(asSnapshot('x')).toBeNull();
    expect(asSnapshot({ a: 1 })).toEqual({ a: 1 });
  });
});
