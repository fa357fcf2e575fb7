/**
 * Ready for a distributed Postgres (issue 12, docs/scaling.md): every tenant table (one with an
 * org_id column) could be distributed by org_id in Citus, which requires the distribution column
 * in every primary key and unique index, and in both sides of every foreign key between
 * distributed tables. Tables without org_id (people, organizations, sessions, rate limits) would be
 * reference tables or stay on the coordinator. A new table or index that breaks this fails here.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '@/db/rows';
import { forEachDriver } from './harness';

interface Index {
  tableName: string;
  indexName: string;
  primary: boolean;
  columns: string[];
}

interface ForeignKey {
  tableName: string;
  name: string;
  target: string;
  columns: string[];
  targetColumns: string[];
}

forEachDriver('distribution keys', (t) => {
  async function tenantTables(): Promise<string[]> {
    const rows = await rowsOf<{ name: string }>(
      t.db,
      sql`select c.relname as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    return rows.map((r) => r.name);
  }

  it('every tenant table has a primary key, and it and every unique index include org_id', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(
      expect.arrayContaining(['measurements', 'value_streams', 'memberships']),
    );
    const indexes = await rowsOf<{
      tableName: string;
      indexName: string;
      primary: boolean;
      columns: string;
    }>(
      t.db,
      sql`select t.relname as "tableName", i.relname as "indexName", x.indisprimary as primary,
                 coalesce(string_agg(a.attname, ',' order by k.ord), '') as columns
          from pg_index x
          join pg_class t on t.oid = x.indrelid
          join pg_class i on i.oid = x.indexrelid
          join pg_namespace n on n.oid = t.relnamespace
          cross join lateral unnest(x.indkey) with ordinality as k(attnum, ord)
          left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
          where n.nspname = 'public' and x.indisunique
          group by 1, 2, 3`,
    );
    const parsed: Index[] = indexes.map((r) => ({ ...r, columns: r.columns.split(',') }));
    for (const table of tables) {
      const own = parsed.filter((i) => i.tableName === table);
      const primary = own.find((i) => i.primary);
      expect(primary, `${table} has no primary key`).toBeDefined();
      for (const index of own)
        expect(index.columns, `${table}.${index.indexName} must include org_id`).toContain(
          'org_id',
        );
    }
  });

  it('every foreign key between tenant tables carries org_id on both sides, in the same place', async () => {
    const tables = new Set(await tenantTables());
    const keys = await rowsOf<{
      tableName: string;
      name: string;
      target: string;
      columns: string;
      targetColumns: string;
    }>(
      t.db,
      sql`select t.relname as "tableName", c.conname as name, r.relname as target,
                 (select string_agg(a.attname, ',' order by k.ord) from unnest(c.conkey) with ordinality k(n, ord)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as columns,
                 (select string_agg(a.attname, ',' order by k.ord) from unnest(c.confkey) with ordinality k(n, ord)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as "targetColumns"
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          join pg_class r on r.oid = c.confrelid
          join pg_namespace n on n.oid = t.relnamespace
          where c.contype = 'f' and n.nspname = 'public'`,
    );
    const parsed: ForeignKey[] = keys.map((k) => ({
      ...k,
      columns: k.columns.split(','),
      targetColumns: k.targetColumns.split(','),
    }));
    const between = parsed.filter((k) => tables.has(k.tableName) && tables.has(k.target));
    expect(between.length).toBeGreaterThan(3);
    for (const key of between) {
      const at = key.columns.indexOf('org_id');
      expect(at, `${key.tableName}.${key.name} must include org_id`).toBeGreaterThanOrEqual(0);
      expect(
        key.targetColumns[at],
        `${key.tableName}.${key.name} must match org_id to org_id`,
      ).toBe('org_id');
    }
    // A tenant table may point at people or organizations (reference tables), nothing else.
    for (const key of parsed.filter((k) => tables.has(k.tableName) && !tables.has(k.target)))
      expect(['organizations', 'users'], `${key.tableName}.${key.name}`).toContain(key.target);
  });
});
