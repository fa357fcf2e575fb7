/**
 * A CSV import on the wire: the browser sends the checked rows in one request as lines of JSON
 * (`application/x-ndjson`): a header line (`ImportHeader`), then one array per row, in the order
 * the header's `columns` names, so the server can read the rows a slice at a time instead of
 * holding the whole file as objects. The server answers with a stream of events, one JSON object
 * per line, as it checks and saves them. See docs/measurements.md.
 */
import { metricFields, type MeasurementInput } from '@/lib/validation/measurements';

/** What a row may carry after its line number: the measurement's fields, by the form's names. */
export const importColumns = [
  'streamId',
  'stepName',
  'periodStart',
  'periodEnd',
  ...metricFields,
  'method',
  'sampleSize',
  'note',
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const IMPORT_CONTENT_TYPE = 'application/x-ndjson';

/** The first line of the body. */
export interface ImportHeader {
  fileName: string;
  /** The field each position of a row holds, after the line number. */
  columns: ImportColumn[];
  /**
   * Every stream id the rows name, so the server can look them up before it starts taking rows;
   * a row naming a stream that is not listed is refused as an unknown stream.
   */
  streamIds: string[];
}

/** The rows of an import as built in memory (tests, the worker): `[line, value, value, …]`. */
export interface ImportBody {
  fileName: string;
  columns: ImportColumn[];
  /** `null` (or a missing value) means the cell was empty. */
  rows: unknown[][];
}

export interface ImportRowError {
  /** The file's line number. */
  row: number;
  /** The field at fault (the form's name, as `columns` has it). */
  field: string;
  message: string;
}

export type ImportEvent =
  /** Rows checked (and set aside) so far. */
  | { type: 'progress'; checked: number; total: number }
  /** Every row passed: they are being saved, all at once. */
  | { type: 'saving'; total: number }
  | {
      type: 'done';
      importId: string;
      added: number;
      replaced: number;
      skipped: number;
      totalRows: number;
    }
  /** Some rows were refused: nothing was saved. `errors` holds the first thousand. */
  | { type: 'refused'; errors: ImportRowError[]; errorCount: number }
  /** The import failed as a whole: nothing was saved. */
  | { type: 'failed'; message: string };

/** The request body for checked rows. */
export function importBody(
  fileName: string,
  rows: { row: number; values: MeasurementInput }[],
): ImportBody {
  const columns = [...importColumns];
  return {
    fileName,
    columns,
    rows: rows.map(({ row, values }) => {
      const v = values as Record<string, unknown>;
      const out: unknown[] = [row];
      for (const c of columns) out.push(v[c] ?? null);
      return out;
    }),
  };
}

/** The body's text: the header line, then a line per row. */
export function encodeImport(body: ImportBody): string {
  return encodeImportLines(body).join('');
}

/** The body as lines (each ending in a newline), for a Blob built without one large string. */
export function encodeImportLines(body: ImportBody): string[] {
  const at = body.columns.indexOf('streamId') + 1;
  const ids = new Set<string>();
  if (at > 0) for (const r of body.rows) if (typeof r[at] === 'string') ids.add(r[at]);
  const header: ImportHeader = {
    fileName: body.fileName,
    columns: body.columns,
    streamIds: [...ids],
  };
  const lines = [`${JSON.stringify(header)}\n`];
  for (const r of body.rows) lines.push(`${JSON.stringify(r)}\n`);
  return lines;
}

/** The row's values as the form's input (an empty cell is an absent field). */
export function rowValues(
  columns: readonly ImportColumn[],
  row: readonly unknown[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) {
    const v = row[i + 1];
    if (v !== null && v !== undefined) values[columns[i] as string] = v;
  }
  return values;
}

/** The events of a streamed answer, one JSON object per line, as they arrive. */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ImportEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield JSON.parse(line) as ImportEvent;
      newline = buffered.indexOf('\n');
    }
    if (done) return;
  }
}
