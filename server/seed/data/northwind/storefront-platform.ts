/** Northwind Retail: Storefront platform. */
import { map, step, type SeedStream } from '../define';
import type { MeasurementProfile } from '../measurement-profiles';

export const stream: SeedStream = {
  fields: {
    name: 'Storefront platform',
    kind: 'development',
    type: null,
    trigger: 'A product idea from analytics, research or merchandising',
    customer: 'Shoppers, through the storefront; the merchandising team',
    valueDelivered: 'Tested storefront features ready for the release train',
    description:
      'Builds the web shop and app features (search, product pages, checkout) that Storefront releases delivers and Online order fulfillment starts from.',
    customerInteraction: 'Indirect: builds the product; shoppers meet it only after a release',
    workPattern: 'Initiative-based: epics and features, prioritized each quarter',
    feedbackLoop: 'Market research, A/B tests and five-user tests on prototypes',
    teamComposition: 'Front-end and back-end engineers, UX designers, a product manager',
    wasteKind: 'Intangible: technical debt in checkout, over-engineering, unmerged code',
    iterationPace: 'Two-week sprints with a review and a retrospective',
  },
  owner: 'lead',
  feeds: ['Storefront releases', 'Online order fulfillment'],
  current: [
    map(
      'Baseline: features from idea to merged code, last two quarters',
      step(
        'Market research & ideation',
        [4, 'days'],
        [3, 'weeks'],
        80,
        3,
        ['waiting', 'overproduction'],
        'Ideas from analytics, surveys and merchandising',
      ),
      step(
        'UX design & user testing',
        [5, 'days'],
        [3, 'weeks'],
        85,
        2,
        ['waiting', 'extra_processing'],
        'Five-user tests on prototypes every fortnight',
      ),
      step(
        'Sprint development',
        [10, 'days'],
        [4, 'weeks'],
        82,
        8,
        ['extra_processing', 'defects'],
        'A checkout rewrite carries most of the debt',
      ),
      step(
        'Code review & merge',
        [4, 'hours'],
        [4, 'days'],
        88,
        8,
        ['inventory', 'waiting'],
        'Pull requests wait for one of two senior reviewers',
      ),
      step(
        'Hand-off to the release train',
        [2, 'hours'],
        [1, 'weeks'],
        90,
        2,
        ['waiting', 'inventory'],
        'Merged features wait for the next release',
      ),
    ),
  ],
};

/** How its weeks go, for the demo measurements (../measurements.ts). */
export const profile: MeasurementProfile = {
  throughput: 4,
  growth: 0.03,
  weeklyCost: 56_000,
  fixedCost: 0.85,
  satisfaction: 72,
  defectRate: 0.25,
  wasteHours: 80,
  sample: 4,
  season: 'office',
  systemFrom: null,
  csvUntil: 0,
  improvements: [
    {
      at: 0.4,
      note: 'Kaizen: review rota, any two engineers may approve a pull request',
      wastes: ['waiting', 'inventory'],
    },
    {
      at: 0.76,
      note: 'Kaizen: 20% of each sprint pays down the checkout debt',
      wastes: ['extra_processing', 'defects', 'waiting'],
    },
  ],
  regressions: [
    {
      at: 0.6,
      weeks: 4,
      severity: 0.35,
      note: 'Two senior engineers left; pull requests queued for review',
    },
  ],
};
