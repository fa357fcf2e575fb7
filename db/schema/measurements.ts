import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { measurementMethods, measurementSources } from '@/lib/domain';
import { valueStreams } from './streams';

const seconds = (name: string) => numeric(name, { precision: 18, scale: 3, mode: 'number' });
const hours = (name: string) => numeric(name, { precision: 10, scale: 2, mode: 'number' });

/** The metric columns of `measurements`, in the order the form, the CSV template and the API list them. */
export function metricColumns() {
  return {
    leadTimeSeconds: seconds('lead_time_seconds'),
    processTimeSeconds: seconds('process_time_seconds'),
    waitTimeSeconds: seconds('wait_time_seconds'),
    throughput: numeric('throughput', { precision: 12, scale: 2, mode: 'number' }),
    wip: numeric('wip', { precision: 12, scale: 2, mode: 'number' }),
    pctCompleteAccurate: numeric('pct_complete_accurate', {
      precision: 6,
      scale: 3,
      mode: 'number',
    }),
    defects: integer('defects'),
    cost: numeric('cost', { precision: 14, scale: 2, mode: 'number' }),
    customerSatisfaction: numeric('customer_satisfaction', {
      precision: 5,
      scale: 2,
      mode: 'number',
    }),
    wasteDefectsHours: hours('waste_defects_hours'),
    wasteOverproductionHours: hours('waste_overproduction_hours'),
    wasteWaitingHours: hours('waste_waiting_hours'),
    wasteNonUtilizedTalentHours: hours('waste_non_utilized_talent_hours'),
    wasteTransportationHours: hours('waste_transportation_hours'),
    wasteInventoryHours: hours('waste_inventory_hours'),
    wasteMotionHours: hours('waste_motion_hours'),
    wasteExtraProcessingHours: hours('waste_extra_processing_hours'),
  };
}

/**
 * Tenant table: what was observed about a stream (or one step of it, by name) over a period.
 * Every metric is optional; durations in seconds as in maps; waste in hours per DOWNTIME kind.
 */
export const measurements = pgTable(
  'measurements',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    streamId: uuid('stream_id').notNull(),
    /** '' for the whole stream; steps live in map versions, so a measurement names its step. */
    stepName: text('step_name').notNull().default(''),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    ...metricColumns(),
    enteredBy: uuid('entered_by').notNull(),
    source: text('source', { enum: measurementSources }).notNull(),
    method: text('method', { enum: measurementMethods }).notNull(),
    sampleSize: integer('sample_size'),
    note: text('note').notNull().default(''),
    /** The CSV import that brought it in, or the API token that sent it. */
    importId: uuid('import_id'),
    apiTokenId: uuid('api_token_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'measurements_pkey', columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'measurements_stream_fk',
      columns: [t.orgId, t.streamId],
      foreignColumns: [valueStreams.orgId, valueStreams.id],
    }).onDelete('cascade'),
    uniqueIndex('measurements_period_key').on(
      t.orgId,
      t.streamId,
      t.stepName,
      t.periodStart,
      t.periodEnd,
    ),
    index('measurements_org_period_idx').on(t.orgId, t.periodStart),
    check('measurements_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      'measurements_times_check',
      sql`coalesce(${t.leadTimeSeconds}, 0) >= 0 and coalesce(${t.processTimeSeconds}, 0) >= 0 and coalesce(${t.waitTimeSeconds}, 0) >= 0
        and (${t.processTimeSeconds} is null or ${t.leadTimeSeconds} is null or ${t.processTimeSeconds} <= ${t.leadTimeSeconds})`,
    ),
    check(
      'measurements_pct_check',
      sql`${t.pctCompleteAccurate} is null or (${t.pctCompleteAccurate} >= 0 and ${t.pctCompleteAccurate} <= 100)`,
    ),
    check(
      'measurements_counts_check',
      sql`coalesce(${t.throughput}, 0) >= 0 and coalesce(${t.wip}, 0) >= 0 and coalesce(${t.defects}, 0) >= 0 and coalesce(${t.cost}, 0) >= 0 and coalesce(${t.sampleSize}, 0) >= 0`,
    ),
  ],
);

/** Tenant table: who changed or deleted a measurement, when, and what it was before and after. */
export const measurementAudit = pgTable(
  'measurement_audit',
  {
    orgId: uuid('org_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    measurementId: uuid('measurement_id').notNull(),
    streamId: uuid('stream_id').notNull(),
    action: text('action', { enum: ['update', 'delete'] }).notNull(),
    actorId: uuid('actor_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').notNull(),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ name: 'measurement_audit_pkey', columns: [t.orgId, t.id] }),
    index('measurement_audit_stream_idx').on(t.orgId, t.streamId, t.at),
  ],
);
