import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Tenant table: one CSV import, recorded in the transaction that saved its rows (all or nothing);
 * the counts say what it did.
 */
export const measurementImports = pgTable(
  'measurement_imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    added: integer('added').notNull().default(0),
    replaced: integer('replaced').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'measurement_imports_pkey', columns: [t.orgId, t.id] }),
    index('measurement_imports_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** Tenant table: API tokens for systems that push measurements. Only a SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
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
    uniqueIndex('api_tokens_name_key')
      .on(t.orgId, sql`lower(${t.name})`)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * Tenant table: the Idempotency-Key of each API request, kept a day, written by the request's own
 * transaction with its response (a request in progress holds a transaction-scoped advisory lock on
 * its key instead of a row: decision 0005); a replay returns that response.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    /** The response's JSON text, replayed byte for byte. */
    response: text('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.orgId, t.key] }),
    index('idempotency_keys_created_idx').on(t.orgId, t.createdAt),
  ],
);
