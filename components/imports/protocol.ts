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
  /** `body`: the import request's body (lib/imports/wire.ts), when every row passed; `preview`: the first ten rows that did. */
  | {
      type: 'done';
      ready: number;
      preview: CheckedRow[];
      body: Blob | null;
      errors: CsvRowError[];
      errorCount: number;
      totalRows: number;
      problems: string[];
    }
  | { type: 'failed'; message: string };
