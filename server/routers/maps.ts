import { z } from 'zod';
import { getMapInput, saveMapInput } from '@/lib/validation/maps';
import { getMap, listVersions, saveMap, startFutureFromCurrent } from '../services/maps';
import { orgProcedure, router } from '../trpc';

export const mapsRouter = router({
  get: orgProcedure('streams:read')
    .input(getMapInput)
    .query(({ ctx, input }) => getMap(ctx.db, ctx.actor, input)),
  versions: orgProcedure('streams:read')
    .input(z.object({ streamId: z.uuid() }))
    .query(({ ctx, input }) => listVersions(ctx.db, ctx.actor, input.streamId)),
  save: orgProcedure('streams:edit-own')
    .input(saveMapInput)
    .mutation(({ ctx, input }) => saveMap(ctx.db, ctx.actor, input)),
  startFuture: orgProcedure('streams:edit-own')
    .input(z.object({ streamId: z.uuid() }))
    .mutation(({ ctx, input }) => startFutureFromCurrent(ctx.db, ctx.actor, input.streamId)),
});
