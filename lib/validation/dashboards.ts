/**
 * Inputs of the dashboards: the portfolio, one stream, operational vs development (comparison)
 * and waste reduction. Every one chooses its weeks the same way (a preset, or a custom range).
 */
import { operationalTypes, streamKinds } from '@/lib/domain';
import { z } from 'zod';
import { isoDate } from './measurements';

export const rangePresetValues = ['12w', 'quarter', 'year', 'custom'] as const;

/** The longest custom range: three years of weeks. */
export const MAX_RANGE_DAYS = 3 * 366;

/** A range of whole weeks (kept in the URL with the page's other choices). */
const rangeFields = {
  range: z.enum(rangePresetValues, { error: 'Choose a time range.' }).default('12w'),
  from: isoDate('start date').optional(),
  to: isoDate('end date').optional(),
};

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** A custom range needs both dates, in order, at most three years apart (issues on `from`/`to`). */
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
  else if (v.from && v.to && daysBetween(v.from, v.to) > MAX_RANGE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose at most three years.' });
}

export const streamDashboardInput = z
  .object({ id: z.uuid({ error: 'Choose a stream.' }), ...rangeFields })
  .superRefine(checkCustomRange);

/** The portfolio's view: the weeks and the stream filters. */
export const portfolioInput = z
  .object({
    ...rangeFields,
    kind: z.enum(streamKinds).optional(),
    type: z.enum(operationalTypes).optional(),
    ownerId: z.uuid({ error: 'Choose an owner from the list.' }).optional(),
  })
  .superRefine(checkCustomRange);

export const comparisonInput = z.object(rangeFields).superRefine(checkCustomRange);

/** Weeks chosen as the waste baseline; left out, the first 13 weeks with waste recorded. */
const baselineFields = z.object({ from: isoDate('baseline start'), to: isoDate('baseline end') });

export const wasteInput = z
  .object({
    ...rangeFields,
    /** One stream; left out, every active stream of the organization. */
    streamId: z.uuid({ error: 'Choose a stream from the list.' }).optional(),
    baseline: baselineFields.optional(),
  })
  .superRefine((v, ctx) => {
    checkCustomRange(v, ctx);
    const b = v.baseline;
    if (!b) return;
    if (b.to < b.from)
      ctx.addIssue({
        code: 'custom',
        path: ['baseline', 'to'],
        message: 'The baseline ends before it starts.',
      });
    else if (daysBetween(b.from, b.to) > MAX_RANGE_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['baseline', 'to'],
        message: 'Choose a baseline of at most three years.',
      });
  });

export type PortfolioInputValues = z.output<typeof portfolioInput>;
export type StreamDashboardInputValues = z.output<typeof streamDashboardInput>;
export type ComparisonInputValues = z.output<typeof comparisonInput>;
export type WasteInputValues = z.output<typeof wasteInput>;
