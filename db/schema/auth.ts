import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Global table: a person, who may belong to many organizations. */
export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    /** Stored lower-cased; unique across the whole service. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

/**
 * A signed-in browser (decision: docs/decisions/0024-sessions.md). Keyed by user, not a tenant
 * table: row-level security shows a person only their own sessions (`app.user_id`). The cookie
 * holds a random secret; only its SHA-256 is stored. The secret is replaced once a day, the one
 * before it still accepted for a short grace; deleting the row ends the session at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 (hex) of the secret the cookie holds now. */
    secretHash: text('secret_hash').notNull(),
    /** SHA-256 of the secret before the last rotation, accepted until `rotated_at` + the grace. */
    previousHash: text('previous_hash'),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end: no use of the session moves it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The browser, as its User-Agent named itself, to tell sessions apart on the account page. */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [
    uniqueIndex('sessions_secret_hash_key').on(t.secretHash),
    index('sessions_user_id_idx').on(t.userId),
  ],
);

/**
 * Global table: one row per counted attempt (a failed sign-in, a sign-up, a failed invitation
 * accept), under a key naming what is limited ("sign-in:account+address:…", "sign-up:address:…").
 * In the database so that every process of the app counts the same attempts. Old rows are pruned
 * on write.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_hits_key_at_idx').on(t.key, t.at)],
);
