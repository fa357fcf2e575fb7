import type { Metadata } from 'next';
import Link from 'next/link';
import { RenameOrgForm } from '@/components/orgs/org-name-form';
import { Card, PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const canManageTokens = (await loadOrg(org)).permissions.includes('tokens:manage');
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Your organization's name and its people." />
      <Card>
        <h2 className="mb-3 text-lg font-semibold">General</h2>
        <RenameOrgForm />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Members and invitations</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Invite people, change roles, remove members.
        </p>
        <Link
          href={`/${org}/settings/members`}
          className="mt-3 inline-block text-sm font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
        >
          Manage members →
        </Link>
      </Card>
      {canManageTokens ? (
        <Card>
          <h2 className="text-lg font-semibold">API tokens</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Let other systems push measurements over HTTP.
          </p>
          <Link
            href={`/${org}/settings/api-tokens`}
            className="mt-3 inline-block text-sm font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
          >
            Manage API tokens →
          </Link>
        </Card>
      ) : null}
    </div>
  );
}
