import { redirect } from 'next/navigation';
import { serverCaller } from '@/lib/trpc/server';

/** The front door: signed-in users go to their first organization, others to sign in. */
export default async function Home() {
  const caller = await serverCaller();
  let target = '/sign-in';
  try {
    const orgs = await caller.orgs.mine();
    target = orgs[0] ? `/${orgs[0].slug}` : '/orgs/new';
  } catch {
    // signed out
  }
  redirect(target);
}
