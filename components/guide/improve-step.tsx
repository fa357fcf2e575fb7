'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { safeCalendar, toMapStep, type DraftStep } from '@/components/maps/draft-steps';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { formatDuration } from '@/lib/format';
import { computeMap, type WorkingCalendar } from '@/lib/vsm';
import { wasteOptions } from '@/lib/labels';
import { NotesField } from './purpose-step';

interface ImproveStepProps {
  steps: DraftStep[];
  calendar: WorkingCalendar;
  notes: string;
  onNotesChange: (notes: string) => void;
  /** Set once the stream is saved: then the next moves are offered. */
  saved: { id: string; name: string; version: number } | null;
}

/** Step 7: what to improve (the wastes and the bottleneck found), then the future state. */
export function ImproveStep({ steps, calendar, notes, onNotesChange, saved }: ImproveStepProps) {
  const cal = safeCalendar(calendar);
  const result = computeMap(steps.map((s) => toMapStep(s, cal)));
  const wasteCounts = wasteOptions
    .map((o) => ({ ...o, count: steps.filter((s) => s.wastes.includes(o.value)).length }))
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count);

  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-4 text-sm dark:border-slate-700">
          <h3 className="font-semibold">Where the time goes</h3>
          {result.ok ? (
            <p className="mt-1 text-slate-700 dark:text-slate-300">
              {result.totals.bottleneck.waitTimeSeconds > 0 ? (
                <>
                  The longest wait is at <strong>{result.totals.bottleneck.name}</strong> (
                  {formatDuration(result.totals.bottleneck.waitTimeSeconds, cal, {
                    maxDecimals: 2,
                  })}
                  ).{' '}
                </>
              ) : (
                'No step waits. '
              )}
              Flow efficiency is{' '}
              {result.totals.flowEfficiency === null
                ? '—'
                : `${Math.round(result.totals.flowEfficiency * 1000) / 10}%`}
              : the rest of the lead time is waiting.
            </p>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              Complete the map to see its bottleneck.
            </p>
          )}
        </div>
        <div className="rounded-md border border-slate-200 p-4 text-sm dark:border-slate-700">
          <h3 className="font-semibold">Waste you tagged</h3>
          {wasteCounts.length > 0 ? (
            <ul className="mt-1 space-y-0.5 text-slate-700 dark:text-slate-300">
              {wasteCounts.map((w) => (
                <li key={w.value}>
                  {w.label}: {w.count} {w.count === 1 ? 'step' : 'steps'}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-400">No waste tagged at step 4.</p>
          )}
        </div>
      </div>

      <NotesField
        label="Improvements to try"
        value={notes}
        onChange={onNotesChange}
        maxLength={8000}
        rows={5}
        readOnly={saved !== null}
        hint={
          saved
            ? 'Saved with the stream.'
            : 'Simplify, smooth the flow, automate: one idea per line. Saved with the stream.'
        }
        placeholder={
          'e.g. Batch picking twice a day instead of once\nCheck addresses at checkout, not at packing'
        }
      />

      {saved ? <NextMoves saved={saved} /> : null}
    </div>
  );
}

function NextMoves({ saved }: { saved: { id: string; name: string; version: number } }) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const startFuture = useMutation(trpc.maps.startFuture.mutationOptions());
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-green-300 bg-green-50 p-4 dark:border-green-800 dark:bg-green-950/40"
    >
      <p className="text-sm text-green-900 dark:text-green-200">
        <strong>{saved.name}</strong> is saved, with its current-state map (version {saved.version}
        ).
      </p>
      <FormError message={startFuture.isError ? errorMessage(startFuture.error) : undefined} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          pending={startFuture.isPending}
          onClick={() =>
            startFuture.mutate(
              { orgSlug: org.slug, streamId: saved.id },
              { onSuccess: () => router.push(`/${org.slug}/streams/${saved.id}/map/future`) },
            )
          }
        >
          Start the future state from the current one
        </Button>
        <Button variant="secondary" asChild>
          <Link href={`/${org.slug}/streams/${saved.id}`}>Go to the stream</Link>
        </Button>
      </div>
    </div>
  );
}
