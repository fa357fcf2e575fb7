import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, type PgColumnBuilderBase, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { metricColumns } from './measurements';

export const importStatuses = ['staging', 'committed'] as const;

/**
 * Tenant table: one CSV import. Rows are staged under it chunk by chunk, then moved into
 * `measurements` in one transaction (all or nothing); the counts say what that did.
 */
export const measurementImports = pgTable(
  'measurement_imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('staging'),
    totalRows: integer('total_rows').notNull().default(0),
    added: integer('added').notNull().default(0),
    replaced: integer('replaced').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'measurement_imports_pkey', columns: [t.orgId, t.id] }), index('measurement_imports_created_idx').on(t.orgId, t.createdAt)],
);

/** The metric columns as arrays, for staged chunks. */
function metricArrays() {
  type ArrayOf = { array(): { notNull(): PgColumnBuilderBase } };
  return Object.fromEntries(Object.entries(metricColumns()).map(([k, c]) => [k, (c as unknown as ArrayOf).array().notNull()])) as Record<
    keyof ReturnType<typeof metricColumns>,
    PgColumnBuilderBase
  >;
}

/**
 * Tenant table: the validated rows of an import not yet committed, one record per uploaded chunk
 * (keyed by its first row), column by column: each column holds the chunk's values as a typed
 * array, in the order of `measurements`. Storing chunks rather than rows keeps staging cheap; the
 * arrays are parsed while the chunks arrive, and the commit reads them back with `unnest`.
 */
export const measurementImportChunks = pgTable(
  'measurement_import_chunks',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    firstRow: integer('first_row').notNull(),
    rowCount: integer('row_count').notNull(),
    streamIds: uuid('stream_ids').array().notNull(),
    row: integer('row').array().notNull(),
    streamId: uuid('stream_id').array().notNull(),
    stepName: text('step_name').array().notNull(),
    periodStart: date('period_start', { mode: 'string' }).array().notNull(),
    periodEnd: date('period_end', { mode: 'string' }).array().notNull(),
    ...metricArrays(),
    method: text('method').array().notNull(),
    sampleSize: integer('sample_size').array().notNull(),
    note: text('note').array().notNull(),
    importKey: text('import_key').array().notNull(),
  },
  (t) => [primaryKey({ name: 'measurement_import_chunks_pkey', columns: [t.orgId, t.importId, t.firstRow] })],
);

/** Tenant table: API tokens for systems that push measurements. Only a SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The last four characters of the secret, to tell tokens apart in the list. */
    hint: text('hint').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'api_tokens_pkey', columns: [t.orgId, t.id] }),
    uniqueIndex('api_tokens_hash_key').on(t.orgId, t.tokenHash),
    uniqueIndex('api_tokens_name_key').on(t.orgId, sql`lower(${t.name})`).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * Tenant table: the Idempotency-Key of each API request, kept a day. `in_flight` until the
 * request's transaction commits its response with it; a replay returns that response.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: text('status', { enum: ['in_flight', 'done'] }).notNull().default('in_flight'),
    responseStatus: integer('response_status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pkey', columns: [t.orgId, t.key] }), index('idempotency_keys_created_idx').on(t.orgId, t.createdAt)],
);
