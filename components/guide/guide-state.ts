/**
 * What the identification guide holds between its steps, and how it goes to and from the draft
 * stream (streams.saveDraft keeps it in the stream's `guide`, so it can be resumed).
 */
import type { z } from 'zod';
import {
  draftFromSaved,
  parseNumber,
  safeCalendar,
  stepSeconds,
  type DraftStep,
  type StepField,
} from '@/components/maps/draft-steps';
import type { LoadedStream } from '@/components/maps/map-data';
import { guideData, guideSteps } from '@/lib/validation/guide';
import { emptyStream, type StreamFieldsInput } from '@/lib/validation/streams';
import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm';

export type GuideData = z.input<typeof guideData>;
export type GuideStepKey = (typeof guideSteps)[number]['key'];
export const lastStep = guideSteps.length;

export interface GuideNotes {
  purposeNotes: string;
  interviewNotes: string;
  improvementNotes: string;
}

export interface GuideStart {
  draftId: string | null;
  step: number;
  fields: StreamFieldsInput;
  steps: DraftStep[];
  calendar: WorkingCalendar;
  notes: GuideNotes;
}

export const emptyNotes: GuideNotes = {
  purposeNotes: '',
  interviewNotes: '',
  improvementNotes: '',
};

/** The stream fields each step of the guide asks for. */
export const fieldsByStep: Record<number, (keyof StreamFieldsInput)[]> = {
  1: ['name', 'kind', 'type', 'customer', 'valueDelivered', 'description', 'ownerId'],
  2: ['trigger'],
  6: [
    'customerInteraction',
    'workPattern',
    'feedbackLoop',
    'teamComposition',
    'wasteKind',
    'iterationPace',
  ],
};

/** The step of the guide where a stream field is asked. */
export function stepOfField(field: string): number {
  for (const [step, fields] of Object.entries(fieldsByStep))
    if ((fields as string[]).includes(field)) return Number(step);
  return 1;
}

/** The step of the guide where a map field (`steps.2.processTime`) is asked. */
export function stepOfMapPath(path: string): number {
  const field = /^steps\.\d+\.(\w+)/.exec(path)?.[1] as StepField | undefined;
  if (!field || field === 'name') return 2;
  if (field === 'wastes') return 4;
  if (field === 'notes') return 5;
  return 3;
}

export function newGuide(): GuideStart {
  return {
    draftId: null,
    step: 1,
    fields: { ...emptyStream },
    steps: [],
    calendar: defaultCalendar,
    notes: emptyNotes,
  };
}

/** A draft stream, back in the guide where it was left. */
export function guideFromStream(stream: LoadedStream): GuideStart {
  const parsed = guideData.partial().safeParse(stream.guide ?? {});
  const guide = parsed.success ? parsed.data : {};
  const calendar = safeCalendar({
    hoursPerDay: guide.hoursPerDay ?? defaultCalendar.hoursPerDay,
    daysPerWeek: guide.daysPerWeek ?? defaultCalendar.daysPerWeek,
  });
  const fields = Object.fromEntries(
    Object.keys(emptyStream).map((k) => [k, stream[k as keyof StreamFieldsInput]]),
  ) as StreamFieldsInput;
  return {
    draftId: stream.id,
    step: Math.min(lastStep, Math.max(1, guide.step ?? 1)),
    fields,
    steps: (guide.steps ?? []).map((s) => draftFromSaved(s, calendar)),
    calendar,
    notes: {
      purposeNotes: guide.purposeNotes ?? '',
      interviewNotes: guide.interviewNotes ?? '',
      improvementNotes: guide.improvementNotes ?? '',
    },
  };
}

const inRange = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;

/** A step as a draft keeps it: whatever is filled in and valid so far (the draft must always save). */
function draftStepData(step: DraftStep, calendar: WorkingCalendar) {
  const { processTimeSeconds, leadTimeSeconds } = stepSeconds(step, calendar);
  const pct = parseNumber(step.pctCompleteAccurate);
  const people = parseNumber(step.people);
  return {
    name: step.name.slice(0, 120),
    ...(inRange(processTimeSeconds, 0, 1e12) ? { processTimeSeconds } : {}),
    ...(inRange(leadTimeSeconds, 0, 1e12) ? { leadTimeSeconds } : {}),
    processTimeUnit: step.processTimeUnit,
    leadTimeUnit: step.timeEntry === 'wait' ? step.waitTimeUnit : step.leadTimeUnit,
    timeEntry: step.timeEntry,
    ...(inRange(pct, 0, 100) ? { pctCompleteAccurate: pct } : {}),
    ...(Number.isInteger(people) && inRange(people, 0, 100000) ? { people } : {}),
    wastes: step.wastes,
    notes: step.notes.slice(0, 2000),
  };
}

export function guidePayload(
  step: number,
  steps: DraftStep[],
  calendar: WorkingCalendar,
  notes: GuideNotes,
): GuideData {
  const cal = safeCalendar(calendar);
  return {
    step,
    purposeNotes: notes.purposeNotes.slice(0, 4000),
    interviewNotes: notes.interviewNotes.slice(0, 8000),
    improvementNotes: notes.improvementNotes.slice(0, 8000),
    steps: steps.slice(0, 100).map((s) => draftStepData(s, cal)),
    hoursPerDay: cal.hoursPerDay,
    daysPerWeek: cal.daysPerWeek,
  };
}
