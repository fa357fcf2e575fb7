'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { cn } from '@/lib/cn';
import { MAX_FILE_BYTES } from '@/lib/csv/parse';
import { downloadText } from '@/lib/csv/export';
import { formatNumber } from '@/lib/format';
import { templateCsv } from './template';

/** Step 1: choose (or drop) a CSV file, or download the template. */
export function FileStep({
  onFile,
  error,
  exampleStream,
}: {
  onFile: (file: File) => void;
  error?: string;
  exampleStream?: string;
}) {
  const [dragging, setDragging] = useState(false);
  const [tooBig, setTooBig] = useState<string>();
  const take = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES)
      return setTooBig(
        `This file is ${formatNumber(file.size / 1048576, 0)} MB; import at most 50 MB at once (split it).`,
      );
    setTooBig(undefined);
    onFile(file);
  };
  return (
    <div className="space-y-4">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          take(e.dataTransfer.files[0]);
        }}
        className={cn(
          'rounded-lg border-2 border-dashed p-8 text-center',
          dragging
            ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950'
            : 'border-slate-300 dark:border-slate-600',
        )}
      >
        <p className="text-sm text-slate-700 dark:text-slate-300">Drop a CSV file here, or</p>
        <label className="mt-2 inline-block cursor-pointer rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-500 hover:bg-indigo-500">
          Choose a file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            className="sr-only"
            onChange={(e) => take(e.target.files?.[0] ?? undefined)}
          />
        </label>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          Comma- or semicolon-separated, with a header row; up to 50 MB (about 300,000 rows).
        </p>
      </div>
      <FormError message={tooBig ?? error} />
      <div className="text-sm text-slate-600 dark:text-slate-400">
        <p>
          Start from the template: one row per stream (or step) and period. Durations are in hours
          unless you add a unit (90 min, 2 d, 1 wk: days and weeks of the stream’s working
          calendar); a blank period end means a week.
        </p>
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          onClick={() =>
            downloadText('valuestream-measurements-template.csv', templateCsv(exampleStream))
          }
        >
          Download the template
        </Button>
      </div>
    </div>
  );
}
