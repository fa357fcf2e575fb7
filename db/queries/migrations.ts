/**
 * The schema's version: drizzle's migrator records each applied migration in
 * drizzle.__drizzle_migrations (on Postgres and PGlite alike) with its journal `when` as
 * `created_at`, and applies only migrations dated after the newest row (tests/integration/migrations.test.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import journal from '../migrations/meta/_journal.json';
import { rowsOf } from '../rows';

/** The `when` of the last migration this build of the app was written for. */
export const LATEST_MIGRATION: number = journal.entries.at(-1)?.when ?? 0;

/**
 * The `created_at` of the newest migration applied to the database, null when none is. Throws
 * when drizzle's table is missing or not readable (a database never migrated, or migrated before
 * the app's role was granted it): both mean the schema is behind.
 */
export async function newestAppliedMigration(db: Db): Promise<number | null> {
  const [row] = await rowsOf<{ created_at: string | number | null }>(
    db,
    sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
  );
  return row?.created_at == null ? null : Number(row.created_at);
}
