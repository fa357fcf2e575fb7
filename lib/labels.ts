/**
 * Every word the product shows for a closed list of values (roles, kinds, types, wastes, units,
 * sources, methods, metrics, map states, week ranges, verdicts), in one place: components,
 * pages, exports and the server import them from here and never keep a copy.
 */
import type { Verdict } from '@/lib/dashboards/before-after';
import type { Trend } from '@/lib/dashboards/stats';
import type { RangePreset } from '@/lib/dashboards/weeks';
import type {
  ImprovementMetric,
  MapState,
  MeasurementMethod,
  MeasurementSource,
  OperationalType,
  Role,
  StreamKind,
} from '@/lib/domain';
import { wastes, type DurationUnit, type DurationView, type Waste } from '@/lib/vsm/types';

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

export const kindLabels: Record<StreamKind, string> = {
  operational: 'Operational',
  development: 'Development',
};

/** What each kind of stream is, in one line, for the pickers that choose one. */
export const kindDescriptions: Record<StreamKind, string> = {
  operational: 'Serves external customers day to day: orders, production, delivery, support.',
  development: 'Builds the products and systems the operational streams use.',
};

export const typeLabels: Record<OperationalType, string> = {
  fulfillment: 'Fulfillment',
  manufacturing: 'Manufacturing',
  software_delivery: 'Software delivery',
  supporting: 'Supporting',
};

/** What each type of operational stream runs, in one line. */
export const typeDescriptions: Record<OperationalType, string> = {
  fulfillment: 'From an order to the customer receiving it.',
  manufacturing: 'From raw materials to a finished product.',
  software_delivery: 'Release, deploy, licensing and support of software.',
  supporting: 'Enables the others: inventory, hiring, budgeting…',
};

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
/** The eight wastes of Lean (DOWNTIME), for pickers, legends and reports. */
export const wasteLabels: Record<Waste, string> = {
  defects: 'Defects',
  overproduction: 'Overproduction',
  waiting: 'Waiting',
  non_utilized_talent: 'Non-utilized talent',
  transportation: 'Transportation',
  inventory: 'Inventory',
  motion: 'Motion',
  extra_processing: 'Extra-processing',
};

/** One line each, covering operational and development streams alike. */
export const wasteDescriptions: Record<Waste, string> = {
  defects: 'Work that is wrong or incomplete and must be fixed or redone: errors, rework, bugs.',
  overproduction:
    'Making more, or sooner, than the next step or the customer needs, including unused features.',
  waiting: 'Work or people idle while they wait for approvals, hand-offs, information or machines.',
  non_utilized_talent: 'People’s skills, ideas and knowledge left unused.',
  transportation:
    'Moving materials, information or work between places, systems or teams without adding value.',
  inventory: 'Work piled up between steps: stock, queues, unfinished work, unmerged code.',
  motion: 'Needless movement of people: walking, searching, switching between tools and tasks.',
  extra_processing:
    'More work than the customer values: extra checks, over-engineering, needless polish.',
};

/** The letter of DOWNTIME each waste stands for. */
export const wasteLetters: Record<Waste, string> = {
  defects: 'D',
  overproduction: 'O',
  waiting: 'W',
  non_utilized_talent: 'N',
  transportation: 'T',
  inventory: 'I',
  motion: 'M',
  extra_processing: 'E',
};

/** The wastes in DOWNTIME order, with their words, ready for a picker or a legend. */
export const wasteOptions: ReadonlyArray<{
  value: Waste;
  label: string;
  letter: string;
  description: string;
}> = wastes.map((value) => ({
  value,
  label: wasteLabels[value],
  letter: wasteLetters[value],
  description: wasteDescriptions[value],
}));

/** Duration units' long names, for unit pickers. */
export const unitLabels: Record<DurationUnit, string> = {
  seconds: 'Seconds',
  minutes: 'Minutes',
  hours: 'Hours',
  days: 'Days',
  weeks: 'Weeks',
};

/** Duration units' short names, as shown after a number ("1.5 h"). */
export const unitAbbreviations: Record<DurationUnit, string> = {
  seconds: 's',
  minutes: 'min',
  hours: 'h',
  days: 'd',
  weeks: 'wk',
};

/** The ways a duration can be shown, for the unit switch. */
export const durationViewLabels: Record<DurationView, string> = {
  hours: 'Hours',
  working: 'Working days',
  calendar: 'Calendar days',
};

/** How a measurement arrived. */
export const sourceLabels: Record<MeasurementSource, string> = {
  form: 'Form',
  csv: 'CSV',
  api: 'API',
};

/** How a measurement's numbers were obtained. */
export const methodLabels: Record<MeasurementMethod, string> = {
  observed: 'Observed',
  estimated: 'Estimated',
  system: 'System',
};

/** The figure an improvement is judged by. */
export const metricLabels: Record<ImprovementMetric, string> = {
  lead_time: 'Lead time',
  process_time: 'Process time',
  flow_efficiency: 'Flow efficiency',
  throughput: 'Throughput',
  wip: 'WIP',
  pct_complete_accurate: '%C&A',
  waste_hours: 'Waste hours',
};

/** A map's state, as a tab or a badge says it. */
export const mapStateLabels: Record<MapState, string> = {
  current: 'Current state',
  future: 'Future state',
};

/** A map's state, as a heading names the map. */
export const mapTitles: Record<MapState, string> = {
  current: 'Current-state map',
  future: 'Future-state map',
};

/** The weeks a dashboard shows. */
export const rangeLabels: Record<RangePreset, string> = {
  '12w': 'Last 12 weeks',
  quarter: 'Last quarter (13 weeks)',
  year: 'Last year (52 weeks)',
  custom: 'Custom dates',
};

/** What a range is compared with: "2 streams got worse than the 12 weeks before". */
export const previousRangeLabels: Record<RangePreset, string> = {
  '12w': 'the 12 weeks before',
  quarter: 'the quarter before',
  year: 'the year before',
  custom: 'the weeks before',
};

/** A figure's trend against the weeks before, as a sentence says it. */
export const trendLabels: Record<NonNullable<Trend>, string> = {
  better: 'better',
  worse: 'worse',
  flat: 'about the same',
};

/** What an improvement's before and after says. */
export const verdictLabels: Record<Verdict, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  'no clear change': 'No clear change',
  'not enough data': 'Not enough data',
};
