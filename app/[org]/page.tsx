import type { Metadata } from 'next';
import { GettingStarted } from '@/components/orgs/getting-started';
import { loadOrg, serverCaller } from '@/lib/trpc/server';

export const metadata: Metadata = { title: 'Home' };

export default async function OrgHome({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgSlug } = await params;
  const org = await loadOrg(orgSlug);
  const members = await (await serverCaller()).members.list({ orgSlug });
  return <GettingStarted org={org} memberCount={members.length} />;
}
