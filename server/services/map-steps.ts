import type { StepRow } from '@/db/queries/maps';
import { wastes, type MapStep, type Waste } from '@/lib/vsm/types';

const wasteSet = new Set<string>(wastes);

/** A stored step as the formulas see it. */
export function toMapStep(row: Pick<StepRow, 'name' | 'processTimeSeconds' | 'leadTimeSeconds' | 'pctCompleteAccurate' | 'people' | 'wastes' | 'notes'>): MapStep {
  return {
    name: row.name,
    processTimeSeconds: Number(row.processTimeSeconds),
    leadTimeSeconds: Number(row.leadTimeSeconds),
    pctCompleteAccurate: Number(row.pctCompleteAccurate),
    people: row.people,
    wastes: row.wastes.filter((w): w is Waste => wasteSet.has(w)),
    notes: row.notes,
  };
}
