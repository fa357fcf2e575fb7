/**
 * The columns a measurements CSV may have: the template's header, the words that also match it,
 * and how a cell is read. Shared by the import page, its worker and the tests.
 */
import type { MeasurementInput } from '@/lib/validation/measurements';

export type CellKind =
  'stream' | 'text' | 'date' | 'duration' | 'number' | 'integer' | 'percent' | 'method';

export interface CsvField {
  /** The template's column header. */
  header: string;
  /** What the measurement calls it (`stream` is resolved to `streamId`). */
  key: keyof MeasurementInput | 'stream';
  label: string;
  kind: CellKind;
  /** Other headers that mean the same (compared lower-case, without spaces, dashes or underscores). */
  aliases?: string[];
  required?: boolean;
}

const waste = (kind: string, label: string): CsvField => ({
  header: `waste_${kind}_hours`,
  key: `waste${kind
    .split('_')
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join('')}Hours` as keyof MeasurementInput,
  label: `Hours of ${label}`,
  kind: 'number',
});

export const csvFields: CsvField[] = [
  {
    header: 'stream',
    key: 'stream',
    label: 'Value stream (name or id)',
    kind: 'stream',
    aliases: ['value stream', 'stream name', 'stream id', 'valuestream'],
    required: true,
  },
  {
    header: 'step',
    key: 'stepName',
    label: 'Step (blank for the whole stream)',
    kind: 'text',
    aliases: ['step name', 'process step'],
  },
  {
    header: 'period_start',
    key: 'periodStart',
    label: 'Period start (YYYY-MM-DD)',
    kind: 'date',
    aliases: ['start', 'week start', 'from', 'start date', 'week'],
    required: true,
  },
  {
    header: 'period_end',
    key: 'periodEnd',
    label: 'Period end (blank: a week)',
    kind: 'date',
    aliases: ['end', 'week end', 'to', 'end date'],
  },
  {
    header: 'lead_time_hours',
    key: 'leadTimeSeconds',
    label: 'Lead time',
    kind: 'duration',
    aliases: ['lead time', 'lt', 'lead time hours'],
  },
  {
    header: 'process_time_hours',
    key: 'processTimeSeconds',
    label: 'Process time',
    kind: 'duration',
    aliases: ['process time', 'pt', 'process time hours', 'touch time'],
  },
  {
    header: 'wait_time_hours',
    key: 'waitTimeSeconds',
    label: 'Wait time',
    kind: 'duration',
    aliases: ['wait time', 'wait', 'queue time'],
  },
  {
    header: 'throughput',
    key: 'throughput',
    label: 'Throughput (items done)',
    kind: 'number',
    aliases: ['items done', 'done', 'completed'],
  },
  {
    header: 'wip',
    key: 'wip',
    label: 'WIP (items in progress)',
    kind: 'number',
    aliases: ['work in progress', 'in progress'],
  },
  {
    header: 'pct_complete_accurate',
    key: 'pctCompleteAccurate',
    label: '%C&A (0–100)',
    kind: 'percent',
    aliases: ['%c&a', 'pctca', 'c&a', 'complete and accurate', 'percent complete and accurate'],
  },
  {
    header: 'defects',
    key: 'defects',
    label: 'Defects',
    kind: 'integer',
    aliases: ['defect count', 'bugs'],
  },
  { header: 'cost', key: 'cost', label: 'Cost', kind: 'number' },
  {
    header: 'customer_satisfaction',
    key: 'customerSatisfaction',
    label: 'Customer satisfaction (0–100)',
    kind: 'percent',
    aliases: ['csat', 'satisfaction'],
  },
  waste('defects', 'defects'),
  waste('overproduction', 'overproduction'),
  waste('waiting', 'waiting'),
  waste('non_utilized_talent', 'non-utilized talent'),
  waste('transportation', 'transportation'),
  waste('inventory', 'inventory'),
  waste('motion', 'motion'),
  waste('extra_processing', 'extra-processing'),
  {
    header: 'method',
    key: 'method',
    label: 'Method (observed, estimated, system)',
    kind: 'method',
  },
  {
    header: 'sample_size',
    key: 'sampleSize',
    label: 'Sample size',
    kind: 'integer',
    aliases: ['samples', 'n'],
  },
  {
    header: 'note',
    key: 'note',
    label: 'Note',
    kind: 'text',
    aliases: ['notes', 'comment', 'comments'],
  },
];

export const metricHeaders = csvFields
  .filter(
    (f) => ['duration', 'number', 'integer', 'percent'].includes(f.kind) && f.key !== 'sampleSize',
  )
  .map((f) => f.header);

/** Lower-case, without spaces, dashes, underscores or a BOM: how headers are compared. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/** `{ field header → column index }`. */
export type ColumnMapping = Record<string, number | null>;

/**
 * Matches the file's headers to fields: first a remembered mapping (`remembered`: normalised
 * header → field header), then the template's names, then the aliases.
 */
export function autoMap(headers: string[], remembered: Record<string, string> = {}): ColumnMapping {
  const mapping: ColumnMapping = Object.fromEntries(csvFields.map((f) => [f.header, null]));
  const taken = new Set<number>();
  const assign = (field: string, index: number) => {
    if (mapping[field] === null && !taken.has(index)) {
      mapping[field] = index;
      taken.add(index);
    }
  };
  const normalized = headers.map(normalizeHeader);
  normalized.forEach((h, i) => {
    const field = remembered[h];
    if (field && field in mapping) assign(field, i);
  });
  for (const f of csvFields) {
    const names = [f.header, ...(f.aliases ?? [])].map(normalizeHeader);
    const i = normalized.findIndex((h, idx) => !taken.has(idx) && names.includes(h));
    if (i >= 0) assign(f.header, i);
  }
  return mapping;
}

/** What must be fixed in the mapping before checking rows: required columns, at least one number. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  for (const f of csvFields.filter((x) => x.required)) {
    if (mapping[f.header] === null || mapping[f.header] === undefined)
      problems.push(`Choose the column for “${f.label}”.`);
  }
  if (metricHeaders.every((h) => mapping[h] === null || mapping[h] === undefined))
    problems.push('Choose at least one column with numbers (lead time, throughput, …).');
  return problems;
}

/** What to remember of a mapping: normalised header → field header. */
export function mappingToRemember(
  headers: string[],
  mapping: ColumnMapping,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, index] of Object.entries(mapping))
    if (index !== null && headers[index] !== undefined)
      out[normalizeHeader(headers[index])] = field;
  return out;
}
