import { describe, expect, it } from 'vitest';
import { checkRecords, type StreamRef } from '@/lib/csv/cells';
import { autoMap, csvFields, mappingProblems, mappingToRemember } from '@/lib/csv/fields';
import { parseCsvText } from '@/lib/csv/parse';

const orderId = '11111111-1111-4111-8111-111111111111';
const shopId = '33333333-3333-4333-8333-333333333333';
const streams: StreamRef[] = [
  { id: orderId, name: 'Order to delivery', canEdit: true },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Payroll', canEdit: false },
  { id: shopId, name: 'Shop floor', canEdit: true, calendar: { hoursPerDay: 7.5, daysPerWeek: 5 } },
];
const today = new Date('2026-11-25T12:00:00Z');

function check(text: string) {
  const parsed = parseCsvText(text);
  const mapping = autoMap(parsed.headers);
  return {
    parsed,
    mapping,
    ...checkRecords(parsed.records, mapping, streams, {
      today,
      headerCount: parsed.headers.length,
    }),
  };
}

describe('reading a measurements CSV', () => {
  it('reads the template’s columns, with units on durations and a week when the end is blank', () => {
    const { rows, errors } = check(
      'stream,period_start,period_end,lead_time_hours,process_time_hours,pct_complete_accurate,method,note\n' +
        'Order to delivery,2026-01-05,,40,90 min,85%,System,"two\nlines"\n' +
        'shop floor,2026/1/5,2026-01-09,1 wk,2 d,,,\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        values: {
          streamId: orderId,
          periodStart: '2026-01-05',
          periodEnd: '2026-01-11',
          leadTimeSeconds: 144_000,
          processTimeSeconds: 5_400,
          pctCompleteAccurate: 85,
          method: 'system',
          note: 'two\nlines',
        },
      },
      // Days and weeks of the stream's working calendar: 7.5 h days.
      {
        row: 3,
        values: {
          streamId: shopId,
          periodStart: '2026-01-05',
          periodEnd: '2026-01-09',
          leadTimeSeconds: 135_000,
          processTimeSeconds: 54_000,
        },
      },
    ]);
  });

  it('strips a BOM and reads semicolon-separated files', () => {
    const { parsed, rows, errors } = check(
      '\uFEFFStream;Week start;Lead time\nPayroll;2026-01-05;3\nOrder to delivery;2026-01-05;3\n',
    );
    expect(parsed.headers).toEqual(['Stream', 'Week start', 'Lead time']);
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(errors).toEqual([
      {
        row: 2,
        column: 'stream',
        message: 'You can log measurements only for streams you own (“Payroll”).',
      },
    ]);
  });

  it('gives every bad cell its row, column and a message', () => {
    const { rows, errors } = check(
      'stream,period_start,lead_time_hours,process_time_hours,pct_complete_accurate,defects,throughput\n' +
        'Nope,2026-01-05,1,,,,\n' +
        'Order to delivery,05/01/2026,1,,,,\n' +
        'Order to delivery,2026-01-12,-1,,,,\n' +
        'Order to delivery,2026-01-19,1,2,,,\n' +
        'Order to delivery,2026-01-26,1,,101,,\n' +
        'Order to delivery,2026-02-02,1,,,1.5,"1,200"\n' +
        'Order to delivery,2026-02-09,soon,,,,\n' +
        'Order to delivery,2026-02-16\n' +
        'Order to delivery,2027-01-01,1,,,,\n' +
        'Order to delivery,2026-02-30,1,,,,\n' +
        'Order to delivery,2026-03-02,4 constructor,,,,\n',
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => `${e.row} ${e.column}: ${e.message}`)).toEqual([
      '2 stream: No value stream named “Nope” in this organization.',
      '3 period_start: Write dates as YYYY-MM-DD (not “05/01/2026”).',
      '4 lead_time_hours: The lead time cannot be negative.',
      '5 process_time_hours: Process time cannot be longer than lead time.',
      '6 pct_complete_accurate: The %C&A is too large.',
      '7 throughput: Write numbers without commas, with a point for decimals (1234.5).',
      '8 lead_time_hours: “soon” is not a duration: write hours (4.5) or a number with a unit (90 min, 2 d).',
      '9 row: This row has 2 cells but the header has 7: check for a stray delimiter or an unclosed quote.',
      '10 period_start: The period starts too far in the future.',
      '11 period_start: The start of the period is not a real date.',
      '12 lead_time_hours: “4 constructor” is not a duration: write hours (4.5) or a number with a unit (90 min, 2 d).',
    ]);
  });

  it('refuses a file that is not text, has one column, or never closes a quote', () => {
    const garbage = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(i % 256)).join('');
    expect(parseCsvText(garbage).problems).toEqual([
      'This file is not text. Export the sheet as CSV and try again.',
    ]);
    expect(parseCsvText('stream period_start lead_time\nA 2026-01-05 3\n').problems[0]).toMatch(
      /Only one column/,
    );
    expect(parseCsvText('stream,note\nA,"never closed\n').problems).toContain(
      'A quote opened near row 2 is never closed.',
    );
    expect(parseCsvText('').problems[0]).toMatch(/empty/);
  });

  it('reads 10 MB of printable garbage without throwing, and finds nothing to import', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = 'abcXYZ019 ,;"\n\r\t.-%';
    const garbage = Array.from(
      { length: 10 * 1024 * 1024 },
      () => alphabet[next() % alphabet.length],
    ).join('');
    const parsed = parseCsvText(garbage);
    const mapping = autoMap(parsed.headers);
    const problems = [...parsed.problems, ...mappingProblems(mapping)];
    expect(problems.length).toBeGreaterThan(0);
    expect(
      checkRecords(parsed.records.slice(0, 1000), mapping, streams, {
        today,
        headerCount: parsed.headers.length,
      }).rows,
    ).toEqual([]);
    // 10 MB takes a second alone and several on a loaded 2-core machine: not a speed test.
  }, 60_000);

  it('maps headers by template name, alias or a remembered mapping, and says what is missing', () => {
    const headers = ['Value Stream', 'Week', 'LT', 'My odd column'];
    const mapping = autoMap(headers);
    expect([
      mapping.stream,
      mapping.period_start,
      mapping.lead_time_hours,
      mapping.throughput,
    ]).toEqual([0, 1, 2, null]);
    const remembered = mappingToRemember(headers, {
      ...mapping,
      lead_time_hours: null,
      throughput: 3,
    });
    expect(autoMap(headers, remembered).throughput).toBe(3);
    expect(mappingProblems(autoMap(['note']))).toEqual([
      'Choose the column for “Value stream (name or id)”.',
      'Choose the column for “Period start (YYYY-MM-DD)”.',
      'Choose at least one column with numbers (lead time, throughput, …).',
    ]);
    expect(new Set(csvFields.map((f) => f.header)).size).toBe(csvFields.length);
  });
});
