'use client';

import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatPeriod } from '@/lib/format';
import { type MeasurementListRow } from './shared';

/** Edit and delete of one measurement, for those who may change its stream's numbers. */
export function RowActions({ row, onDelete }: { row: MeasurementListRow; onDelete: () => void }) {
  const org = useOrg();
  const m = row.measurement;
  const what = `${row.streamName}${m.stepName ? ` · ${m.stepName}` : ''}, ${formatPeriod(m.periodStart, m.periodEnd)}`;
  return (
    <div className="flex justify-end gap-1">
      <Button asChild variant="ghost" size="sm">
        <Link
          href={`/${org.slug}/measurements/new?id=${m.id}`}
          prefetch={false}
          aria-label={`Edit ${what}`}
        >
          Edit
        </Link>
      </Button>
      <ConfirmDialog
        trigger={
          <Button
            variant="ghost"
            size="sm"
            className="text-red-700 dark:text-red-400"
            aria-label={`Delete ${what}`}
          >
            Delete
          </Button>
        }
        title="Delete this measurement?"
        description={`${what}. The audit trail keeps a copy.`}
        confirmLabel="Delete"
        onConfirm={onDelete}
      />
    </div>
  );
}
