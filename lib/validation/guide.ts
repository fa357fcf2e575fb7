import { z } from 'zod';
import { calendarInput, stepInput } from './maps';
import { streamFields } from './streams';
import { lineText, noteText } from './text';

/** The seven steps of identifying a value stream, from the seed text. */
export const guideSteps = [
  {
    key: 'purpose',
    title: 'Define the purpose',
    help: 'Who is the customer, and what value does this stream deliver to them?',
  },
  {
    key: 'high-level',
    title: 'Map the high-level steps',
    help: 'From the trigger (the customer request) to delivery: name the main stages in order.',
  },
  {
    key: 'details',
    title: 'Analyze the details',
    help: 'For each step: process time (touch time), lead time (elapsed), %C&A and people.',
  },
  {
    key: 'waste',
    title: 'Identify waste',
    help: 'Tag each step with the wastes you see: waiting, motion, defects, overproduction…',
  },
  {
    key: 'team',
    title: 'Talk to team members',
    help: 'Note what the people who do the work say about pain points and ideas.',
  },
  {
    key: 'map',
    title: 'Map the stream',
    help: 'Check the drawn map and its totals, then save the current state.',
  },
  {
    key: 'improve',
    title: 'Improve and optimize',
    help: 'Write down the improvements to try; start a future-state map from the current one.',
  },
] as const;

/** Free-form progress of the guide, kept on the draft stream so it can be left and resumed. */
export const guideData = z.object({
  step: z.number().int().min(1).max(guideSteps.length),
  purposeNotes: noteText(4000, { trim: false }).optional(),
  interviewNotes: noteText(8000, { trim: false }).optional(),
  improvementNotes: noteText(8000, { trim: false }).optional(),
  steps: z
    .array(stepInput.partial().extend({ name: lineText(120) }))
    .max(100)
    .optional(),
  hoursPerDay: z.number().optional(),
  daysPerWeek: z.number().optional(),
});

export const saveDraftInput = z.object({
  id: z.uuid().optional(),
  fields: streamFields,
  guide: guideData,
});

export const completeGuideInput = z.object({
  id: z.uuid(),
  calendar: calendarInput,
  steps: z.array(stepInput).max(100),
  guide: guideData,
});
