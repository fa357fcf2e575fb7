import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card } from '@/components/ui/card';
import { safeRedirectPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={safeRedirectPath(callbackUrl)} />
      {process.env.NODE_ENV === 'development' ? (
        <p className="mt-4 rounded-md bg-slate-100 p-3 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          Development: demo users such as <code>owner@northwind.example</code> or{' '}
          <code>viewer@acme.example</code>, password <code>valuestream-demo</code>.
        </p>
      ) : null}
    </Card>
  );
}
