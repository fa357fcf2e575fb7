'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { applyServerError } from '@/components/trpc/errors';
import { createApiTokenInput } from '@/lib/validation/api-tokens';
import { NewToken } from './new-token';

type Values = z.input<typeof createApiTokenInput>;

export function CreateTokenForm() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const create = useMutation(trpc.apiTokens.create.mutationOptions());
  const form = useForm<Values, unknown, z.output<typeof createApiTokenInput>>({
    resolver: zodResolver(createApiTokenInput),
    defaultValues: { name: '' },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: z.output<typeof createApiTokenInput>) {
    try {
      const token = await create.mutateAsync({ ...values, orgSlug: org.slug });
      setCreated({ name: token.name, token: token.token });
      form.reset({ name: '' });
      await queryClient.invalidateQueries({
        queryKey: trpc.apiTokens.list.queryKey({ orgSlug: org.slug }),
      });
    } catch (error) {
      applyServerError(error, form.setError, ['name']);
    }
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={form.handleSubmit(onSubmit)}
        noValidate
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <Field
          label="Token name"
          error={errors.name?.message}
          hint="What will use it, e.g. “ERP nightly export”."
          className="sm:max-w-md sm:flex-1"
        >
          {(ids) => (
            <input
              {...ids}
              autoComplete="off"
              maxLength={80}
              placeholder="ERP nightly export"
              className={inputClass}
              {...form.register('name')}
            />
          )}
        </Field>
        <div className="sm:pt-6">
          <Button type="submit" pending={isSubmitting}>
            Create token
          </Button>
        </div>
      </form>
      <FormError message={errors.root?.server?.message} />
      {created ? (
        <NewToken
          key={created.token}
          name={created.name}
          token={created.token}
          onDone={() => setCreated(undefined)}
        />
      ) : null}
    </div>
  );
}
