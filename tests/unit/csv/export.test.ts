/** CSV exports: text a spreadsheet would run as a formula opens as text (issue 11, finding 7). */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, toCsv } from '@/lib/csv/export';
import { templateCsv } from '@/components/imports/template';

describe('CSV exports', () => {
  it('write formula-leading text with an apostrophe, and leave numbers and plain text alone', () => {
    const names = [
      '=HYPERLINK("https://evil.example/x","Open")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '\tTabbed',
      '\rReturned',
      'Order to delivery',
      'a=b',
    ];
    const text = toCsv(
      names.map((name, i) => ({ name, n: -i })),
      [
        { header: 'name', value: (r) => r.name },
        { header: 'n', value: (r) => r.n },
      ],
    );
    const rows = Papa.parse<string[]>(text).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual([
      `'=HYPERLINK("https://evil.example/x","Open")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1:A2)",
      "'\tTabbed",
      "'\rReturned",
      'Order to delivery',
      'a=b',
    ]);
    expect(rows.map((r) => r[1])).toEqual(['0', '-1', '-2', '-3', '-4', '-5', '-6', '-7']);
  });

  it('the import template escapes a stream name too', () => {
    const text = templateCsv('=cmd|calc');
    expect(text).not.toMatch(/(^|,)=cmd/m);
    expect(text).toContain("'=cmd|calc");
    expect(csvText(['a'], [['=x']])).toBe(`a\n"'=x"`);
  });
});
