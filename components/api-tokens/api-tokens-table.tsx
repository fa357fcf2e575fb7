'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Badge, Skeleton } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormError } from '@/components/ui/field';
import { formatDate, formatDateTime } from '@/lib/format';
import { roleLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';

const th = 'px-4 py-2 font-medium';

export function ApiTokensTable() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.apiTokens.list.queryOptions({ orgSlug: org.slug }));
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.apiTokens.list.queryKey({ orgSlug: org.slug }),
        }),
    }),
  );

  if (list.isPending) {
    return (
      <div className="space-y-2" aria-label="Loading API tokens">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (list.isError)
    return <FormError message={`Could not load API tokens: ${errorMessage(list.error)}`} />;
  if (list.data.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center dark:border-slate-700">
        <p className="font-medium text-slate-800 dark:text-slate-200">No API tokens yet</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Create one for each system that sends measurements, so you can revoke one without stopping
          the others.
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {revoke.isError ? <FormError message={errorMessage(revoke.error)} /> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">API tokens of {org.name}</caption>
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className={th}>
                Name
              </th>
              <th scope="col" className={th}>
                Token
              </th>
              <th scope="col" className={`${th} hidden md:table-cell`}>
                Created
              </th>
              <th scope="col" className={th}>
                Last used
              </th>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
            {list.data.map((t) => (
              <tr
                key={t.id}
                className={t.revokedAt ? 'text-slate-500 dark:text-slate-400' : undefined}
              >
                <td className="px-4 py-3 font-medium">{t.name}</td>
                <td
                  className="px-4 py-3 font-mono text-xs"
                  title="Only the last four characters are kept in view"
                >
                  vs_…{t.hint}
                </td>
                <td className="hidden px-4 py-3 md:table-cell">
                  {formatDate(t.createdAt)}
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    by {t.createdByName ?? 'a former member'}
                    {t.creatorRole ? `, acts as ${roleLabels[t.creatorRole].toLowerCase()}` : ''}
                  </span>
                </td>
                <td className="px-4 py-3">
                  {t.lastUsedAt ? (
                    formatDateTime(t.lastUsedAt)
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">Never</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  {t.revokedAt ? (
                    <Badge>Revoked {formatDate(t.revokedAt)}</Badge>
                  ) : t.creatorRole ? (
                    <Badge tone="green">Active</Badge>
                  ) : (
                    <span title="A token acts as the person who created it; they are no longer a member, so it is refused. Revoke it and create a new one.">
                      <Badge tone="amber">Stopped: its creator left</Badge>
                    </span>
                  )}
                </td>
                <td className="px-4 py-3 text-right">
                  {t.revokedAt ? null : (
                    <ConfirmDialog
                      trigger={
                        <Button
                          variant="secondary"
                          size="sm"
                          pending={revoke.isPending && revoke.variables?.id === t.id}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </Button>
                      }
                      title={`Revoke “${t.name}”?`}
                      description="Systems using this token get 401 Unauthorized from their next request. This cannot be undone: create a new token if you need one."
                      confirmLabel="Revoke token"
                      onConfirm={() => revoke.mutate({ orgSlug: org.slug, id: t.id })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
