'use client';

import { roles, type Role } from '@/lib/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Badge, Skeleton } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormError, inputClass } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { roleLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';

export function MembersTable({ currentUserId }: { currentUserId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug: org.slug }));
  const [error, setError] = useState<string>();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ orgSlug: org.slug }) });
  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: refresh,
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: (_data, vars) => (vars.userId === currentUserId ? router.push('/') : refresh()),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const canManage = org.can('members:manage');
  const canManageOwners = org.can('owners:manage');

  if (members.isPending) {
    return (
      <div className="space-y-2" aria-label="Loading members">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (members.isError)
    return <FormError message={`Could not load members: ${errorMessage(members.error)}`} />;

  const ownerCount = members.data.filter((m) => m.role === 'owner').length;
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members of {org.name}</caption>
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:bg-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2">
                Name
              </th>
              <th scope="col" className="px-4 py-2">
                Role
              </th>
              <th scope="col" className="hidden px-4 py-2 sm:table-cell">
                Joined
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
            {members.data.map((m) => {
              const self = m.userId === currentUserId;
              // The server refuses these anyway; the page does not offer them.
              const lastOwner = m.role === 'owner' && ownerCount === 1;
              const editable = canManage && (canManageOwners || m.role !== 'owner') && !lastOwner;
              return (
                <tr key={m.userId}>
                  <td className="px-4 py-3">
                    <div className="font-medium">
                      {m.name} {self ? <Badge tone="indigo">You</Badge> : null}
                    </div>
                    <div className="text-slate-500">{m.email}</div>
                  </td>
                  <td className="px-4 py-3">
                    {editable ? (
                      <select
                        aria-label={`Role of ${m.name}`}
                        className={`${inputClass} w-auto min-w-28`}
                        value={m.role}
                        disabled={changeRole.isPending}
                        onChange={(e) => {
                          setError(undefined);
                          changeRole.mutate({
                            orgSlug: org.slug,
                            userId: m.userId,
                            role: e.target.value as Role,
                          });
                        }}
                      >
                        {roles
                          .filter((r) => canManageOwners || r !== 'owner')
                          .map((r) => (
                            <option key={r} value={r}>
                              {roleLabels[r]}
                            </option>
                          ))}
                      </select>
                    ) : (
                      <span
                        title={
                          lastOwner ? 'Every organization keeps at least one owner.' : undefined
                        }
                      >
                        {roleLabels[m.role]}
                        {lastOwner ? (
                          <span className="block text-xs text-slate-500">The only owner</span>
                        ) : null}
                      </span>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 text-slate-500 sm:table-cell">
                    {formatDate(m.joinedAt)}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {(self && !lastOwner) || editable ? (
                      <ConfirmDialog
                        trigger={
                          <Button variant="secondary" size="sm">
                            {self ? 'Leave' : 'Remove'}
                          </Button>
                        }
                        title={self ? `Leave ${org.name}?` : `Remove ${m.name}?`}
                        description={
                          self
                            ? 'You will lose access to this organization until someone invites you again.'
                            : `${m.name} will lose access to ${org.name}. You can invite them again later.`
                        }
                        confirmLabel={self ? 'Leave' : 'Remove'}
                        onConfirm={() => {
                          setError(undefined);
                          remove.mutate({ orgSlug: org.slug, userId: m.userId });
                        }}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
