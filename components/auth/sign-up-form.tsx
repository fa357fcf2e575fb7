'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import { signUpFormInput, signUpInput } from '@/lib/validation/auth';

type Values = z.input<typeof signUpInput>;

/**
 * With `callbackUrl` (arriving from an invitation) no organization is created: the invitation
 * is what the new account joins. Once sent, the person is taken to sign in (and then to
 * `callbackUrl`, or to their new organization).
 */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const form = useForm<Values, unknown, z.output<typeof signUpInput>>({
    resolver: zodResolver(callbackUrl ? signUpInput : signUpFormInput),
    defaultValues: { name: '', email: '', password: '', orgName: callbackUrl ? undefined : '' },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: z.output<typeof signUpInput>) {
    try {
      await signUp.mutateAsync(values);
    } catch (error) {
      applyServerError(error, form.setError, ['name', 'email', 'password', 'orgName']);
      return;
    }
    // The answer is the same whether or not the email already had an account, so the person
    // signs in next rather than being signed in here (which would tell the two apart).
    const next = new URLSearchParams({ signedUp: '1' });
    if (callbackUrl) next.set('callbackUrl', callbackUrl);
    router.push(`/sign-in?${next.toString()}`);
  }

  return (
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormError message={errors.root?.server?.message} />
      <Field label="Your name" error={errors.name?.message}>
        {(ids) => (
          <input
            {...ids}
            autoComplete="name"
            autoFocus
            className={inputClass}
            {...form.register('name')}
          />
        )}
      </Field>
      <Field label="Work email" error={errors.email?.message}>
        {(ids) => (
          <input
            {...ids}
            type="email"
            autoComplete="email"
            className={inputClass}
            {...form.register('email')}
          />
        )}
      </Field>
      <Field
        label="Password"
        error={errors.password?.message}
        hint="8 to 128 characters. A passphrase of a few words works well."
      >
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            {...form.register('password')}
          />
        )}
      </Field>
      {callbackUrl ? null : (
        <Field
          label="Organization name"
          error={errors.orgName?.message}
          hint="Your company or team. You can rename it later."
        >
          {(ids) => (
            <input
              {...ids}
              autoComplete="organization"
              className={inputClass}
              {...form.register('orgName')}
            />
          )}
        </Field>
      )}
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{' '}
        <Link
          className="font-medium text-indigo-600 underline-offset-4 hover:underline"
          href={`/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
