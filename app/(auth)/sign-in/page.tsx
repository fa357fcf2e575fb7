import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card } from '@/components/ui/card';
import { safeRedirectPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; signedUp?: string }>;
}) {
  const { callbackUrl, signedUp } = await searchParams;
  return (
    <Card>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      {signedUp ? (
        // The same words whether or not the email already had an account: sign-up tells no one.
        <p
          role="status"
          className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Your account is ready: sign in with your email and the password you chose. If this email
          already had an account, sign in with that account’s password.
        </p>
      ) : null}
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
