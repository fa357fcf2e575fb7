import { roles } from '@/lib/domain';
import { z } from 'zod';
import { emailSchema } from './auth';

export const roleSchema = z.enum(roles, { error: 'Choose a role: owner, admin, lead or viewer.' });

export const orgSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Not an organization address.' });

export const changeRoleInput = z.object({ userId: z.uuid(), role: roleSchema });
export const removeMemberInput = z.object({ userId: z.uuid() });

export const createInvitationInput = z.object({
  role: roleSchema,
  /** Optional: restrict the link to one address. */
  email: z.union([z.literal(''), emailSchema]).optional(),
  expiresInDays: z.coerce
    .number({ error: 'Enter a number of days.' })
    .int({ error: 'Enter a whole number of days.' })
    .min(1, { error: 'An invitation lasts at least 1 day.' })
    .max(30, { error: 'An invitation lasts at most 30 days.' }),
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;
export type CreateInvitationValues = z.output<typeof createInvitationInput>;

export const invitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'This invitation link is not valid.' });
