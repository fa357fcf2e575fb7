import { listImports } from '../services/imports';
import { orgProcedure, router } from '../trpc';

/** The import itself is one streamed request (app/api/imports, server/api/imports.ts); here, its history. */
export const importsRouter = router({
  list: orgProcedure('measurements:import').query(({ ctx }) => listImports(ctx.db, ctx.actor)),
});
