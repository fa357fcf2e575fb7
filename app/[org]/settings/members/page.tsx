import type { Metadata } from 'next';
import { InvitationsList } from '@/components/members/invitations-list';
import { InviteForm } from '@/components/members/invite-form';
import { MembersTable } from '@/components/members/members-table';
import { Card, PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';
import { currentUserId } from '@/server/auth';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: TenantPageProps) {
  const { org: orgSlug } = await params;
  const [org, userId] = await Promise.all([loadOrg(orgSlug), currentUserId()]);
  const canInvite = org.permissions.includes('invitations:manage');
  await prefetch(
    trpc.members.list.queryOptions({ orgSlug }),
    ...(canInvite ? [trpc.invitations.list.queryOptions({ orgSlug })] : []),
  );
  return (
    <HydrateClient>
      <div className="space-y-8">
        <PageHeader
          title="Members"
          description="Who belongs to this organization, and what their role lets them do."
        />
        {canInvite ? (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Invite someone</h2>
            <InviteForm />
          </Card>
        ) : null}
        <section aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-3 text-lg font-semibold">
            People
          </h2>
          <MembersTable currentUserId={userId ?? ''} />
        </section>
        {canInvite ? (
          <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading" className="mb-3 text-lg font-semibold">
              Invitations
            </h2>
            <InvitationsList />
          </section>
        ) : null}
      </div>
    </HydrateClient>
  );
}
