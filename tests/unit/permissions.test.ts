import { type Role, roles } from '@/lib/domain';
import { describe, expect, it } from 'vitest';
import { can, type Permission, permissions, permissionsOf } from '@/server/permissions';

/** The intended matrix, written out by hand: a change to server/permissions.ts must change this too. */
const matrix: Record<Permission, Record<Role, boolean>> = {
  'org:read': { owner: true, admin: true, lead: true, viewer: true },
  'org:update': { owner: true, admin: true, lead: false, viewer: false },
  'members:read': { owner: true, admin: true, lead: true, viewer: true },
  'members:manage': { owner: true, admin: true, lead: false, viewer: false },
  'invitations:manage': { owner: true, admin: true, lead: false, viewer: false },
  'owners:manage': { owner: true, admin: false, lead: false, viewer: false },
  'streams:read': { owner: true, admin: true, lead: true, viewer: true },
  'streams:create': { owner: true, admin: true, lead: true, viewer: false },
  'streams:edit-own': { owner: true, admin: true, lead: true, viewer: false },
  'streams:edit-any': { owner: true, admin: true, lead: false, viewer: false },
  'measurements:read': { owner: true, admin: true, lead: true, viewer: true },
  'measurements:write': { owner: true, admin: true, lead: true, viewer: false },
  'measurements:audit': { owner: true, admin: true, lead: false, viewer: false },
  'measurements:import': { owner: true, admin: true, lead: true, viewer: false },
  'dashboards:read': { owner: true, admin: true, lead: true, viewer: true },
  'improvements:write': { owner: true, admin: true, lead: true, viewer: false },
  'tokens:manage': { owner: true, admin: true, lead: false, viewer: false },
};

const pairs = (Object.keys(matrix) as Permission[]).flatMap((permission) =>
  roles.map((role) => ({ role, permission, allowed: matrix[permission][role] })),
);

describe('permissions', () => {
  it('the matrix covers exactly the permissions the server defines', () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(pairs)('can($role, $permission) is $allowed', ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('an owner can do everything', () => {
    expect(permissionsOf('owner').sort()).toEqual(Object.keys(permissions).sort());
  });

  it('a viewer can only read', () => {
    expect(permissionsOf('viewer').length).toBeGreaterThan(0);
    for (const p of permissionsOf('viewer')) expect(p).toMatch(/:read$/);
  });

  it('only an owner manages owners; only owners and admins manage members and invitations', () => {
    expect(roles.filter((r) => can(r, 'owners:manage'))).toEqual(['owner']);
    expect(roles.filter((r) => can(r, 'members:manage'))).toEqual(['owner', 'admin']);
    expect(roles.filter((r) => can(r, 'invitations:manage'))).toEqual(['owner', 'admin']);
  });

  it.each(roles)('permissionsOf(%s) lists exactly the permissions can() grants', (role) => {
    const expected = (Object.keys(matrix) as Permission[]).filter((p) => matrix[p][role]);
    expect(permissionsOf(role)).toEqual(expected);
  });

  it('every role listed for a permission is a real role', () => {
    for (const allowedRoles of Object.values(permissions))
      for (const r of allowedRoles) expect(roles).toContain(r);
  });
});
