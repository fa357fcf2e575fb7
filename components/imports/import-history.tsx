'use client';

import { useQuery } from '@tanstack/react-query';
import { useOrg } from '@/components/shell/org-context';
import { Card, Skeleton } from '@/components/ui/card';
import { useTRPC } from '@/components/trpc/client';
import { formatDateTime, formatNumber } from '@/lib/format';

/** The organization's latest imports and what each did. */
export function ImportHistory() {
  const org = useOrg();
  const trpc = useTRPC();
  const list = useQuery(trpc.imports.list.queryOptions({ orgSlug: org.slug }));
  if (list.isPending) return <Skeleton className="h-24 w-full" />;
  if (list.isError || list.data.length === 0) return null;
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-slate-900 dark:text-slate-50">
        Recent imports
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-slate-600 dark:text-slate-400">
            <tr className="border-b border-slate-200 dark:border-slate-700">
              {['File', 'By', 'When', 'Rows', 'Added', 'Replaced', 'Skipped'].map((h) => (
                <th key={h} scope="col" className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.data.map((i) => (
              <tr key={i.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-4">{i.fileName}</td>
                <td className="py-1.5 pr-4">{i.byName ?? '—'}</td>
                <td className="py-1.5 pr-4">{i.createdAt ? formatDateTime(i.createdAt) : '—'}</td>
                {[i.totalRows, i.added, i.replaced, i.skipped].map((n, k) => (
                  <td key={k} className="py-1.5 pr-4 tabular-nums">
                    {formatNumber(n, 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
