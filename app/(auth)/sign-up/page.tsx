import type { Metadata } from 'next';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const safe = safeRedirectPath(callbackUrl);
  const fromInvite = safe.startsWith('/join/') ? safe : undefined;
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Create your account</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        {fromInvite
          ? 'Then you will join the organization that invited you.'
          : 'You will be the owner of your organization and can invite your team.'}
      </p>
      <SignUpForm callbackUrl={fromInvite} />
    </Card>
  );
}
