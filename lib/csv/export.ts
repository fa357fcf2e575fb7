/** CSV exports of what a page shows: papaparse writes the text (quoting, commas, newlines). */
import Papa from 'papaparse';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

/** CSV text with a header row; numbers stay numbers, missing values are empty cells. */
export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  return Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((r) => columns.map((c) => c.value(r) ?? '')),
    },
    { newline: '\n' },
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
