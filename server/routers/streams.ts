import { z } from 'zod';
import { completeGuideInput, saveDraftInput } from '@/lib/validation/guide';
import {
  setLinksInput,
  streamFields,
  streamIdSchema,
  streamListInput,
} from '@/lib/validation/streams';
import { completeGuide, saveDraft } from '../services/guide';
import {
  createStream,
  getStream,
  listStreamsWithTotals,
  setArchived,
  setLinks,
  updateStream,
} from '../services/streams';
import { orgProcedure, router } from '../trpc';

const byId = z.object({ id: streamIdSchema });

export const streamsRouter = router({
  list: orgProcedure('streams:read')
    .input(streamListInput)
    .query(({ ctx, input }) => listStreamsWithTotals(ctx.db, ctx.actor, input)),
  get: orgProcedure('streams:read')
    .input(byId)
    .query(({ ctx, input }) => getStream(ctx.db, ctx.actor, input.id)),
  create: orgProcedure('streams:create')
    .input(z.object({ fields: streamFields }))
    .mutation(async ({ ctx, input }) => ({
      id: (await createStream(ctx.db, ctx.actor, input.fields)).id,
    })),
  update: orgProcedure('streams:edit-own')
    .input(byId.extend({ fields: streamFields }))
    .mutation(({ ctx, input }) => updateStream(ctx.db, ctx.actor, input.id, input.fields)),
  archive: orgProcedure('streams:edit-own')
    .input(byId)
    .mutation(({ ctx, input }) => setArchived(ctx.db, ctx.actor, input.id, true)),
  restore: orgProcedure('streams:edit-own')
    .input(byId)
    .mutation(({ ctx, input }) => setArchived(ctx.db, ctx.actor, input.id, false)),
  setLinks: orgProcedure('streams:edit-own')
    .input(setLinksInput)
    .mutation(({ ctx, input }) => setLinks(ctx.db, ctx.actor, input)),
  /** The identification guide: a draft stream saved step by step, then completed with its map. */
  saveDraft: orgProcedure('streams:create')
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  completeGuide: orgProcedure('streams:create')
    .input(completeGuideInput)
    .mutation(({ ctx, input }) => completeGuide(ctx.db, ctx.actor, input)),
});
