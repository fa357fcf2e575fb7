import type { Metadata } from 'next';
import { GettingStarted } from '@/components/orgs/getting-started';
import { loadOrg, serverCaller } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Home' };

export default async function OrgHome({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgSlug } = await params;
  const org = await loadOrg(orgSlug);
  const caller = await serverCaller();
  const [members, streams] = await Promise.all([
    caller.members.list({ orgSlug }),
    caller.streams.list({ orgSlug }),
  ]);
  return (
    <GettingStarted
      org={org}
      memberCount={members.length}
      streamCount={streams.filter((s) => s.status === 'active').length}
      mappedCount={streams.filter((s) => s.totals).length}
    />
  );
}
