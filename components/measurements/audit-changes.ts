/**
 * What an audit row says, in words: the fields a change touched as "before → after", or what a
 * deleted measurement held, each value in human units (durations in the stream's working
 * calendar, waste by its name). Pure, so it is unit-tested.
 */
import type { WorkingCalendar } from '@/lib/vsm/types';
import { formatDuration, formatNumber, formatPeriod } from '@/lib/format';
import { methodLabels, sourceLabels, wasteLabels } from '@/lib/labels';
import { wasteFieldOf } from './shared';

/** A measurement as the audit keeps it (jsonb): read defensively, it may predate a column. */
export type Snapshot = Record<string, unknown>;

export function asSnapshot(value: unknown): Snapshot | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Snapshot)
    : null;
}

export interface AuditFormat {
  /** The working calendar days and weeks are shown in. */
  calendar: WorkingCalendar;
  /** A stream's name from its id (a move names two streams). */
  streamName: (id: string) => string;
}

export interface AuditLine {
  key: string;
  label: string;
  before: string;
  after: string;
}

interface FieldSpec {
  key: string;
  label: string;
  /** The raw value(s) compared to tell whether it changed. */
  raw: (s: Snapshot) => unknown;
  show: (s: Snapshot, f: AuditFormat) => string;
}

const EMPTY = '—';
const numberOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const textOf = (v: unknown) => (typeof v === 'string' ? v : '');
const lookup = (labels: Record<string, string>, v: unknown) =>
  typeof v === 'string' ? (labels[v] ?? v) : EMPTY;

function amount(key: string, label: string, suffix = ''): FieldSpec {
  return {
    key,
    label,
    raw: (s) => numberOf(s[key]),
    show: (s) => {
      const n = numberOf(s[key]);
      return n === null ? EMPTY : `${formatNumber(n, 3)}${suffix}`;
    },
  };
}

function duration(key: string, label: string): FieldSpec {
  return {
    key,
    label,
    raw: (s) => numberOf(s[key]),
    show: (s, f) => {
      const n = numberOf(s[key]);
      return n === null ? EMPTY : formatDuration(n, f.calendar, { maxDecimals: 3 });
    },
  };
}

const specs: FieldSpec[] = [
  {
    key: 'streamId',
    label: 'Stream',
    raw: (s) => textOf(s.streamId),
    show: (s, f) => (s.streamId ? f.streamName(textOf(s.streamId)) : EMPTY),
  },
  {
    key: 'stepName',
    label: 'Step',
    raw: (s) => textOf(s.stepName),
    show: (s) => textOf(s.stepName) || 'Whole stream',
  },
  {
    key: 'period',
    label: 'Period',
    raw: (s) => `${textOf(s.periodStart)}/${textOf(s.periodEnd)}`,
    show: (s) => auditSubject(s).period,
  },
  duration('leadTimeSeconds', 'Lead time'),
  duration('processTimeSeconds', 'Process time'),
  duration('waitTimeSeconds', 'Wait time'),
  amount('throughput', 'Throughput'),
  amount('wip', 'WIP'),
  amount('pctCompleteAccurate', '%C&A', '%'),
  amount('defects', 'Defects'),
  amount('cost', 'Cost'),
  amount('customerSatisfaction', 'Customer satisfaction'),
  ...Object.entries(wasteFieldOf).map(([waste, key]) =>
    amount(key, `${wasteLabels[waste as keyof typeof wasteLabels]} waste`, ' h'),
  ),
  {
    key: 'method',
    label: 'Method',
    raw: (s) => s.method ?? null,
    show: (s) => lookup(methodLabels, s.method),
  },
  amount('sampleSize', 'Sample size'),
  {
    key: 'source',
    label: 'Source',
    raw: (s) => s.source ?? null,
    show: (s) => lookup(sourceLabels, s.source),
  },
  { key: 'note', label: 'Note', raw: (s) => textOf(s.note), show: (s) => textOf(s.note) || EMPTY },
];

/** The fields that differ between two snapshots, in the form's order. */
export function auditChanges(before: Snapshot, after: Snapshot, format: AuditFormat): AuditLine[] {
  return specs
    .filter((spec) => spec.raw(before) !== spec.raw(after))
    .map((spec) => ({
      key: spec.key,
      label: spec.label,
      before: spec.show(before, format),
      after: spec.show(after, format),
    }));
}

/** What a snapshot held: its numbers that were entered, and its method, source and note. */
export function auditValues(
  snapshot: Snapshot,
  format: AuditFormat,
): { key: string; label: string; value: string }[] {
  const skip = new Set(['streamId', 'stepName', 'period']); // the entry's heading names them
  return specs
    .filter((spec) => !skip.has(spec.key))
    .map((spec) => ({ key: spec.key, label: spec.label, value: spec.show(snapshot, format) }))
    .filter((line) => line.value !== EMPTY);
}

/** The heading of an audit row: its step ('' for the whole stream) and its period. */
export function auditSubject(snapshot: Snapshot): { step: string; period: string } {
  const start = textOf(snapshot.periodStart);
  const end = textOf(snapshot.periodEnd);
  return {
    step: textOf(snapshot.stepName),
    period: start && end ? formatPeriod(start, end) : EMPTY,
  };
}
