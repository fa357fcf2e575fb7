import { csvText } from '@/lib/csv/export';
import { csvFields } from '@/lib/csv/fields';

/** The template: every column, and two example rows for the first stream the importer may log. */
export function templateCsv(streamName = 'Order to delivery'): string {
  const example = (start: string, end: string, lt: string, pt: string, note: string) =>
    csvFields.map(
      (f) =>
        ({
          stream: streamName,
          step: '',
          period_start: start,
          period_end: end,
          lead_time_hours: lt,
          process_time_hours: pt,
          wait_time_hours: '',
          throughput: '42',
          wip: '12',
          pct_complete_accurate: '87.5',
          defects: '3',
          method: 'observed',
          sample_size: '42',
          note,
        })[f.header] ?? '',
    );
  return csvText(
    csvFields.map((f) => f.header),
    [
      example(
        '2026-01-05',
        '2026-01-11',
        '36',
        '90 min',
        'Durations: hours, or a number with a unit (90 min, 2 d, 1 wk)',
      ),
      example('2026-01-12', '', '34.5', '1.5', 'A blank period end means a week'),
    ],
  );
}
