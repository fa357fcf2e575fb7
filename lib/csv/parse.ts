/**
 * Parsing a CSV file's text with papaparse, and the checks that come before its rows: is it text,
 * does it have a header, does every row have as many cells as the header.
 */
import Papa from 'papaparse';

/** Larger files are refused before reading: 50 MB holds about 300,000 rows of the template. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A sample of the file's start holds NULs or many control characters: it is not a CSV. */
export function looksBinary(sample: string): boolean {
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && controls / sample.length > 0.01;
}

export interface ParsedCsv {
  headers: string[];
  records: string[][];
  /** Problems with the file as a whole (no header, one column only, …). */
  problems: string[];
  /** Rows whose cell count differs from the header's: spreadsheet row number and message. */
  shapeErrors: { row: number; message: string }[];
}

/** Header problems, from the first row alone. */
export function headerProblems(headers: string[]): string[] {
  const problems: string[] = [];
  if (headers.length === 0 || headers.every((h) => h.trim() === ''))
    problems.push('The file is empty: it needs a header row and at least one row of data.');
  else if (headers.length === 1)
    problems.push(
      'Only one column was found. Save the sheet as CSV, separated by commas or semicolons, with a header row.',
    );
  return problems;
}

/** Rows with more or fewer cells than the header (a broken quote or a stray delimiter). */
export function shapeError(cells: string[], headerCount: number): string | null {
  if (cells.length === headerCount) return null;
  return `This row has ${cells.length} cells but the header has ${headerCount}: check for a stray delimiter or an unclosed quote.`;
}

/** Parses a whole CSV text (in Node, or for small files). The header row is row 1. */
export function parseCsvText(text: string): ParsedCsv {
  if (looksBinary(text.slice(0, 65_536)))
    return {
      headers: [],
      records: [],
      problems: ['This file is not text. Export the sheet as CSV and try again.'],
      shapeErrors: [],
    };
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [headers = [], ...records] = result.data;
  const problems = headerProblems(headers);
  const shapeErrors: ParsedCsv['shapeErrors'] = [];
  records.forEach((cells, i) => {
    const message = shapeError(cells, headers.length);
    if (message) shapeErrors.push({ row: i + 2, message });
  });
  for (const e of result.errors)
    if (e.code === 'MissingQuotes')
      problems.push(`A quote opened near row ${(e.row ?? 0) + 1} is never closed.`);
  return {
    headers: headers.map((h) => h.replace(/^\uFEFF/, '').trim()),
    records,
    problems,
    shapeErrors,
  };
}
