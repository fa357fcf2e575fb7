/**
 * A value stream map's numbers: validation, totals (Lean Enterprise Institute / SAFe formulas),
 * comparison of current and future state, and the editor's reorder.
 */
import { roundToMillis } from './units';
import {
  wastes,
  type MapDelta,
  type MapIssue,
  type MapResult,
  type MapStep,
  type MapTotals,
} from './types';

/** The most steps a map may have. */
export const maxSteps = 100;

/** Wait time of one step: lead time minus process time, in seconds (to the millisecond). */
export function waitTimeSeconds(
  step: Pick<MapStep, 'leadTimeSeconds' | 'processTimeSeconds'>,
): number {
  return roundToMillis(step.leadTimeSeconds - step.processTimeSeconds);
}

const knownWastes: ReadonlySet<string> = new Set(wastes);

function validateStep(step: MapStep, i: number): MapIssue[] {
  const issues: MapIssue[] = [];
  const at = (field: string, message: string) =>
    issues.push({ path: `steps.${i}.${field}`, message });

  if (typeof step.name !== 'string' || step.name.trim() === '') at('name', 'Give the step a name.');

  const pt = step.processTimeSeconds;
  const lt = step.leadTimeSeconds;
  const ptOk = typeof pt === 'number' && Number.isFinite(pt);
  const ltOk = typeof lt === 'number' && Number.isFinite(lt);
  if (!ptOk) at('processTime', 'Enter the process time as a number.');
  else if (pt < 0) at('processTime', 'Process time cannot be negative.');
  if (!ltOk) at('leadTime', 'Enter the lead time as a number.');
  else if (lt < 0) at('leadTime', 'Lead time cannot be negative.');
  if (ptOk && ltOk && pt >= 0 && lt >= 0 && pt > lt) {
    at('processTime', 'Process time cannot be longer than lead time.');
  }

  const pct = step.pctCompleteAccurate;
  if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100) {
    at('pctCompleteAccurate', '% complete and accurate must be a number from 0 to 100.');
  }

  const people = step.people;
  if (people !== null && (typeof people !== 'number' || !Number.isInteger(people) || people < 0)) {
    at('people', 'People must be a whole number, 0 or more.');
  }

  if (!Array.isArray(step.wastes)) at('wastes', 'Wastes must be a list.');
  else if (step.wastes.some((w) => !knownWastes.has(w)))
    at('wastes', 'Pick wastes from the eight Lean wastes.');

  return issues;
}

/** Everything wrong with a map, each at its field (`steps.2.processTime`), or `steps` for the list. */
export function validateMap(steps: readonly MapStep[]): MapIssue[] {
  if (steps.length === 0) return [{ path: 'steps', message: 'Add at least one step.' }];
  const issues: MapIssue[] = [];
  if (steps.length > maxSteps) {
    issues.push({
      path: 'steps',
      message: `A map can have at most ${maxSteps} steps; this one has ${steps.length}.`,
    });
  }
  steps.forEach((step, i) => issues.push(...validateStep(step, i)));
  return issues;
}

/**
 * Totals of a valid map, or the issues that stop it from being computed.
 * Flow efficiency is total PT / total LT (a ratio of sums, never the mean of the steps' ratios).
 */
export function computeMap(steps: readonly MapStep[]): MapResult {
  const issues = validateMap(steps);
  const first = steps[0];
  if (issues.length > 0 || first === undefined) {
    return {
      ok: false,
      issues: issues.length > 0 ? issues : [{ path: 'steps', message: 'Add at least one step.' }],
    };
  }

  let lead = 0;
  let process = 0;
  let wait = 0;
  let bottleneck = { index: 0, name: first.name, waitTimeSeconds: waitTimeSeconds(first) };
  let weakest = { index: 0, name: first.name, pctCompleteAccurate: first.pctCompleteAccurate };
  steps.forEach((step, index) => {
    const stepWait = waitTimeSeconds(step);
    lead += step.leadTimeSeconds;
    process += step.processTimeSeconds;
    wait += stepWait;
    if (stepWait > bottleneck.waitTimeSeconds)
      bottleneck = { index, name: step.name, waitTimeSeconds: stepWait };
    if (step.pctCompleteAccurate < weakest.pctCompleteAccurate) {
      weakest = { index, name: step.name, pctCompleteAccurate: step.pctCompleteAccurate };
    }
  });

  const totalLeadTimeSeconds = roundToMillis(lead);
  const totalProcessTimeSeconds = roundToMillis(process);

  // Start from the lowest %C&A and multiply by factors <= 1: the product is the percentage, and in
  // floating point it can never come out above the weakest step's (as 0.07 * 100 = 7.000000000000001 would).
  let rolled = weakest.pctCompleteAccurate;
  steps.forEach((step, index) => {
    if (index !== weakest.index) rolled *= step.pctCompleteAccurate / 100;
  });

  const totals: MapTotals = {
    totalLeadTimeSeconds,
    totalProcessTimeSeconds,
    totalWaitTimeSeconds: roundToMillis(wait),
    flowEfficiency:
      totalLeadTimeSeconds === 0 ? null : totalProcessTimeSeconds / totalLeadTimeSeconds,
    rolledPctCompleteAccurate: rolled,
    bottleneck,
    weakest,
    stepCount: steps.length,
  };
  return { ok: true, totals };
}

/** From the current state to the future state: future minus current. */
export function compareMaps(current: MapTotals, future: MapTotals): MapDelta {
  const leadChange = roundToMillis(future.totalLeadTimeSeconds - current.totalLeadTimeSeconds);
  return {
    totalLeadTimeSeconds: leadChange,
    totalProcessTimeSeconds: roundToMillis(
      future.totalProcessTimeSeconds - current.totalProcessTimeSeconds,
    ),
    totalWaitTimeSeconds: roundToMillis(future.totalWaitTimeSeconds - current.totalWaitTimeSeconds),
    flowEfficiency:
      current.flowEfficiency === null || future.flowEfficiency === null
        ? null
        : future.flowEfficiency - current.flowEfficiency,
    rolledPctCompleteAccurate: future.rolledPctCompleteAccurate - current.rolledPctCompleteAccurate,
    stepCount: future.stepCount - current.stepCount,
    leadTimeChangeRatio:
      current.totalLeadTimeSeconds === 0 ? null : leadChange / current.totalLeadTimeSeconds,
  };
}

/**
 * A new array with the item at `from` moved to `to` (the others shift to make room).
 * Forgiving, for an editor: `to` is clamped into the list; an invalid `from` returns an unchanged copy.
 */
export function moveStep<T>(steps: readonly T[], from: number, to: number): T[] {
  const copy = [...steps];
  if (!Number.isInteger(from) || from < 0 || from >= copy.length || Number.isNaN(to)) return copy;
  const target = Math.min(copy.length - 1, Math.max(0, Math.trunc(to)));
  const moved = copy.splice(from, 1);
  copy.splice(target, 0, ...moved);
  return copy;
}
