'use client';

import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';

export interface Saved {
  id: string;
  replaced: boolean;
  edited: boolean;
  streamId: string;
  streamName: string;
  stepName: string;
  period: string;
}

/** What was saved, with the way to it in the table. */
export function SavedNotice({ saved, nextStreamName }: { saved: Saved; nextStreamName?: string }) {
  const org = useOrg();
  const what = `${saved.streamName}${saved.stepName ? ` · ${saved.stepName}` : ''}, ${saved.period}`;
  const verb = saved.edited ? 'Changes saved' : saved.replaced ? 'Replaced' : 'Saved';
  return (
    <div
      role="status"
      className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
    >
      <p>
        <strong>{verb}:</strong> {what}.{' '}
        <Link
          className="font-medium underline underline-offset-4"
          href={`/${org.slug}/measurements?stream=${saved.streamId}&saved=${saved.id}`}
        >
          See it in the table
        </Link>
      </p>
      {nextStreamName ? <p className="mt-1">Now logging {nextStreamName}, same period.</p> : null}
    </div>
  );
}

/** The period already has a measurement: replace it, or go back and change the period. */
export function ConflictPrompt({
  pending,
  onReplace,
  onCancel,
}: {
  pending: boolean;
  onReplace: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950"
    >
      <p id="conflict-title" className="font-semibold text-amber-900 dark:text-amber-100">
        There is already a measurement for this period. Replace it?
      </p>
      <p id="conflict-text" className="mt-1 text-sm text-amber-900/80 dark:text-amber-200/80">
        Replacing keeps the old numbers in the audit trail. Or cancel and change the period or the
        step.
      </p>
      <div className="mt-3 flex gap-2">
        <Button
          type="button"
          variant="danger"
          size="sm"
          pending={pending}
          onClick={onReplace}
          autoFocus
        >
          Replace it
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
