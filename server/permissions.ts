/**
 * The one place that says which role may do what. Procedures name the permission they need;
 * pages ask `can()` to hide what a role may not do. Later domains add their rows here.
 */
export const permissions = {
  'org:read': ['owner', 'admin', 'lead', 'viewer'],
  'org:update': ['owner', 'admin'],
  'members:read': ['owner', 'admin', 'lead', 'viewer'],
  'members:manage': ['owner', 'admin'],
  'invitations:manage': ['owner', 'admin'],
  /** Granting, changing or removing the owner role. */
  'owners:manage': ['owner'],
  'streams:read': ['owner', 'admin', 'lead', 'viewer'],
  /** Register streams; a lead may then edit the streams they own. */
  'streams:create': ['owner', 'admin', 'lead'],
  'streams:edit-own': ['owner', 'admin', 'lead'],
  'streams:edit-any': ['owner', 'admin'],
  'measurements:read': ['owner', 'admin', 'lead', 'viewer'],
  /** Enter, change and delete measurements: a lead for the streams they own, as with maps. */
  'measurements:write': ['owner', 'admin', 'lead'],
  /** Read who changed or deleted which measurement. */
  'measurements:audit': ['owner', 'admin'],
  /** Import a CSV file of measurements: a lead only for the streams they own. */
  'measurements:import': ['owner', 'admin', 'lead'],
  /** The portfolio and stream dashboards, improvements and comparisons. */
  'dashboards:read': ['owner', 'admin', 'lead', 'viewer'],
  /** Record, edit, close and delete improvements: a lead for the streams they own. */
  'improvements:write': ['owner', 'admin', 'lead'],
  /** Create, list and revoke the organization's API tokens. */
  'tokens:manage': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Every permission a role holds, for the client to hide actions it may not take. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => can(role, p));
}
import type { Role } from '@/lib/domain';
