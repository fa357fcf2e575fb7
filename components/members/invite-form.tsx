'use client';

import { roles } from '@/lib/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { roleDescriptions, roleLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import { createInvitationInput } from '@/lib/validation/members';

type Values = z.input<typeof createInvitationInput>;

export function InviteForm() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const create = useMutation(trpc.invitations.create.mutationOptions());
  const form = useForm<Values, unknown, z.output<typeof createInvitationInput>>({
    resolver: zodResolver(createInvitationInput),
    defaultValues: { role: 'lead', email: '', expiresInDays: 7 },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: z.output<typeof createInvitationInput>) {
    setCopied(false);
    try {
      const invitation = await create.mutateAsync({ ...values, orgSlug: org.slug });
      setLink(new URL(invitation.path, window.location.origin).toString());
      await queryClient.invalidateQueries({
        queryKey: trpc.invitations.list.queryKey({ orgSlug: org.slug }),
      });
    } catch (error) {
      applyServerError(error, form.setError, ['role', 'email', 'expiresInDays']);
    }
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={form.handleSubmit(onSubmit)}
        noValidate
        className="grid gap-4 sm:grid-cols-[10rem_1fr_7rem_auto] sm:items-start"
      >
        <Field label="Role" error={errors.role?.message}>
          {(ids) => (
            <select {...ids} className={inputClass} {...form.register('role')}>
              {roles
                .filter((r) => org.can('owners:manage') || r !== 'owner')
                .map((r) => (
                  <option key={r} value={r} title={roleDescriptions[r]}>
                    {roleLabels[r]}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field
          label="Email (optional)"
          error={errors.email?.message}
          hint="Only this address may accept."
        >
          {(ids) => (
            <input
              {...ids}
              type="email"
              placeholder="name@company.com"
              className={inputClass}
              {...form.register('email')}
            />
          )}
        </Field>
        <Field label="Expires in (days)" error={errors.expiresInDays?.message}>
          {(ids) => (
            <input
              {...ids}
              type="number"
              min={1}
              max={30}
              inputMode="numeric"
              className={inputClass}
              {...form.register('expiresInDays')}
            />
          )}
        </Field>
        <div className="sm:pt-6">
          <Button type="submit" pending={isSubmitting}>
            Create link
          </Button>
        </div>
      </form>
      <FormError message={errors.root?.server?.message} />
      {link ? (
        <div
          className="rounded-md border border-green-200 bg-green-50 p-3 text-sm dark:border-green-900 dark:bg-green-950"
          role="status"
        >
          <p className="mb-2 font-medium text-green-900 dark:text-green-200">
            Invitation link created. Send it to the person you invite; it works once.
          </p>
          <div className="flex flex-wrap gap-2">
            <input
              readOnly
              aria-label="Invitation link"
              value={link}
              className={`${inputClass} flex-1 font-mono text-xs`}
              onFocus={(e) => e.target.select()}
              data-testid="invitation-link"
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
