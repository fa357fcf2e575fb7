import { computeMap } from '@/lib/vsm/map';
import {
  wastes,
  type MapStep,
  type MapTotals,
  type Waste,
  type WorkingCalendar,
} from '@/lib/vsm/types';

const wasteSet = new Set<string>(wastes);

interface StepLike {
  name: string;
  processTimeSeconds: number | string;
  leadTimeSeconds: number | string;
  pctCompleteAccurate: number | string;
  people: number | null;
  wastes: string[];
  notes: string;
}

/** A stored step as the formulas see it. */
export function toMapStep(row: StepLike): MapStep {
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

export interface DrawableMap {
  steps: MapStep[];
  totals: MapTotals;
  calendar: WorkingCalendar;
}

/** A saved map ready to draw and compare; null when it has no valid steps. */
export function toDrawable(
  map:
    | { steps: StepLike[]; hoursPerDay: number | string; daysPerWeek: number | string }
    | null
    | undefined,
): DrawableMap | null {
  if (!map) return null;
  const steps = map.steps.map(toMapStep);
  const result = computeMap(steps);
  if (!result.ok) return null;
  return {
    steps,
    totals: result.totals,
    calendar: { hoursPerDay: Number(map.hoursPerDay), daysPerWeek: Number(map.daysPerWeek) },
  };
}
