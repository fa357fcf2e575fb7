import type { Role } from '@/db/schema/orgs';

export const roleLabels: Record<Role, string> = { owner: 'Owner', admin: 'Admin', lead: 'Team lead', viewer: 'Viewer' };

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Manages members, invitations and all streams.',
  lead: 'Maps the streams they own and enters measurements.',
  viewer: 'Reads streams and dashboards.',
};
