import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CreateOrgForm } from '@/components/orgs/org-name-form';
import { Card } from '@/components/ui/card';
import { currentUserId } from '@/server/auth';

export const metadata: Metadata = { title: 'New organization' };

export default async function NewOrgPage() {
  if (!(await currentUserId())) redirect('/sign-in?callbackUrl=/orgs/new');
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <Link
        href="/"
        className="mb-6 text-xl font-bold tracking-tight text-indigo-700 dark:text-indigo-400"
      >
        Valuestream
      </Link>
      <Card className="w-full max-w-md">
        <h1 className="mb-1 text-xl font-semibold">Create an organization</h1>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          You will be its owner. Its data is kept apart from your other organizations.
        </p>
        <CreateOrgForm />
      </Card>
    </main>
  );
}
