import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/** Runs raw SQL and returns its rows: postgres.js answers with an array, PGlite with `{ rows }`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows))
    return result.rows as T[];
  throw new Error(`Unexpected result of db.execute: ${JSON.stringify(result)}`);
}

/** How many rows a write changed: postgres.js answers with `count`, PGlite with `affectedRows`. */
export function affectedRows(result: unknown): number {
  if (result && typeof result === 'object') {
    if ('count' in result && typeof result.count === 'number') return result.count;
    if ('affectedRows' in result && typeof result.affectedRows === 'number')
      return result.affectedRows;
  }
  throw new Error(`Unexpected result of a write: ${JSON.stringify(result).slice(0, 200)}`);
}

/** A row of raw SQL, before its columns are read into their types. */
export type Raw = Record<string, unknown>;

/** A nullable numeric column (numeric and bigint arrive as text): a number, or null. */
export const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
