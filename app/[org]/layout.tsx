import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AppShell } from '@/components/shell/app-shell';
import { loadOrg, serverCaller } from '@/components/trpc/server';
import { auth } from '@/server/auth';

/** Every tenant page: signed in, and a member of the organization in the URL, or a 404. */
export default async function OrgLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  await connection();
  const { org: slug } = await params;
  const session = await auth();
  if (!session?.user?.id) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
  const org = await loadOrg(slug);
  const orgs = await (await serverCaller()).orgs.mine();
  return (
    <AppShell
      org={org}
      orgs={orgs}
      user={{ name: session.user.name ?? '', email: session.user.email ?? '' }}
    >
      {children}
    </AppShell>
  );
}
