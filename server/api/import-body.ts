/**
 * Reading a CSV import's body (`application/x-ndjson`: a header line, then a line per row; see
 * lib/imports/wire.ts) without turning it all into objects at once: the bytes are kept (at most
 * MAX_IMPORT_BYTES), the line starts are found once, and the rows are parsed a slice at a time as
 * the import checks them. 250,000 rows held as JSON objects took several hundred MB; as bytes and
 * one slice, about the body's size.
 */
import { z } from 'zod';
import { importColumns, IMPORT_CONTENT_TYPE, type ImportHeader } from '@/lib/imports/wire';
import { lineText } from '@/lib/validation/text';
import type { ImportRowSource } from '../services/imports';
import { MAX_IMPORT_ROWS } from '../services/ingest';
import { readBodyBytes } from './request';
import { apiError, ApiResponseError } from './respond';

/** 250,000 rows of every field come to about 60 MB. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const headerSchema = z.object({
  fileName: lineText(255).min(1, { error: 'Name the file.' }),
  columns: z
    .array(z.enum(importColumns, { error: 'Unknown column.' }))
    .refine((c) => new Set(c).size === c.length, { error: 'A column is named twice.' }),
  streamIds: z.array(z.string().max(64)).max(MAX_IMPORT_ROWS),
});

const NEWLINE = 0x0a;

/** The rows of the body, parsed a slice at a time. A line that is not JSON reads as `null`. */
export class ImportRows implements ImportRowSource {
  readonly total: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    private readonly bytes: Buffer,
    from: number,
  ) {
    const starts: number[] = [];
    const ends: number[] = [];
    for (let at = from; at < bytes.length;) {
      const newline = bytes.indexOf(NEWLINE, at);
      const end = newline < 0 ? bytes.length : newline;
      if (end > at && !isBlank(bytes, at, end)) {
        starts.push(at);
        ends.push(end);
      }
      at = end + 1;
    }
    this.starts = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
    this.total = starts.length;
  }

  slice(from: number, to: number): unknown[] {
    const last = Math.min(to, this.total) - 1;
    if (last < from) return [];
    // JSON strings never hold a raw newline, so the slice's lines joined by commas are an array.
    const text = this.bytes.toString('utf8', this.starts[from], this.ends[last]);
    try {
      const rows: unknown = JSON.parse(`[${text.replaceAll('\n', ',')}]`);
      if (Array.isArray(rows) && rows.length === last - from + 1) return rows;
    } catch {
      // A line is not JSON: read them one by one to find which.
    }
    const rows: unknown[] = [];
    for (let i = from; i <= last; i++) {
      try {
        rows.push(JSON.parse(this.bytes.toString('utf8', this.starts[i], this.ends[i])));
      } catch {
        rows.push(null);
      }
    }
    return rows;
  }
}

function isBlank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

function invalid(message: string, fields: Record<string, string[]>): ApiResponseError {
  return new ApiResponseError(apiError(400, 'invalid', message, { fields }));
}

/** The import's header and rows; a response (415, 413, 400) when the body is not one. */
export async function readImport(request: Request): Promise<ImportHeader & { rows: ImportRows }> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== IMPORT_CONTENT_TYPE) {
    throw new ApiResponseError(
      apiError(
        415,
        'unsupported_media_type',
        `Send the rows as lines of JSON (Content-Type: ${IMPORT_CONTENT_TYPE}), as the import page does.`,
      ),
    );
  }
  const bytes = await readBodyBytes(request, MAX_IMPORT_BYTES);
  const newline = bytes.indexOf(NEWLINE);
  const headerEnd = newline < 0 ? bytes.length : newline;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8', 0, headerEnd));
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    throw new ApiResponseError(
      apiError(400, 'invalid_json', `The first line is not a JSON header${detail}.`),
    );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fields[issue.path.join('.') || 'body'] ??= []).push(issue.message);
    throw invalid(parsed.error.issues[0]?.message ?? 'The import is not valid.', fields);
  }
  const rows = new ImportRows(bytes, headerEnd + 1);
  if (rows.total === 0) {
    const message = 'The file has no rows to import.';
    throw invalid(message, { rows: [message] });
  }
  if (rows.total > MAX_IMPORT_ROWS) {
    const message = `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows at once.`;
    throw invalid(message, { rows: [message] });
  }
  return { ...parsed.data, rows };
}
