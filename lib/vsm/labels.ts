/** Words for the eight wastes of Lean (DOWNTIME), for pickers, legends and reports. */
import { wastes, type Waste } from './types';

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
