'use client';

import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { formatNumber } from '@/lib/format';
import { ProgressBar } from './progress';
import type { UploadState } from './use-upload';

/** Step 4: sending, saving, and what the import did. */
export function UploadResult({
  state,
  fileName,
  onAnother,
}: {
  state: Exclude<UploadState, { phase: 'idle' }>;
  fileName: string;
  onAnother: () => void;
}) {
  const org = useOrg();
  switch (state.phase) {
    case 'sending':
      return (
        <ProgressBar
          label={`Checking ${fileName} on the server`}
          value={state.sent}
          max={state.total}
          detail={`${formatNumber(state.sent, 0)} of ${formatNumber(state.total, 0)} rows`}
        />
      );
    case 'saving':
      return (
        <ProgressBar
          label={`Saving ${formatNumber(state.total, 0)} rows, all at once`}
          value={1}
          max={1}
          detail="Almost done"
        />
      );
    case 'failed':
      return (
        <div className="space-y-3">
          <FormError message={state.message} />
          {state.errors.length > 0 ? (
            <ul className="list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
              {state.errors.slice(0, 50).map((e, i) => (
                <li key={i}>
                  Row {e.row}, {e.column}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          <Button onClick={onAnother}>Choose a file</Button>
        </div>
      );
    case 'done':
      return (
        <div className="space-y-4" role="status">
          <p className="text-base font-medium text-slate-900 dark:text-slate-50">
            Imported {fileName}.
          </p>
          <dl className="grid grid-cols-3 gap-3 sm:max-w-md">
            {(
              [
                ['Added', state.added],
                ['Replaced', state.replaced],
                ['Skipped (already there)', state.skipped],
              ] as const
            ).map(([label, n]) => (
              <div
                key={label}
                className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
              >
                <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
                <dd className="text-xl font-semibold text-slate-900 tabular-nums dark:text-slate-50">
                  {formatNumber(n, 0)}
                </dd>
              </div>
            ))}
          </dl>
          {state.replaced > 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Replaced rows had other numbers for the same stream, step and period; the audit trail
              keeps what they were.
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button asChild>
              <Link href={`/${org.slug}/measurements?source=csv`}>See the measurements</Link>
            </Button>
            <Button variant="secondary" onClick={onAnother}>
              Import another file
            </Button>
          </div>
        </div>
      );
  }
}
