import { improvementMetrics } from '@/lib/domain';
import { z } from 'zod';
import { wastes } from '@/lib/vsm/types';
import { isoDate } from './measurements';
import { lineText, noteText } from './text';

/** An improvement as the form sends it. Completed means closed. */
export const improvementFields = z
  .object({
    streamId: z.uuid({ error: 'Choose a stream.' }),
    stepName: lineText(120).default(''),
    title: lineText(160).min(1, { error: 'Name the improvement.' }),
    waste: z.enum(wastes, { error: 'Choose one of the eight wastes.' }).nullable().default(null),
    metric: z.enum(improvementMetrics, { error: 'Choose the figure it should move.' }),
    ownerId: z.uuid({ error: 'Choose an owner from the list.' }).nullable().default(null),
    startedOn: isoDate('start date'),
    completedOn: isoDate('completion date').nullable().default(null),
    windowWeeks: z
      .number({ error: 'Enter a number of weeks.' })
      .int({ error: 'Enter whole weeks.' })
      .min(2, { error: 'Compare at least 2 weeks.' })
      .max(52, { error: 'Compare at most 52 weeks.' })
      .default(8),
    expectedEffect: noteText(500).default(''),
    notes: noteText(4000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.completedOn && v.completedOn < v.startedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['completedOn'],
        message: 'It cannot be completed before it started.',
      });
  });

export type ImprovementFieldsInput = z.input<typeof improvementFields>;
export type ImprovementFields = z.output<typeof improvementFields>;
