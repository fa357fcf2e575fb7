/**
 * Inputs of the comparison (operational vs development) and waste-reduction dashboards. The weeks
 * are chosen as on the portfolio (lib/validation/dashboards.ts, same fields, same messages); that
 * file keeps its range helpers private, so the rule is stated again here.
 */
import { z } from 'zod';
import { MAX_RANGE_DAYS, rangePresetValues } from './dashboards';
import { isoDate } from './measurements';

export const rangeFields = {
  range: z.enum(rangePresetValues, { error: 'Choose a time range.' }).default('12w'),
  from: isoDate('start date').optional(),
  to: isoDate('end date').optional(),
};

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** A custom range needs both dates, in order, at most three years apart (issues on `from`/`to`). */
export function checkCustomRange(
  v: { range: string; from?: string; to?: string },
  ctx: z.RefinementCtx,
) {
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

export type ComparisonInputValues = z.output<typeof comparisonInput>;
export type WasteInputValues = z.output<typeof wasteInput>;
