'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import { createOrgInput } from '@/lib/validation/auth';

type Values = z.output<typeof createOrgInput>;

interface NameFormProps {
  defaultName: string;
  submitLabel: string;
  hint?: string;
  autoFocus?: boolean;
  /** Resolves when saved; throws the server's error otherwise. */
  save: (values: Values) => Promise<void>;
}

function NameForm({ defaultName, submitLabel, hint, autoFocus, save }: NameFormProps) {
  const form = useForm<z.input<typeof createOrgInput>, unknown, Values>({
    resolver: zodResolver(createOrgInput),
    defaultValues: { name: defaultName },
  });
  const { errors, isSubmitting, isSubmitSuccessful, isDirty } = form.formState;
  async function onSubmit(values: Values) {
    try {
      await save(values);
      form.reset(values);
    } catch (error) {
      applyServerError(error, form.setError, ['name']);
    }
  }
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="max-w-md space-y-4">
      <FormError message={errors.root?.server?.message} />
      <Field label="Organization name" error={errors.name?.message} hint={hint}>
        {(ids) => (
          <input {...ids} autoFocus={autoFocus} className={inputClass} {...form.register('name')} />
        )}
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={isSubmitting}>
          {submitLabel}
        </Button>
        {isSubmitSuccessful && !isDirty ? (
          <span role="status" className="text-sm text-green-700 dark:text-green-400">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function CreateOrgForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.orgs.create.mutationOptions());
  return (
    <NameForm
      defaultName=""
      submitLabel="Create organization"
      hint="Your company or team."
      autoFocus
      save={async (values) => {
        const { slug } = await create.mutateAsync(values);
        router.push(`/${slug}`);
      }}
    />
  );
}

/** Renames the current organization; its address stays the same. */
export function RenameOrgForm() {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const rename = useMutation(trpc.orgs.rename.mutationOptions());
  if (!org.can('org:update')) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <span className="font-medium text-slate-900 dark:text-slate-100">{org.name}</span>. Only
        owners and admins can rename it.
      </p>
    );
  }
  return (
    <NameForm
      defaultName={org.name}
      submitLabel="Save"
      save={async (values) => {
        await rename.mutateAsync({ orgSlug: org.slug, ...values });
        router.refresh();
      }}
    />
  );
}
