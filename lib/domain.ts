/**
 * The domain's vocabulary: every closed list of words the product uses, with its type. Pure and
 * shared by the forms, the zod schemas, the database schema (its CHECKs and enums) and the server.
 */

/** A member's role in an organization (server/permissions.ts says what each may do). */
export const roles = ['owner', 'admin', 'lead', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const streamKinds = ['operational', 'development'] as const;
export type StreamKind = (typeof streamKinds)[number];

/** The four types of operational value stream; development streams have none. */
export const operationalTypes = [
  'fulfillment',
  'manufacturing',
  'software_delivery',
  'supporting',
] as const;
export type OperationalType = (typeof operationalTypes)[number];

/** A stream is a draft while the identification guide is still filling it in. */
export const streamStatuses = ['draft', 'active'] as const;
export type StreamStatus = (typeof streamStatuses)[number];

export const mapStates = ['current', 'future'] as const;
export type MapState = (typeof mapStates)[number];

/** How a measurement arrived. */
export const measurementSources = ['form', 'csv', 'api'] as const;
export type MeasurementSource = (typeof measurementSources)[number];

/** How a measurement's numbers were obtained. */
export const measurementMethods = ['observed', 'estimated', 'system'] as const;
export type MeasurementMethod = (typeof measurementMethods)[number];

/** What an improvement is judged by: one measured figure of its stream. */
export const improvementMetrics = [
  'lead_time',
  'process_time',
  'flow_efficiency',
  'throughput',
  'wip',
  'pct_complete_accurate',
  'waste_hours',
] as const;
export type ImprovementMetric = (typeof improvementMetrics)[number];
