'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { signInInput } from '@/lib/validation/auth';

const messages: Record<string, string> = {
  rate_limited: 'Too many failed sign-ins. Wait 15 minutes before trying again.',
  credentials: 'That email and password do not match an account.',
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const form = useForm<z.input<typeof signInInput>, unknown, z.output<typeof signInInput>>({
    resolver: zodResolver(signInInput),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: z.output<typeof signInInput>) {
    const result = await signIn('credentials', { ...values, redirect: false });
    if (!result || result.error) {
      const message = messages[result?.code ?? ''] ?? messages.credentials;
      form.setError('root.server', { type: 'server', message });
      return;
    }
    // A full load, so every server component renders with the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormError message={errors.root?.server?.message} />
      <Field label="Email" error={errors.email?.message}>
        {(ids) => (
          <input
            {...ids}
            type="email"
            autoComplete="email"
            autoFocus
            className={inputClass}
            {...form.register('email')}
          />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="current-password"
            className={inputClass}
            {...form.register('password')}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        New here?{' '}
        <Link
          className="font-medium text-indigo-600 underline-offset-4 hover:underline"
          href={`/sign-up${callbackUrl !== '/' ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
