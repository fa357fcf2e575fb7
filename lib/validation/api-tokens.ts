import { z } from 'zod';

/** A token's name: what the sending system is, so the list tells tokens apart. */
export const apiTokenNameSchema = z
  .string({ error: 'Name the token.' })
  .trim()
  .min(1, { error: 'Name the token, e.g. after the system that will use it.' })
  .max(80, { error: 'Use at most 80 characters.' });

export const createApiTokenInput = z.object({ name: apiTokenNameSchema });
export type CreateApiTokenValues = z.output<typeof createApiTokenInput>;

export const apiTokenIdInput = z.object({ id: z.uuid({ error: 'Not a token id.' }) });
