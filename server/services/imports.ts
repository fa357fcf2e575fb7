/**
 * CSV imports: the browser parses and checks the file, then sends its rows in chunks; they are
 * validated again here and staged, and `commitImport` moves them into `measurements` in one
 * statement, all or nothing. See docs/measurements.md.
 */
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { clearStaged, countStaged, duplicatePeriods, ingestFrom, rowsFromStaging, stagedStreamIds, stageRows, findStreamsForIngest } from '@/db/queries/ingest';
import { measurementImportChunks, measurementImports, users } from '@/db/schema';
import { AppError, notFound } from '../errors';
import { MAX_IMPORT_ROWS, repeatedPeriods, streamErrors, validateRows, type RowError } from './ingest';
import type { Actor } from './members';
import { canEditStream } from './streams';

/** Staged rows of imports never committed are dropped after this long. */
const ABANDONED_AFTER = sql`interval '1 day'`;

export async function startImport(db: Db, actor: Actor, params: { fileName: string; totalRows: number }) {
  if (params.totalRows > MAX_IMPORT_ROWS) throw new AppError('BAD_REQUEST', `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows at once.`, 'totalRows');
  await dropAbandoned(db, actor.orgId);
  const [row] = await db
    .insert(measurementImports)
    .values({ orgId: actor.orgId, createdBy: actor.userId, fileName: params.fileName, totalRows: params.totalRows })
    .returning({ id: measurementImports.id });
  if (!row) throw new Error('The import was not created.');
  return { importId: row.id };
}

async function dropAbandoned(db: Db, orgId: string) {
  const stale = db
    .select({ id: measurementImports.id })
    .from(measurementImports)
    .where(and(eq(measurementImports.orgId, orgId), eq(measurementImports.status, 'staging'), lt(measurementImports.createdAt, sql`now() - ${ABANDONED_AFTER}`)));
  await db.delete(measurementImportChunks).where(and(eq(measurementImportChunks.orgId, orgId), sql`${measurementImportChunks.importId} in (${stale})`));
}

/**
 * The import, locked for the rest of the transaction (shared while chunks arrive, so that they
 * may arrive in parallel; exclusive to commit or cancel). Only its author may use it.
 */
async function requireOwnImport(db: Db, actor: Actor, importId: string, lock: 'share' | 'update' = 'update') {
  const [row] = await db
    .select()
    .from(measurementImports)
    .where(and(eq(measurementImports.orgId, actor.orgId), eq(measurementImports.id, importId)))
    .for(lock)
    .limit(1);
  if (!row || row.createdBy !== actor.userId) throw notFound('That import');
  return row;
}

/**
 * Validates one chunk of rows and stages it. A chunk with any bad row stages nothing and
 * returns every error; the import cannot be committed until all its rows are staged.
 */
export async function stageChunk(db: Db, actor: Actor, params: { importId: string; rows: { row: number; values: unknown }[] }): Promise<{ staged: number; errors: RowError[] }> {
  const current = await requireOwnImport(db, actor, params.importId, 'share');
  if (current.status !== 'staging') throw new AppError('BAD_REQUEST', 'This import is already done. Start a new one.');
  const { rows, errors } = validateRows(params.rows);
  errors.push(...(await streamErrors(db, actor, rows)), ...repeatedPeriods(rows));
  if (errors.length > 0) return { staged: 0, errors: errors.sort((a, b) => a.row - b.row) };
  await stageRows(db, { orgId: actor.orgId, importId: params.importId, rows });
  return { staged: rows.length, errors: [] };
}

/** Moves every staged row into `measurements` in one statement. Committing twice returns the first result. */
export async function commitImport(db: Db, actor: Actor, importId: string) {
  const current = await requireOwnImport(db, actor, importId);
  const result = (r: typeof current) => ({ added: r.added, replaced: r.replaced, skipped: r.skipped, totalRows: r.totalRows });
  if (current.status === 'committed') return result(current);
  const scope = { orgId: actor.orgId, importId };
  const staged = await countStaged(db, scope);
  if (staged !== current.totalRows) {
    throw new AppError('BAD_REQUEST', `Only ${staged.toLocaleString('en')} of ${current.totalRows.toLocaleString('en')} rows arrived. Import the file again.`);
  }
  // Permissions may have changed since the rows were staged: check the streams again.
  const streamIds = await stagedStreamIds(db, scope);
  const streams = await findStreamsForIngest(db, { orgId: actor.orgId, ids: streamIds });
  if (streams.some((s) => s.archivedAt || !canEditStream(actor, s))) {
    throw new AppError('BAD_REQUEST', 'A stream in this file was archived or handed to someone else since the upload. Check the file and import it again.');
  }
  const refuseRepeats = async (source: SQL) => {
    const repeats = await duplicatePeriods(db, source);
    if (repeats.length === 0) return;
    const list = repeats.slice(0, 5).map((rows) => rows.join(' and ')).join('; ');
    throw new AppError('BAD_REQUEST', `Some rows give different numbers for the same stream, step and period (rows ${list}). Keep one of each.`);
  };
  const counts = await ingestFrom(db, { orgId: actor.orgId, actorId: actor.userId, source: 'csv', importId, from: rowsFromStaging(scope), streamIds, total: staged, check: refuseRepeats });
  await clearStaged(db, scope);
  const [done] = await db
    .update(measurementImports)
    .set({ status: 'committed', committedAt: new Date(), ...counts })
    .where(and(eq(measurementImports.orgId, actor.orgId), eq(measurementImports.id, importId)))
    .returning();
  if (!done) throw notFound('That import');
  return result(done);
}

/** Drops an import's staged rows (the user cancelled); nothing was written to measurements. */
export async function cancelImport(db: Db, actor: Actor, importId: string) {
  const current = await requireOwnImport(db, actor, importId);
  if (current.status === 'committed') throw new AppError('BAD_REQUEST', 'This import is already done.');
  await clearStaged(db, { orgId: actor.orgId, importId });
  await db.delete(measurementImports).where(and(eq(measurementImports.orgId, actor.orgId), eq(measurementImports.id, importId)));
}

/** The organization's latest committed imports, newest first. */
export function listImports(db: Db, actor: Actor) {
  return db
    .select({
      id: measurementImports.id,
      fileName: measurementImports.fileName,
      totalRows: measurementImports.totalRows,
      added: measurementImports.added,
      replaced: measurementImports.replaced,
      skipped: measurementImports.skipped,
      committedAt: measurementImports.committedAt,
      byName: users.name,
    })
    .from(measurementImports)
    .leftJoin(users, eq(users.id, measurementImports.createdBy))
    .where(and(eq(measurementImports.orgId, actor.orgId), eq(measurementImports.status, 'committed')))
    .orderBy(desc(measurementImports.committedAt))
    .limit(20);
}
