import { z } from 'zod';
import { cancelImport, commitImport, listImports, stageChunk, startImport } from '../services/imports';
import { MAX_IMPORT_ROWS } from '../services/ingest';
import { orgProcedure, router } from '../trpc';

/** The most rows one chunk may carry: a few seconds of upload on a slow line. */
export const MAX_CHUNK_ROWS = 5_000;

const importId = z.object({ importId: z.uuid() });

export const importsRouter = router({
  list: orgProcedure('measurements:import').query(({ ctx }) => listImports(ctx.db, ctx.actor)),
  start: orgProcedure('measurements:import')
    .input(
      z.object({
        fileName: z.string().trim().min(1, { error: 'Name the file.' }).max(255, { error: 'Use at most 255 characters.' }),
        totalRows: z.number().int().min(1, { error: 'The file has no rows to import.' }).max(MAX_IMPORT_ROWS, { error: `Import at most ${MAX_IMPORT_ROWS} rows at once.` }),
      }),
    )
    .mutation(({ ctx, input }) => startImport(ctx.db, ctx.actor, input)),
  /** Rows are validated on the server again; `values` is checked there, so it is not typed here. */
  stage: orgProcedure('measurements:import')
    .input(importId.extend({ rows: z.array(z.object({ row: z.number().int().min(1), values: z.unknown() })).min(1).max(MAX_CHUNK_ROWS) }))
    .mutation(({ ctx, input }) => stageChunk(ctx.db, ctx.actor, input)),
  commit: orgProcedure('measurements:import')
    .input(importId)
    .mutation(({ ctx, input }) => commitImport(ctx.db, ctx.actor, input.importId)),
  cancel: orgProcedure('measurements:import')
    .input(importId)
    .mutation(({ ctx, input }) => cancelImport(ctx.db, ctx.actor, input.importId)),
});
