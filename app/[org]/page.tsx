import type { Metadata } from 'next';
import { GettingStarted } from '@/components/orgs/getting-started';
import { serverCaller } from '@/lib/trpc/server';

export const metadata: Metadata = { title: 'Home' };

export default async function OrgHome({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgSlug } = await params;
  const caller = await serverCaller();
  const [org, members] = await Promise.all([caller.orgs.current({ orgSlug }), caller.members.list({ orgSlug })]);
  return <GettingStarted org={org} memberCount={members.length} />;
}
