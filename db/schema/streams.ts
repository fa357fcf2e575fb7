import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { mapStates, operationalTypes, streamKinds, streamStatuses } from '@/lib/domain';
import { timeEntries } from '@/lib/vsm/types';
import { organizations } from './orgs';

/** What the identification guide has gathered so far; kept until the stream is saved. */
export interface GuideData {
  step: number;
  purposeNotes?: string;
  interviewNotes?: string;
  improvementNotes?: string;
  steps?: unknown[];
  hoursPerDay?: number;
  daysPerWeek?: number;
}

/** Tenant table: a value stream, operational (with a type) or development. */
export const valueStreams = pgTable(
  'value_streams',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: text('kind', { enum: streamKinds }).notNull(),
    type: text('type', { enum: operationalTypes }),
    trigger: text('trigger').notNull().default(''),
    customer: text('customer').notNull().default(''),
    valueDelivered: text('value_delivered').notNull().default(''),
    /** A member of the organization; cleared when they leave. */
    ownerId: uuid('owner_id'),
    description: text('description').notNull().default(''),
    // The seed's six lines of comparison between operational and development streams.
    customerInteraction: text('customer_interaction').notNull().default(''),
    workPattern: text('work_pattern').notNull().default(''),
    feedbackLoop: text('feedback_loop').notNull().default(''),
    teamComposition: text('team_composition').notNull().default(''),
    wasteKind: text('waste_kind').notNull().default(''),
    iterationPace: text('iteration_pace').notNull().default(''),
    /** `draft` while the identification guide is under way. */
    status: text('status', { enum: streamStatuses }).notNull().default('active'),
    guide: jsonb('guide').$type<GuideData>(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'value_streams_pkey', columns: [t.orgId, t.id] }),
    // Names are unique per organization whatever their case ("Orders" and "orders" are one name).
    uniqueIndex('value_streams_name_key').on(t.orgId, sql`lower(${t.name})`),
    index('value_streams_owner_idx').on(t.orgId, t.ownerId),
    check(
      'value_streams_type_check',
      sql`(${t.kind} = 'operational' and ${t.type} is not null) or (${t.kind} = 'development' and ${t.type} is null)`,
    ),
  ],
);

/** Tenant table: a development stream feeds the operational streams it supports. */
export const streamLinks = pgTable(
  'stream_links',
  {
    orgId: uuid('org_id').notNull(),
    developmentStreamId: uuid('development_stream_id').notNull(),
    operationalStreamId: uuid('operational_stream_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: 'stream_links_pkey',
      columns: [t.orgId, t.developmentStreamId, t.operationalStreamId],
    }),
    foreignKey({
      name: 'stream_links_development_fk',
      columns: [t.orgId, t.developmentStreamId],
      foreignColumns: [valueStreams.orgId, valueStreams.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'stream_links_operational_fk',
      columns: [t.orgId, t.operationalStreamId],
      foreignColumns: [valueStreams.orgId, valueStreams.id],
    }).onDelete('cascade'),
    index('stream_links_operational_idx').on(t.orgId, t.operationalStreamId),
    check('stream_links_distinct_check', sql`${t.developmentStreamId} <> ${t.operationalStreamId}`),
  ],
);

/** Tenant table: one saved version of a stream's current- or future-state map. Never updated. */
export const valueStreamMaps = pgTable(
  'value_stream_maps',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    streamId: uuid('stream_id').notNull(),
    state: text('state', { enum: mapStates }).notNull(),
    version: integer('version').notNull(),
    /**
     * The working calendar that converts days and weeks to seconds for this map, kept exactly as
     * typed (numeric without a scale: 15.3333333 stays 15.3333333, never rounds to 15.33).
     */
    hoursPerDay: numeric('hours_per_day', { mode: 'number' }).notNull().default(8),
    daysPerWeek: numeric('days_per_week', { mode: 'number' }).notNull().default(5),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'value_stream_maps_pkey', columns: [t.orgId, t.id] }),
    unique('value_stream_maps_version_key').on(t.orgId, t.streamId, t.state, t.version),
    foreignKey({
      name: 'value_stream_maps_stream_fk',
      columns: [t.orgId, t.streamId],
      foreignColumns: [valueStreams.orgId, valueStreams.id],
    }).onDelete('cascade'),
    check(
      'value_stream_maps_calendar_check',
      sql`${t.hoursPerDay} > 0 and ${t.hoursPerDay} <= 24 and ${t.daysPerWeek} > 0 and ${t.daysPerWeek} <= 7`,
    ),
  ],
);

/** Tenant table: the ordered steps of one map version. Durations in seconds, to the millisecond. */
export const mapSteps = pgTable(
  'map_steps',
  {
    orgId: uuid('org_id').notNull(),
    mapId: uuid('map_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    processTimeSeconds: numeric('process_time_seconds', {
      precision: 18,
      scale: 3,
      mode: 'number',
    }).notNull(),
    leadTimeSeconds: numeric('lead_time_seconds', {
      precision: 18,
      scale: 3,
      mode: 'number',
    }).notNull(),
    /** The units the durations were entered in, to edit them as entered. */
    processTimeUnit: text('process_time_unit').notNull().default('minutes'),
    leadTimeUnit: text('lead_time_unit').notNull().default('minutes'),
    /** Whether lead time or wait time was entered (`lead_time_unit` is then the wait time's unit). */
    timeEntry: text('time_entry', { enum: timeEntries }).notNull().default('lead'),
    pctCompleteAccurate: numeric('pct_complete_accurate', {
      precision: 6,
      scale: 3,
      mode: 'number',
    }).notNull(),
    people: integer('people'),
    wastes: text('wastes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    primaryKey({ name: 'map_steps_pkey', columns: [t.orgId, t.mapId, t.position] }),
    foreignKey({
      name: 'map_steps_map_fk',
      columns: [t.orgId, t.mapId],
      foreignColumns: [valueStreamMaps.orgId, valueStreamMaps.id],
    }).onDelete('cascade'),
    check(
      'map_steps_times_check',
      sql`${t.processTimeSeconds} >= 0 and ${t.processTimeSeconds} <= ${t.leadTimeSeconds}`,
    ),
    check(
      'map_steps_pct_check',
      sql`${t.pctCompleteAccurate} >= 0 and ${t.pctCompleteAccurate} <= 100`,
    ),
    check('map_steps_time_entry_check', sql`${t.timeEntry} in ('lead', 'wait')`),
    check('map_steps_people_check', sql`${t.people} is null or ${t.people} >= 0`),
  ],
);
