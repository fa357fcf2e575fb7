import { z } from 'zod';
import { lineText } from '@/lib/validation/text';
import { isoDate, measurementInput, measurementListInput } from '@/lib/validation/measurements';
import { streamIdSchema } from '@/lib/validation/streams';
import {
  editMeasurement,
  getMeasurement,
  listAudit,
  listMeasurements,
  previousMeasurement,
  removeMeasurement,
  saveMeasurement,
} from '../services/measurements';
import { orgProcedure, router } from '../trpc';

const byId = z.object({ id: z.uuid({ error: 'Not a measurement id.' }) });

export const measurementsRouter = router({
  list: orgProcedure('measurements:read')
    .input(measurementListInput)
    .query(({ ctx, input }) => listMeasurements(ctx.db, ctx.actor, input)),
  get: orgProcedure('measurements:read')
    .input(byId)
    .query(({ ctx, input }) => getMeasurement(ctx.db, ctx.actor, input.id)),
  previous: orgProcedure('measurements:read')
    .input(
      z.object({
        streamId: z.uuid(),
        stepName: lineText(120).default(''),
        before: isoDate('date'),
      }),
    )
    .query(({ ctx, input }) => previousMeasurement(ctx.db, ctx.actor, input)),
  /** `replace`: the caller saw the duplicate-period warning and chose to replace. */
  save: orgProcedure('measurements:write')
    .input(z.object({ measurement: measurementInput(), replace: z.boolean().default(false) }))
    .mutation(({ ctx, input }) =>
      saveMeasurement(ctx.db, ctx.actor, input.measurement, { replace: input.replace }),
    ),
  update: orgProcedure('measurements:write')
    .input(byId.extend({ measurement: measurementInput() }))
    .mutation(({ ctx, input }) => editMeasurement(ctx.db, ctx.actor, input.id, input.measurement)),
  remove: orgProcedure('measurements:write')
    .input(byId)
    .mutation(({ ctx, input }) => removeMeasurement(ctx.db, ctx.actor, input.id)),
  audit: orgProcedure('measurements:audit')
    .input(z.object({ streamId: streamIdSchema.optional() }))
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.actor, input.streamId)),
});
