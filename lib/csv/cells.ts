/**
 * Reading a CSV row into a measurement: cells are text; durations may carry a unit ("90 min",
 * "2.5 d"; hours when bare), dates are YYYY-MM-DD, a blank period end means a week.
 * Then the form's own rules check the result (the quick check, or the schema), so a file is held
 * to the same rules as the form.
 */
import { addDays, isIsoDay } from '@/lib/dates';
import {
  latestPeriodStart,
  measurementInput,
  type MeasurementInput,
} from '@/lib/validation/measurements';
import { plainMeasurement } from '@/lib/validation/plain-measurement';
import { defaultCalendar, type DurationUnit, type WorkingCalendar } from '@/lib/vsm/types';
import { toSeconds } from '@/lib/vsm/units';
import { csvFields, type ColumnMapping, type CsvField } from './fields';
import { shapeError } from './parse';

export interface StreamRef {
  id: string;
  name: string;
  /** Whether the importer may log measurements for it (the server checks again). */
  canEdit: boolean;
  calendar?: WorkingCalendar;
}

export interface CsvRowError {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** The template header of the column at fault ("row" for the row as a whole). */
  column: string;
  message: string;
}

export interface CheckedRow {
  row: number;
  values: MeasurementInput;
}

const units: Record<string, DurationUnit> = {
  '': 'hours',
  h: 'hours',
  hr: 'hours',
  hrs: 'hours',
  hour: 'hours',
  hours: 'hours',
  s: 'seconds',
  sec: 'seconds',
  secs: 'seconds',
  second: 'seconds',
  seconds: 'seconds',
  m: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  d: 'days',
  day: 'days',
  days: 'days',
  w: 'weeks',
  wk: 'weeks',
  wks: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
};

class CellError extends Error {}

function number(text: string): number {
  const t = text.trim();
  if (t.includes(','))
    throw new CellError('Write numbers without commas, with a point for decimals (1234.5).');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t))
    throw new CellError(`“${t.slice(0, 40)}” is not a number.`);
  return Number(t);
}

function duration(text: string, calendar: WorkingCalendar): number {
  const m = /^\s*([-+]?[\d.,]+(?:e[-+]?\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const word = (m?.[2] ?? '').toLowerCase();
  const unit = m && Object.hasOwn(units, word) ? units[word] : undefined;
  if (!m?.[1] || !unit)
    throw new CellError(
      `“${text.trim().slice(0, 40)}” is not a duration: write hours (4.5) or a number with a unit (90 min, 2 d).`,
    );
  return toSeconds(number(m[1]), unit, calendar);
}

function date(text: string): string {
  const t = text.trim().replace(/\//g, '-');
  if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(t))
    throw new CellError(`Write dates as YYYY-MM-DD (not “${text.trim().slice(0, 20)}”).`);
  const [y = '', mo = '', d = ''] = t.split('-');
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Text shaped like a UUID (any version, any case). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds streams by id or by name (any case). */
export function streamLookup(streams: StreamRef[]) {
  const byKey = new Map<string, StreamRef>();
  for (const s of streams) {
    byKey.set(s.id.toLowerCase(), s);
    byKey.set(s.name.trim().toLowerCase(), s);
  }
  return (text: string) => byKey.get(text.trim().toLowerCase());
}

export const headerOfKey = new Map<string, string>(
  csvFields.map((f) => [f.key === 'stream' ? 'streamId' : f.key, f.header]),
);

/**
 * Checks every record (the header row removed): each good row as the measurement it becomes,
 * and every error with its row and column. `firstRow` is the spreadsheet row of records[0].
 */
export function checkRecords(
  records: string[][],
  mapping: ColumnMapping,
  streams: StreamRef[],
  opts: { firstRow?: number; today?: Date; maxErrors?: number; headerCount?: number } = {},
) {
  const schema = measurementInput(opts.today);
  const latest = latestPeriodStart(opts.today ?? new Date());
  const find = streamLookup(streams);
  const rows: CheckedRow[] = [];
  const errors: CsvRowError[] = [];
  let errorCount = 0;
  const fail = (e: CsvRowError) => {
    errorCount++;
    if (errors.length < (opts.maxErrors ?? 1000)) errors.push(e);
  };
  const mapped = csvFields.filter(
    (f) => mapping[f.header] !== null && mapping[f.header] !== undefined,
  );
  records.forEach((cells, i) => {
    const row = (opts.firstRow ?? 2) + i;
    const before = errorCount;
    const shape = opts.headerCount === undefined ? null : shapeError(cells, opts.headerCount);
    if (shape) return fail({ row, column: 'row', message: shape });
    const values: Record<string, unknown> = {};
    let calendar = defaultCalendar;
    const streamField = mapped.find((f) => f.kind === 'stream');
    const read = (f: CsvField) => (cells[mapping[f.header] ?? -1] ?? '').trim();
    if (streamField) {
      const text = read(streamField);
      const stream = text ? find(text) : undefined;
      if (!text) fail({ row, column: 'stream', message: 'Name the value stream.' });
      else if (!stream)
        fail({
          row,
          column: 'stream',
          message: uuidPattern.test(text)
            ? 'No value stream with this id in this organization.'
            : `No value stream named “${text.slice(0, 60)}” in this organization.`,
        });
      else if (!stream.canEdit)
        fail({
          row,
          column: 'stream',
          message: `You can log measurements only for streams you own (“${stream.name}”).`,
        });
      else {
        values.streamId = stream.id;
        calendar = stream.calendar ?? defaultCalendar;
      }
    }
    for (const f of mapped) {
      if (f.kind === 'stream') continue;
      const text = read(f);
      if (text === '') continue;
      try {
        values[f.key] =
          f.kind === 'text'
            ? text
            : f.kind === 'date'
              ? date(text)
              : f.kind === 'duration'
                ? duration(text, calendar)
                : f.kind === 'percent'
                  ? number(text.replace(/\s*%$/, ''))
                  : f.kind === 'method'
                    ? text.toLowerCase()
                    : number(text);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        fail({ row, column: f.header, message: error.message });
      }
    }
    // A blank end means a week from the start. A start that is no date gets its error from the
    // schema, on the start; the blank end would only repeat it, so that one is dropped.
    const start = values.periodStart;
    const blankEnd = typeof start === 'string' && values.periodEnd === undefined;
    const startIsDay = typeof start === 'string' && isIsoDay(start);
    if (blankEnd && startIsDay) values.periodEnd = addDays(start, 6);
    if (errorCount > before) return;
    // Rows that plainly pass skip the schema, which decides (and words) the rest.
    if (plainMeasurement(values, latest))
      return void rows.push({ row, values: values as MeasurementInput });
    const parsed = schema.safeParse(values);
    if (parsed.success) rows.push({ row, values: values as MeasurementInput });
    else
      for (const issue of parsed.error.issues) {
        if (blankEnd && !startIsDay && issue.path[0] === 'periodEnd') continue;
        fail({
          row,
          column: headerOfKey.get(String(issue.path[0])) ?? 'row',
          message: issue.message,
        });
      }
  });
  return { rows, errors, errorCount };
}
