import { z } from 'zod';
import { lineText } from './text';

/** A token's name: what the sending system is, so the list tells tokens apart. */
export const apiTokenNameSchema = lineText(80).min(1, {
  error: 'Name the token, e.g. after the system that will use it.',
});

export const createApiTokenInput = z.object({ name: apiTokenNameSchema });
export type CreateApiTokenValues = z.output<typeof createApiTokenInput>;

export const apiTokenIdInput = z.object({ id: z.uuid({ error: 'Not a token id.' }) });
