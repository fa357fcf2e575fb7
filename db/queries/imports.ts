/** The record of each CSV import: who, which file, and what it did. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { measurementImports, users } from '../schema';

/** Records an import in the transaction that saves its rows; the counts follow once they are known. */
export async function insertImport(
  db: Db,
  values: { orgId: string; createdBy: string; fileName: string; totalRows: number },
): Promise<string> {
  const [created] = await db
    .insert(measurementImports)
    .values(values)
    .returning({ id: measurementImports.id });
  if (!created) throw new Error('insert into measurement_imports returned nothing');
  return created.id;
}

export async function setImportCounts(
  db: Db,
  params: { orgId: string; id: string; added: number; replaced: number; skipped: number },
) {
  const { orgId, id, ...counts } = params;
  await db
    .update(measurementImports)
    .set(counts)
    .where(and(eq(measurementImports.orgId, orgId), eq(measurementImports.id, id)));
}

/** The organization's latest imports, newest first. */
export function latestImports(db: Db, orgId: string) {
  return db
    .select({
      id: measurementImports.id,
      fileName: measurementImports.fileName,
      totalRows: measurementImports.totalRows,
      added: measurementImports.added,
      replaced: measurementImports.replaced,
      skipped: measurementImports.skipped,
      createdAt: measurementImports.createdAt,
      byName: users.name,
    })
    .from(measurementImports)
    .leftJoin(users, eq(users.id, measurementImports.createdBy))
    .where(eq(measurementImports.orgId, orgId))
    .orderBy(desc(measurementImports.createdAt))
    .limit(20);
}
