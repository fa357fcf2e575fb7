import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';

/**
 * The primary's WAL insert position now. Read after a commit, it is at or past the commit's
 * record: a replica that has replayed up to it shows that transaction.
 */
export async function walPosition(db: Db): Promise<string> {
  const [row] = await rowsOf<{ lsn: string }>(
    db,
    sql`select pg_current_wal_insert_lsn()::text as lsn`,
  );
  if (!row) throw new Error('pg_current_wal_insert_lsn() answered no row');
  return row.lsn;
}
