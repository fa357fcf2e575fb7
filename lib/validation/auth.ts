import { z } from 'zod';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { lineText } from './text';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }).max(254));

export const passwordSchema = z
  .string()
  .min(8, { error: 'Use at least 8 characters.' })
  .max(128, { error: 'Use at most 128 characters.' })
  .refine((p) => !isCommonPassword(p), {
    error: 'This password is too common. Choose one that is harder to guess.',
  });

export const personNameSchema = lineText(100).min(1, { error: 'Enter your name.' });

export const orgNameSchema = lineText(80).min(2, { error: 'Use at least 2 characters.' });

/** Without an organization name (signing up through an invitation) no organization is created. */
export const signUpInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  orgName: orgNameSchema.optional(),
});
export type SignUpInput = z.input<typeof signUpInput>;
export type SignUpValues = z.output<typeof signUpInput>;

/** The sign-up form without an invitation: the first organization is required. */
export const signUpFormInput = signUpInput.extend({ orgName: orgNameSchema });

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: 'Enter your password.' }).max(128),
});
export type SignInInput = z.input<typeof signInInput>;

export const createOrgInput = z.object({ name: orgNameSchema });

export const changePasswordInput = z
  .object({
    currentPassword: z
      .string()
      .min(1, { error: 'Enter your current password.' })
      .max(128, { error: 'This is not your current password.' }),
    newPassword: passwordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    error: 'Choose a password different from your current one.',
  });
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
export type ChangePasswordValues = z.output<typeof changePasswordInput>;
