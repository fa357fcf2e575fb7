/** Messages between the import page and its CSV worker (csv.worker.ts). */
import type { CheckedRow, CsvRowError, StreamRef } from '@/lib/csv/cells';
import type { ColumnMapping } from '@/lib/csv/fields';

export interface CheckRequest {
  file: File;
  mapping: ColumnMapping;
  streams: StreamRef[];
  /** ISO timestamp: the page's clock, so the worker judges "the future" as the page does. */
  now: string;
}

export type WorkerMessage =
  | { type: 'progress'; bytes: number; total: number; rows: number }
  | { type: 'done'; rows: CheckedRow[]; errors: CsvRowError[]; errorCount: number; totalRows: number; problems: string[] }
  | { type: 'failed'; message: string };
