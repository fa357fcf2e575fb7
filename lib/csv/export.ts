/** CSV exports of what a page shows: papaparse writes the text (quoting, commas, newlines). */
import Papa from 'papaparse';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export type Cell = string | number;

/**
 * CSV text of a header row and data rows. Text that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, a tab or a carriage return: a stream named `=HYPERLINK(…)`) is written
 * with a leading apostrophe, so it opens as text; numbers stay numbers.
 */
export function csvText(header: readonly string[], data: readonly (readonly Cell[])[]): string {
  return Papa.unparse(
    { fields: [...header], data: data.map((row) => [...row]) },
    { newline: '\n', escapeFormulae: true },
  );
}

/** CSV text of rows by columns; missing values are empty cells. */
export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  return csvText(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.value(r) ?? '')),
  );
}

/** Saves text as a file in the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
