/// <reference lib="webworker" />
/**
 * Parses and checks a CSV file off the main thread, so that a 100,000-row file never freezes the
 * page. Papaparse reads the file in chunks; each chunk's rows are checked as they arrive.
 */
import Papa from 'papaparse';
import { checkRecords, type CheckedRow, type CsvRowError } from '@/lib/csv/cells';
import { headerProblems, looksBinary } from '@/lib/csv/parse';
import { encodeImportLines, importBody, IMPORT_CONTENT_TYPE } from '@/lib/imports/wire';
import type { CheckRequest, WorkerMessage } from './protocol';

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { file, mapping, streams, now } = event.data;
  try {
    if (looksBinary(await file.slice(0, 65_536).text())) {
      post({
        type: 'done',
        ready: 0,
        preview: [],
        body: null,
        errors: [],
        errorCount: 0,
        totalRows: 0,
        problems: ['This file is not text. Export the sheet as CSV and try again.'],
      });
      return;
    }
    const today = new Date(now);
    const rows: CheckedRow[] = [];
    const errors: CsvRowError[] = [];
    const problems: string[] = [];
    let errorCount = 0;
    let headers: string[] | null = null;
    let nextRow = 2;
    let lastPost = 0;
    Papa.parse<string[]>(file, {
      skipEmptyLines: 'greedy',
      chunkSize: 512 * 1024,
      chunk: (result) => {
        let records = result.data;
        if (!headers) {
          headers = records[0] ?? [];
          problems.push(...headerProblems(headers));
          records = records.slice(1);
        }
        for (const e of result.errors)
          if (e.code === 'MissingQuotes')
            problems.push(`A quote opened near row ${nextRow + (e.row ?? 0)} is never closed.`);
        const checked = checkRecords(records, mapping, streams, {
          firstRow: nextRow,
          today,
          headerCount: headers.length,
          maxErrors: 1000 - errors.length,
        });
        for (const r of checked.rows) rows.push(r);
        for (const e of checked.errors) errors.push(e);
        errorCount += checked.errorCount;
        nextRow += records.length;
        const at = Date.now();
        if (at - lastPost > 100) {
          lastPost = at;
          post({
            type: 'progress',
            bytes: result.meta.cursor,
            total: file.size,
            rows: nextRow - 2,
          });
        }
      },
      complete: () => {
        if (!headers) problems.push(...headerProblems([]));
        // Every row passed: the request's body is made here, off the page, so that "Import" sends at once.
        const importable = problems.length === 0 && errorCount === 0 && rows.length > 0;
        const body = importable
          ? new Blob(encodeImportLines(importBody(file.name, rows)), { type: IMPORT_CONTENT_TYPE })
          : null;
        post({
          type: 'done',
          ready: rows.length,
          preview: rows.slice(0, 10),
          body,
          errors,
          errorCount,
          totalRows: nextRow - 2,
          problems,
        });
      },
      error: (error) =>
        post({ type: 'failed', message: `The file could not be read: ${error.message}` }),
    });
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : 'The file could not be read.',
    });
  }
};
