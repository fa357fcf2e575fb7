import { redirect } from 'next/navigation';
import { serverCaller } from '@/components/trpc/server';

const roleRank = { owner: 0, admin: 1, lead: 2, viewer: 3 } as const;

/** The front door: signed-in users go to their first organization, others to sign in. */
export default async function Home() {
  const caller = await serverCaller();
  let target = '/sign-in';
  try {
    const orgs = await caller.orgs.mine();
    // Where the user can do the most first: an owner lands in the organization they own.
    const first = [...orgs].sort((a, b) => roleRank[a.role] - roleRank[b.role])[0];
    target = first ? `/${first.slug}` : '/orgs/new';
  } catch {
    // signed out
  }
  redirect(target);
}
