/**
 * The steps of a map as the editor holds them: the text the person typed, with the unit it was
 * typed in, converted to seconds (toSeconds) only to compute, validate and save.
 */
import { formatNumber } from '@/lib/format';
import {
  bestUnit,
  defaultCalendar,
  durationUnits,
  fromSeconds,
  isValidCalendar,
  roundToMillis,
  toSeconds,
  validateMap,
  wastes as allWastes,
  type DurationUnit,
  type MapIssue,
  type MapStep,
  type TimeEntry,
  type Waste,
  type WorkingCalendar,
} from '@/lib/vsm';
import { stepInput } from '@/lib/validation/maps';

export type { TimeEntry };

export interface DraftStep {
  /** Stable identity across reorders, for React keys and focus. */
  key: string;
  name: string;
  processTime: string;
  processTimeUnit: DurationUnit;
  leadTime: string;
  leadTimeUnit: DurationUnit;
  waitTime: string;
  waitTimeUnit: DurationUnit;
  /** Which of lead time and wait time was entered; the other is derived (LT = PT + WT). */
  timeEntry: TimeEntry;
  pctCompleteAccurate: string;
  people: string;
  wastes: Waste[];
  notes: string;
}

/** The fields an issue can point at, as in `steps.2.processTime`. */
export type StepField =
  'name' | 'processTime' | 'leadTime' | 'pctCompleteAccurate' | 'people' | 'wastes' | 'notes';

/** A step as the server takes it (stepInput). */
export interface StepPayload {
  name: string;
  processTimeSeconds: number;
  leadTimeSeconds: number;
  processTimeUnit: DurationUnit;
  leadTimeUnit: DurationUnit;
  timeEntry: TimeEntry;
  pctCompleteAccurate: number;
  people: number | null;
  wastes: Waste[];
  notes: string;
}

/** A step as stored (maps.get) or kept in a guide draft: any field may be missing there. */
export interface SavedStep {
  name: string;
  processTimeSeconds?: number | string | null;
  leadTimeSeconds?: number | string | null;
  processTimeUnit?: string | null;
  leadTimeUnit?: string | null;
  /** Absent in maps saved before it was kept: those were entered as lead time. */
  timeEntry?: string | null;
  pctCompleteAccurate?: number | string | null;
  people?: number | null;
  wastes?: readonly string[] | null;
  notes?: string | null;
}

let sequence = 0;
export function newStepKey(): string {
  sequence += 1;
  return `step-${sequence}`;
}

export function emptyStep(timeEntry: TimeEntry = 'lead', name = ''): DraftStep {
  return {
    key: newStepKey(),
    name,
    processTime: '',
    processTimeUnit: 'minutes',
    leadTime: '',
    leadTimeUnit: 'hours',
    waitTime: '',
    waitTimeUnit: 'hours',
    timeEntry,
    pctCompleteAccurate: '100',
    people: '',
    wastes: [],
    notes: '',
  };
}

/** The calendar to convert with: days and weeks need a valid one. */
export function safeCalendar(calendar: WorkingCalendar): WorkingCalendar {
  return isValidCalendar(calendar) ? calendar : defaultCalendar;
}

/** Forgiving number parsing: blank is NaN, a comma works as the decimal point. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return Number.NaN;
  return Number(trimmed);
}

function asUnit(value: string | null | undefined, fallback: DurationUnit): DurationUnit {
  return (durationUnits as readonly string[]).includes(value ?? '')
    ? (value as DurationUnit)
    : fallback;
}

/**
 * A duration as text and unit that read as it was typed and lose nothing: the preferred unit (the
 * one it was entered in) with the fewest decimals that give back the same milliseconds ("5" days,
 * "0.3333333" hours); else the best-reading unit, minutes or seconds, with 3 decimals at most.
 */
function readable(
  seconds: number,
  preferred: DurationUnit,
  calendar: WorkingCalendar,
): { text: string; unit: DurationUnit } {
  const exact = roundToMillis(seconds);
  const same = (text: string, unit: DurationUnit) =>
    roundToMillis(toSeconds(Number(text), unit, calendar)) === exact;
  const inPreferred = fromSeconds(seconds, preferred, calendar);
  for (let decimals = 0; decimals <= 9; decimals++) {
    const text = formatNumber(inPreferred, decimals, { grouping: false });
    if (same(text, preferred)) return { text, unit: preferred };
  }
  const best = durationUnits.indexOf(bestUnit(seconds, calendar));
  for (const unit of durationUnits.slice(0, best + 1).reverse()) {
    const text = formatNumber(fromSeconds(seconds, unit, calendar), 3, { grouping: false });
    if (same(text, unit)) return { text, unit };
  }
  return {
    text: formatNumber(fromSeconds(seconds, 'seconds', calendar), 3, { grouping: false }),
    unit: 'seconds',
  };
}

function optionalNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A stored step, shown in the units and the mode (lead or wait time) it was entered in. */
export function draftFromSaved(step: SavedStep, calendar: WorkingCalendar): DraftStep {
  const cal = safeCalendar(calendar);
  const pt = optionalNumber(step.processTimeSeconds);
  const lt = optionalNumber(step.leadTimeSeconds);
  const pct = optionalNumber(step.pctCompleteAccurate);
  const entry: TimeEntry = step.timeEntry === 'wait' ? 'wait' : 'lead';
  // In wait mode the stored lead time unit is the unit the wait time was typed in.
  const entered = asUnit(step.leadTimeUnit, 'hours');
  const ptShown = pt === null ? null : readable(pt, asUnit(step.processTimeUnit, 'minutes'), cal);
  const ltShown = lt === null ? null : readable(lt, entered, cal);
  const wtShown = lt === null || pt === null ? null : readable(lt - pt, entered, cal);
  const known = new Set<string>(allWastes);
  return {
    ...emptyStep(entry, step.name),
    processTime: ptShown?.text ?? '',
    processTimeUnit: ptShown?.unit ?? asUnit(step.processTimeUnit, 'minutes'),
    leadTime: ltShown?.text ?? '',
    leadTimeUnit: ltShown?.unit ?? entered,
    waitTime: wtShown?.text ?? '',
    waitTimeUnit: wtShown?.unit ?? entered,
    pctCompleteAccurate: pct === null ? '100' : String(pct),
    people: step.people === null || step.people === undefined ? '' : String(step.people),
    wastes: (step.wastes ?? []).filter((w): w is Waste => known.has(w)),
    notes: step.notes ?? '',
  };
}

/** Process, lead and wait time of a step in seconds (NaN where not a number yet). */
export function stepSeconds(step: DraftStep, calendar: WorkingCalendar) {
  const cal = safeCalendar(calendar);
  const pt = parseNumber(step.processTime);
  const processTimeSeconds = Number.isFinite(pt)
    ? toSeconds(pt, step.processTimeUnit, cal)
    : Number.NaN;
  if (step.timeEntry === 'wait') {
    const wt = parseNumber(step.waitTime);
    const waitSeconds = Number.isFinite(wt) ? toSeconds(wt, step.waitTimeUnit, cal) : Number.NaN;
    const lead =
      Number.isFinite(processTimeSeconds) && Number.isFinite(waitSeconds)
        ? processTimeSeconds + waitSeconds
        : Number.NaN;
    return {
      processTimeSeconds,
      leadTimeSeconds: Number.isFinite(lead) ? Math.round(lead * 1000) / 1000 : lead,
      waitTimeSeconds: waitSeconds,
    };
  }
  const lt = parseNumber(step.leadTime);
  const leadTimeSeconds = Number.isFinite(lt) ? toSeconds(lt, step.leadTimeUnit, cal) : Number.NaN;
  const wait = leadTimeSeconds - processTimeSeconds;
  return {
    processTimeSeconds,
    leadTimeSeconds,
    waitTimeSeconds: Number.isFinite(wait) ? Math.round(wait * 1000) / 1000 : wait,
  };
}

function parsePeople(text: string): number | null {
  return text.trim() === '' ? null : parseNumber(text);
}

/** The step as the formulas see it; fields not filled in yet are NaN, so validateMap flags them. */
export function toMapStep(step: DraftStep, calendar: WorkingCalendar): MapStep {
  const { processTimeSeconds, leadTimeSeconds } = stepSeconds(step, calendar);
  return {
    name: step.name,
    processTimeSeconds,
    leadTimeSeconds,
    pctCompleteAccurate: parseNumber(step.pctCompleteAccurate),
    people: parsePeople(step.people),
    wastes: step.wastes,
    notes: step.notes,
  };
}

/** The step as the server takes it. Only meaningful once draftIssues() finds nothing. */
export function toPayload(step: DraftStep, calendar: WorkingCalendar): StepPayload {
  const s = toMapStep(step, calendar);
  return {
    ...s,
    name: step.name.trim(),
    processTimeUnit: step.processTimeUnit,
    leadTimeUnit: step.timeEntry === 'wait' ? step.waitTimeUnit : step.leadTimeUnit,
    timeEntry: step.timeEntry,
  };
}

const serverField: Record<string, StepField> = {
  name: 'name',
  processTimeSeconds: 'processTime',
  processTime: 'processTime',
  leadTimeSeconds: 'leadTime',
  leadTime: 'leadTime',
  pctCompleteAccurate: 'pctCompleteAccurate',
  people: 'people',
  wastes: 'wastes',
  notes: 'notes',
};

/** `steps.2.processTimeSeconds` (the server's name) -> `steps.2.processTime` (the editor's); null if not a step field. */
export function editorPath(path: string): string | null {
  const match = /^steps\.(\d+)\.([A-Za-z]+)/.exec(path);
  if (!match) return path === 'steps' ? 'steps' : null;
  const field = serverField[match[2] ?? ''];
  return field ? `steps.${match[1]}.${field}` : null;
}

/**
 * Everything wrong with the steps, each at its field: the map's rules (validateMap) first, then
 * the server's limits (stepInput) where validateMap has nothing to say. When wait time was entered,
 * a negative wait time is said as such, on the wait time field.
 */
export function draftIssues(steps: readonly DraftStep[], calendar: WorkingCalendar): MapIssue[] {
  const issues = validateMap(steps.map((s) => toMapStep(s, calendar)));
  const taken = new Set(issues.map((i) => i.path));
  steps.forEach((step, i) => {
    if (step.timeEntry === 'wait') {
      const wt = parseNumber(step.waitTime);
      const ltPath = `steps.${i}.leadTime`;
      const ptPath = `steps.${i}.processTime`;
      if (Number.isFinite(wt) && wt < 0) {
        const at = issues.findIndex(
          (issue) => issue.path === ptPath && issue.message.includes('longer than lead time'),
        );
        if (at >= 0) issues.splice(at, 1);
        if (!taken.has(ltPath))
          issues.push({ path: ltPath, message: 'Wait time cannot be negative.' });
        taken.add(ltPath);
      } else {
        for (const issue of issues)
          if (issue.path === ltPath)
            issue.message = issue.message.replace('lead time', 'wait time');
      }
    }
    const people = parsePeople(step.people);
    const parsed = stepInput.safeParse({
      ...toPayload(step, calendar),
      people: people !== null && Number.isNaN(people) ? null : people,
    });
    if (parsed.success) return;
    for (const zodIssue of parsed.error.issues) {
      const path = editorPath(`steps.${i}.${zodIssue.path.join('.')}`);
      if (!path || taken.has(path)) continue;
      issues.push({ path, message: zodIssue.message });
      taken.add(path);
    }
  });
  return issues;
}

/** The first message per path. */
export function issuesByPath(issues: readonly MapIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}

/** Switches every step between entering lead time and entering wait time, carrying the numbers over. */
export function withTimeEntry(
  steps: readonly DraftStep[],
  entry: TimeEntry,
  calendar: WorkingCalendar,
): DraftStep[] {
  const cal = safeCalendar(calendar);
  return steps.map((step) => {
    if (step.timeEntry === entry) return step;
    const { leadTimeSeconds, waitTimeSeconds } = stepSeconds(step, cal);
    if (entry === 'wait') {
      const shown = Number.isFinite(waitTimeSeconds)
        ? readable(waitTimeSeconds, step.leadTimeUnit, cal)
        : null;
      return {
        ...step,
        timeEntry: entry,
        waitTime: shown?.text ?? step.waitTime,
        waitTimeUnit: shown?.unit ?? step.leadTimeUnit,
      };
    }
    const shown = Number.isFinite(leadTimeSeconds)
      ? readable(leadTimeSeconds, step.leadTimeUnit, cal)
      : null;
    return {
      ...step,
      timeEntry: entry,
      leadTime: shown?.text ?? step.leadTime,
      leadTimeUnit: shown?.unit ?? step.leadTimeUnit,
    };
  });
}

/** Which step of a list a path like `steps.3.name` points at. */
export function stepIndexOf(path: string): number | null {
  const match = /^steps\.(\d+)\./.exec(path);
  return match ? Number(match[1]) : null;
}
