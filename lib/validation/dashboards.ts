import { operationalTypes, streamKinds } from '@/lib/domain';
import { z } from 'zod';
import { isoDate } from './measurements';

export const rangePresetValues = ['12w', 'quarter', 'year', 'custom'] as const;

/** The longest custom range: three years of weeks. */
export const MAX_RANGE_DAYS = 3 * 366;

/** The portfolio's view: a range of whole weeks and the stream filters (all kept in the URL). */
const rangeFields = {
  range: z.enum(rangePresetValues, { error: 'Choose a time range.' }).default('12w'),
  from: isoDate('start date').optional(),
  to: isoDate('end date').optional(),
};

function checkCustomRange(v: { range: string; from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (v.range !== 'custom') return;
  if (!v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter the start date.' });
  if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter the end date.' });
  if (v.from && v.to && v.to < v.from)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end date is before the start date.',
    });
  else if (
    v.from &&
    v.to &&
    (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 > MAX_RANGE_DAYS
  ) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose at most three years.' });
  }
}

export const streamDashboardInput = z
  .object({ id: z.uuid({ error: 'Choose a stream.' }), ...rangeFields })
  .superRefine(checkCustomRange);

export const portfolioInput = z
  .object({
    ...rangeFields,
    kind: z.enum(streamKinds).optional(),
    type: z.enum(operationalTypes).optional(),
    ownerId: z.uuid({ error: 'Choose an owner from the list.' }).optional(),
  })
  .superRefine(checkCustomRange);

export type PortfolioInputValues = z.output<typeof portfolioInput>;
