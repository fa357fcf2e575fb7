export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  lead: 'Team lead',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Manages members, invitations and all streams.',
  lead: 'Maps the streams they own and enters measurements.',
  viewer: 'Reads streams and dashboards.',
};

export const kindLabels = { operational: 'Operational', development: 'Development' } as const;

export const typeLabels = {
  fulfillment: 'Fulfillment',
  manufacturing: 'Manufacturing',
  software_delivery: 'Software delivery',
  supporting: 'Supporting',
} as const;

/** The seed's six lines of comparison, with what each side typically says. */
export const comparisonLines = [
  {
    key: 'customerInteraction',
    label: 'Customer interaction',
    operational: 'Serves external customers directly',
    development: 'Builds internal systems and products',
  },
  {
    key: 'workPattern',
    label: 'Day-to-day vs initiative work',
    operational: 'Recurring daily processes',
    development: 'Periodic initiatives, e.g. new features',
  },
  {
    key: 'feedbackLoop',
    label: 'Feedback loop',
    operational: 'Rapid, from real-time customer interactions',
    development: 'Market research and user testing',
  },
  {
    key: 'teamComposition',
    label: 'Team composition',
    operational: 'Staff who know the daily processes',
    development: 'Specialists: engineering, programming',
  },
  {
    key: 'wasteKind',
    label: 'Kind of waste',
    operational: 'Tangible: defects, idle time',
    development: 'Intangible: technical debt, over-engineering',
  },
  {
    key: 'iterationPace',
    label: 'Iteration pace',
    operational: 'Consistent routines',
    development: 'Frequent sprints',
  },
] as const;
import type { Role } from '@/lib/domain';
