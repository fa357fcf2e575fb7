import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { improvementMetrics } from '@/lib/domain';
import { wastes } from '@/lib/vsm/types';
import { valueStreams } from './streams';

/**
 * Tenant table: an improvement (kaizen) made to a stream, or one step of it, against a kind of
 * waste. Its before/after compares the targeted metric over `window_weeks` weeks before it started
 * with as many weeks after it was completed.
 */
export const improvements = pgTable(
  'improvements',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    streamId: uuid('stream_id').notNull(),
    /** '' for the whole stream. */
    stepName: text('step_name').notNull().default(''),
    title: text('title').notNull(),
    waste: text('waste', { enum: wastes }),
    metric: text('metric', { enum: improvementMetrics }).notNull(),
    /** A member of the organization; cleared when they leave. */
    ownerId: uuid('owner_id'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** Set when it is closed as done. */
    completedOn: date('completed_on', { mode: 'string' }),
    windowWeeks: integer('window_weeks').notNull().default(8),
    expectedEffect: text('expected_effect').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'improvements_pkey', columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'improvements_stream_fk',
      columns: [t.orgId, t.streamId],
      foreignColumns: [valueStreams.orgId, valueStreams.id],
    }).onDelete('cascade'),
    index('improvements_stream_idx').on(t.orgId, t.streamId, t.startedOn),
    check(
      'improvements_dates_check',
      sql`${t.completedOn} is null or ${t.completedOn} >= ${t.startedOn}`,
    ),
    check('improvements_window_check', sql`${t.windowWeeks} between 2 and 52`),
  ],
);
