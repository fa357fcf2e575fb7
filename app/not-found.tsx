import Link from 'next/link';
import { SiteHeader } from '@/components/shell/site-header';
import { serverCaller } from '@/components/trpc/server';
import { auth } from '@/server/auth';

/** What a signed-in person needs on a 404: the header, to switch organization or sign out. */
async function signedIn() {
  const session = await auth();
  if (!session?.user?.id) return null;
  const orgs = await (await serverCaller()).orgs.mine().catch(() => []);
  return { user: { name: session.user.name ?? '', email: session.user.email ?? '' }, orgs };
}

export default async function NotFound() {
  const visitor = await signedIn();
  return (
    <>
      {visitor ? <SiteHeader org={null} orgs={visitor.orgs} user={visitor.user} /> : null}
      <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-slate-600 dark:text-slate-400">
          There is nothing here, or it belongs to an organization you are not a member of.
        </p>
        <Link
          href={visitor ? '/' : '/sign-in'}
          className="font-medium text-indigo-600 underline underline-offset-4 hover:text-indigo-500"
        >
          {visitor ? 'Go to your organization' : 'Sign in'}
        </Link>
      </main>
    </>
  );
}
