'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { downloadText, toCsv } from '@/lib/csv/export';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { metricLabels, wasteLabels } from '@/lib/labels';
import { ImprovementBadge } from './verdict';

/** Every improvement of the organization (or of one stream), newest first, with its verdict. */
export function ImprovementsList({ streamId, canWrite }: { streamId?: string; canWrite: boolean }) {
  const org = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.improvements.list.queryOptions({ orgSlug: org.slug, streamId }));
  if (query.isPending) return <Skeleton className="h-40 w-full" />;
  if (query.isError) return <FormError message={errorMessage(query.error)} />;
  if (query.data.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No improvement recorded yet.{' '}
          {canWrite ? (
            <>
              <Link
                className="text-indigo-700 underline dark:text-indigo-300"
                href={`/${org.slug}/improvements/new`}
              >
                Record one
              </Link>{' '}
              when a team changes how work flows: its before and after appear here once it is done.
            </>
          ) : (
            'Team leads and admins record them.'
          )}
        </p>
      </Card>
    );
  }
  const csv = () =>
    toCsv(query.data, [
      { header: 'title', value: (i) => i.title },
      { header: 'stream', value: (i) => i.streamName },
      { header: 'step', value: (i) => i.stepName },
      { header: 'metric', value: (i) => i.metric },
      { header: 'waste', value: (i) => i.waste },
      { header: 'owner', value: (i) => i.ownerName },
      { header: 'started_on', value: (i) => i.startedOn },
      { header: 'completed_on', value: (i) => i.completedOn },
      {
        header: 'verdict',
        value: (i) => (i.status === 'open' ? 'open' : (i.assessment.result?.verdict ?? '')),
      },
      { header: 'median_before', value: (i) => i.assessment.result?.beforeMedian },
      { header: 'median_after', value: (i) => i.assessment.result?.afterMedian },
      { header: 'p_value', value: (i) => i.assessment.result?.test.p },
      { header: 'summary', value: (i) => i.assessment.pending ?? i.assessment.result?.sentence },
    ]);
  return (
    <div className="space-y-2">
      <div className="flex justify-end print:hidden">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => downloadText('improvements.csv', csv())}
        >
          Download CSV
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <table className="w-full text-sm" aria-label="Improvements">
          <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
            <tr>
              {['Improvement', 'Stream', 'Targets', 'Dates', 'Before → after'].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {query.data.map((i) => (
              <tr key={i.id}>
                <td className="px-3 py-2">
                  <Link
                    className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                    href={`/${org.slug}/improvements/${i.id}`}
                  >
                    {i.title}
                  </Link>
                  {i.ownerName ? (
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {i.ownerName}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {i.streamName}
                  {i.stepName ? (
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {i.stepName}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {metricLabels[i.metric]}
                  {i.waste ? (
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {wasteLabels[i.waste]}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatDate(i.startedOn)} –{' '}
                  {i.completedOn ? formatDate(i.completedOn) : 'under way'}
                </td>
                <td className="px-3 py-2">
                  <ImprovementBadge improvement={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
