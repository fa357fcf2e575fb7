import { operationalTypes, streamKinds } from '@/lib/domain';
import { z } from 'zod';
import { lineText, noteText } from './text';

const short = (label: string, max = 200) =>
  noteText(max).max(max, { error: `${label}: use at most ${max} characters.` });

export const streamIdSchema = z.uuid({ error: 'Not a stream id.' });

/** The fields of a value stream, shared by the edit form, the guide and the router. */
export const streamFields = z
  .object({
    name: lineText(120).min(2, { error: 'Name the stream (at least 2 characters).' }),
    kind: z.enum(streamKinds, { error: 'Choose operational or development.' }),
    type: z.enum(operationalTypes, { error: 'Choose the type of operational stream.' }).nullable(),
    trigger: short('Trigger', 300),
    customer: short('Customer'),
    valueDelivered: short('Value delivered', 300),
    ownerId: z.uuid({ error: 'Choose a member.' }).nullable(),
    description: short('Description', 4000),
    customerInteraction: short('Customer interaction'),
    workPattern: short('Day-to-day vs initiative work'),
    feedbackLoop: short('Feedback loop'),
    teamComposition: short('Team composition'),
    wasteKind: short('Kind of waste'),
    iterationPace: short('Iteration pace'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'operational' && !v.type) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message:
          'An operational stream needs a type: fulfillment, manufacturing, software delivery or supporting.',
      });
    }
  })
  .transform((v) => ({ ...v, type: v.kind === 'development' ? null : v.type }));
export type StreamFieldsInput = z.input<typeof streamFields>;
export type StreamFields = z.output<typeof streamFields>;

export const streamListInput = z.object({
  search: lineText(100).optional(),
  kind: z.enum(streamKinds).optional(),
  type: z.enum(operationalTypes).optional(),
  includeArchived: z.boolean().optional(),
});

export const setLinksInput = z.object({
  id: streamIdSchema,
  /** For a development stream: the operational streams it feeds. */
  operationalStreamIds: z.array(streamIdSchema).max(200),
});

export const emptyStream: StreamFieldsInput = {
  name: '',
  kind: 'operational',
  type: 'fulfillment',
  trigger: '',
  customer: '',
  valueDelivered: '',
  ownerId: null,
  description: '',
  customerInteraction: '',
  workPattern: '',
  feedbackLoop: '',
  teamComposition: '',
  wasteKind: '',
  iterationPace: '',
};
