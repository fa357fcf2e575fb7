import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SessionsList } from '@/components/account/sessions-list';
import { Card, PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Your account' };

/** The signed-in person's own account, whichever organization they are in: password and sessions. */
export default async function AccountPage({ params }: TenantPageProps) {
  const { org: orgSlug } = await params;
  await loadOrg(orgSlug);
  await prefetch(trpc.account.sessions.queryOptions());
  return (
    <HydrateClient>
      <div className="space-y-8">
        <PageHeader
          title="Your account"
          description="Your password, and the browsers signed in to your account. It is the same in every organization you belong to."
        />
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Password</h2>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            Changing it signs out every other browser signed in to your account.
          </p>
          <ChangePasswordForm />
        </Card>
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">
            Where you are signed in
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            A session ends when you sign out there, and at the latest 7 days after you signed in.
          </p>
          <SessionsList />
        </section>
      </div>
    </HydrateClient>
  );
}
