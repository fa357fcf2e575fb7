'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import {
  changePasswordInput,
  type ChangePasswordInput,
  type ChangePasswordValues,
} from '@/lib/validation/auth';

/** Current and new password; on success every other session of the person ends. */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [done, setDone] = useState<string>();
  const form = useForm<ChangePasswordInput, unknown, ChangePasswordValues>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: ChangePasswordValues) {
    setDone(undefined);
    try {
      const { otherSessionsEnded } = await change.mutateAsync(values);
      form.reset();
      setDone(
        otherSessionsEnded === 0
          ? 'Your password was changed.'
          : `Your password was changed, and ${otherSessionsEnded === 1 ? 'your other session was' : `your ${otherSessionsEnded} other sessions were`} signed out.`,
      );
      await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
    } catch (error) {
      applyServerError(error, form.setError, ['currentPassword', 'newPassword']);
    }
  }

  return (
    <form
      method="post"
      onSubmit={form.handleSubmit(onSubmit)}
      noValidate
      className="max-w-md space-y-4"
      aria-label="Change password"
    >
      <FormError message={errors.root?.server?.message} />
      {done ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {done}
        </p>
      ) : null}
      <Field label="Current password" error={errors.currentPassword?.message}>
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="current-password"
            className={inputClass}
            {...form.register('currentPassword')}
          />
        )}
      </Field>
      <Field
        label="New password"
        error={errors.newPassword?.message}
        hint="8 to 128 characters. A passphrase of a few words works well."
      >
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            {...form.register('newPassword')}
          />
        )}
      </Field>
      <Button type="submit" pending={isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
