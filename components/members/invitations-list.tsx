'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Badge, Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { roleLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';

function status(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) {
  if (inv.acceptedAt) return { label: 'Accepted', tone: 'green' as const };
  if (inv.revokedAt) return { label: 'Revoked', tone: 'slate' as const };
  if (new Date(inv.expiresAt) <= new Date()) return { label: 'Expired', tone: 'amber' as const };
  return { label: 'Pending', tone: 'indigo' as const };
}

export function InvitationsList() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.invitations.list.queryOptions({ orgSlug: org.slug }));
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.invitations.list.queryKey({ orgSlug: org.slug }),
        }),
    }),
  );

  if (list.isPending) return <Skeleton className="h-16 w-full" />;
  if (list.isError)
    return <FormError message={`Could not load invitations: ${errorMessage(list.error)}`} />;
  if (list.data.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No invitations yet. Links you create appear here until they are used.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {revoke.isError ? <FormError message={errorMessage(revoke.error)} /> : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900">
        {list.data.map((inv) => {
          const s = status(inv);
          return (
            <li key={inv.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <Badge tone={s.tone}>{s.label}</Badge>
              <span className="font-medium">{roleLabels[inv.role]}</span>
              <span className="text-slate-500">{inv.email ?? 'anyone with the link'}</span>
              <span className="text-slate-500">
                by {inv.createdByName ?? 'a former member'} · expires {formatDate(inv.expiresAt)}
              </span>
              {s.label === 'Pending' ? (
                <Button
                  className="ml-auto"
                  variant="secondary"
                  size="sm"
                  pending={revoke.isPending && revoke.variables?.id === inv.id}
                  onClick={() => revoke.mutate({ orgSlug: org.slug, id: inv.id })}
                >
                  Revoke
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
