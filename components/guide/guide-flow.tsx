'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import {
  draftIssues,
  emptyStep,
  safeCalendar,
  toPayload,
  type DraftStep,
} from '@/components/maps/draft-steps';
import { serverFieldErrors } from '@/components/maps/server-errors';
import { focusFirstInvalid } from '@/components/maps/steps-editor';
import { useUnsavedChanges } from '@/components/maps/use-unsaved-changes';
import { useOrg } from '@/components/shell/org-context';
import { Card } from '@/components/ui/card';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { guideSteps } from '@/lib/validation/guide';
import {
  emptyStream,
  streamFields,
  type StreamFields,
  type StreamFieldsInput,
} from '@/lib/validation/streams';
import { GuideFooter } from './guide-footer';
import { GuidePanel } from './guide-panel';
import {
  fieldsByStep,
  guidePayload,
  lastStep,
  stepOfField,
  stepOfMapPath,
  type GuideNotes,
  type GuideStart,
} from './guide-state';
import { StepIndicator } from './step-indicator';

type Busy = 'next' | 'leave' | 'save' | null;
const fieldKeys = Object.keys(emptyStream) as (keyof StreamFieldsInput)[];
const isField = (key: string): key is keyof StreamFieldsInput =>
  (fieldKeys as string[]).includes(key);

function snapshot(
  values: Partial<StreamFieldsInput>,
  steps: DraftStep[],
  calendar: unknown,
  notes: GuideNotes,
): string {
  return JSON.stringify({
    f: fieldKeys.map((k) => values[k] ?? null),
    s: steps.map(({ key: _k, ...rest }) => rest),
    calendar,
    notes,
  });
}

/** The identification guide, step by step, saving a draft stream on every Next. */
export function GuideFlow({
  start,
  onCreated,
}: {
  start: GuideStart;
  onCreated?: (id: string) => void;
}) {
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<StreamFieldsInput, unknown, StreamFields>({
    resolver: zodResolver(streamFields),
    defaultValues: start.fields,
    mode: 'onTouched',
  });
  const values = useWatch({ control: form.control });
  const [draftId, setDraftId] = useState(start.draftId);
  const [step, setStep] = useState(start.step);
  const [reached, setReached] = useState(start.step);
  const [steps, setSteps] = useState<DraftStep[]>(() =>
    start.steps.length > 0 ? start.steps : [emptyStep()],
  );
  const [calendar, setCalendar] = useState(start.calendar);
  const [calendarValid, setCalendarValid] = useState(true);
  const [notes, setNotes] = useState(start.notes);
  const [showErrors, setShowErrors] = useState(false);
  const [mapErrors, setMapErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState<Busy>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string; version: number } | null>(null);
  const [savedSnapshot, setSavedSnapshot] = useState(() =>
    snapshot(
      start.fields,
      start.steps.length > 0 ? start.steps : steps,
      start.calendar,
      start.notes,
    ),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const saveDraft = useMutation(trpc.streams.saveDraft.mutationOptions());
  const complete = useMutation(trpc.streams.completeGuide.mutationOptions());

  useUnsavedChanges(
    saved === null && busy === null && snapshot(values, steps, calendar, notes) !== savedSnapshot,
  );

  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  const goTo = (n: number, opts: { showErrors?: boolean } = {}) => {
    setStep(n);
    setReached((r) => Math.max(r, n));
    setCalendarValid(true); // the calendar inputs show the last valid calendar when they are back
    setShowErrors(opts.showErrors ?? false);
    if (!opts.showErrors) setFormError(undefined);
  };

  /** Puts the server's messages on their fields and opens the first step that has one. */
  const showServerError = (error: unknown) => {
    const byStep: number[] = [];
    const forMap: Record<string, string> = {};
    for (const [key, message] of Object.entries(serverFieldErrors(error))) {
      const field = key.replace(/^fields\./, '');
      if (isField(field)) {
        form.setError(field as Path<StreamFieldsInput>, { type: 'server', message });
        byStep.push(stepOfField(field));
      } else if (key === 'steps' || key.startsWith('steps.')) {
        forMap[key] = message;
        byStep.push(key === 'steps' ? 2 : stepOfMapPath(key));
      } else if (key.startsWith('calendar.')) {
        forMap[key] = message;
        byStep.push(3);
      }
    }
    setMapErrors(forMap);
    setFormError(errorMessage(error));
    if (byStep.length > 0) goTo(Math.min(...byStep), { showErrors: true });
    focusFirstInvalid();
  };

  /** Saves the draft (creating it the first time); the id, or null after showing what went wrong. */
  const persist = async (guideStep: number): Promise<string | null> => {
    const parsed = streamFields.safeParse(form.getValues());
    if (!parsed.success) {
      await form.trigger();
      const first = parsed.error.issues[0]?.path[0];
      goTo(typeof first === 'string' ? stepOfField(first) : 1, { showErrors: true });
      focusFirstInvalid();
      return null;
    }
    try {
      const fields = form.getValues();
      const { id } = await saveDraft.mutateAsync({
        orgSlug: org.slug,
        id: draftId ?? undefined,
        fields,
        guide: guidePayload(guideStep, steps, calendar, notes),
      });
      if (!draftId) {
        setDraftId(id);
        onCreated?.(id);
        router.replace(`/${org.slug}/streams/new?draft=${id}`, { scroll: false });
        // Keep the owner the server chose: the next save sends the fields again, owner included.
        const stream = await queryClient
          .fetchQuery(trpc.streams.get.queryOptions({ orgSlug: org.slug, id }))
          .catch(() => null);
        if (stream) form.setValue('ownerId', stream.ownerId);
      }
      setSavedSnapshot(snapshot(form.getValues(), steps, calendar, notes));
      setSavedAt(new Date());
      return id;
    } catch (error) {
      showServerError(error);
      return null;
    }
  };

  /** Checks what the current step asks for; shows the messages and returns false when something is missing. */
  const validateStep = async (n: number): Promise<boolean> => {
    let ok = true;
    const fields = fieldsByStep[n];
    if (fields) ok = await form.trigger(fields);
    const wanted: Record<number, RegExp> = {
      2: /^steps$|\.name$/,
      3: /\.(processTime|leadTime|pctCompleteAccurate|people)$/,
      4: /\.wastes$/,
      5: /\.notes$/,
    };
    const pattern = wanted[n];
    if (pattern && draftIssues(steps, safeCalendar(calendar)).some((i) => pattern.test(i.path)))
      ok = false;
    if (n === 3 && !calendarValid) ok = false;
    if (!ok) {
      setShowErrors(true);
      setFormError('Some fields need attention.');
      focusFirstInvalid();
    }
    return ok;
  };

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  const next = () =>
    run('next', async () => {
      if (!(await validateStep(step))) return;
      if (await persist(step + 1)) goTo(step + 1);
    });

  const saveAndLeave = () =>
    run('leave', async () => {
      if (await persist(step)) router.push(`/${org.slug}/streams`);
    });

  const saveStream = () =>
    run('save', async () => {
      const cal = safeCalendar(calendar);
      const issues = draftIssues(steps, cal);
      const first = issues[0];
      if (first) {
        const n = first.path === 'steps' ? 2 : stepOfMapPath(first.path);
        goTo(n, { showErrors: true });
        setFormError(
          `Step ${n}, ${guideSteps[n - 1]?.title.toLowerCase()}, needs attention: ${first.message}`,
        );
        focusFirstInvalid();
        return;
      }
      const id = await persist(lastStep);
      if (!id) return;
      try {
        const result = await complete.mutateAsync({
          orgSlug: org.slug,
          id,
          calendar: cal,
          steps: steps.map((s) => toPayload(s, cal)),
          guide: guidePayload(lastStep, steps, cal, notes),
        });
        setSaved({ id, name: form.getValues('name').trim(), version: result.version });
        setFormError(undefined);
        await queryClient.invalidateQueries({ queryKey: trpc.streams.pathKey() });
      } catch (error) {
        showServerError(error);
      }
    });

  const changeSteps = (nextSteps: DraftStep[]) => {
    setSteps(nextSteps);
    setMapErrors({});
  };
  const meta = guideSteps[step - 1];

  return (
    <div className="space-y-6">
      <StepIndicator
        current={step}
        reached={reached}
        onSelect={(n) => goTo(n)}
        disabled={busy !== null || saved !== null}
        complete={saved !== null}
      />
      <Card className="p-4 sm:p-6">
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
          <span className="text-slate-500 dark:text-slate-400">Step {step}.</span> {meta?.title}
        </h2>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">{meta?.help}</p>
        <GuidePanel
          step={step}
          form={form}
          steps={steps}
          onStepsChange={changeSteps}
          calendar={calendar}
          onCalendarChange={setCalendar}
          onCalendarValidityChange={setCalendarValid}
          notes={notes}
          onNotesChange={(patch) => setNotes((n) => ({ ...n, ...patch }))}
          showErrors={showErrors}
          mapErrors={mapErrors}
          onGoToStep={(n) => goTo(n, { showErrors: true })}
          saved={saved}
        />
      </Card>
      <GuideFooter
        step={step}
        busy={busy}
        saved={saved !== null}
        hasDraft={draftId !== null}
        savedAt={savedAt}
        formError={formError}
        onBack={() => goTo(step - 1)}
        onNext={next}
        onSaveAndLeave={saveAndLeave}
        onSaveStream={saveStream}
      />
    </div>
  );
}
