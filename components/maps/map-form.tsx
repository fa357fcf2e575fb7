'use client';

import type { MapState } from '@/lib/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { FormError, inputClass } from '@/components/ui/field';
import { MapComparison } from '@/components/vsm/map-comparison';
import { ValueStreamMap } from '@/components/vsm/value-stream-map';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { compareMaps, computeMap, defaultCalendar, type WorkingCalendar } from '@/lib/vsm';
import { mapTitles } from '@/lib/labels';
import {
  draftFromSaved,
  draftIssues,
  emptyStep,
  safeCalendar,
  toMapStep,
  toPayload,
  type DraftStep,
} from './draft-steps';
import {
  BackLink,
  savedMapSteps,
  streamHref,
  versionLine,
  type LoadedStream,
  type SavedMap,
} from './map-data';
import { serverFieldErrors } from './server-errors';
import { focusFirstInvalid, StepsEditor } from './steps-editor';
import { useUnsavedChanges } from './use-unsaved-changes';
import { DurationViewSwitch } from '@/components/ui/duration-view';

interface MapFormProps {
  stream: LoadedStream;
  /** The latest saved version, or null for a map not made yet. */
  map: SavedMap | null;
  state: MapState;
  /** For the future state: the latest current state, to start from and compare with. */
  currentMap: SavedMap | null;
}

function calendarOf(map: SavedMap | null): WorkingCalendar {
  return map
    ? safeCalendar({ hoursPerDay: Number(map.hoursPerDay), daysPerWeek: Number(map.daysPerWeek) })
    : defaultCalendar;
}

/** What the form holds, without the steps' keys: equal snapshots mean nothing changed. */
function snapshot(steps: DraftStep[], calendar: WorkingCalendar, note: string): string {
  return JSON.stringify({
    steps: steps.map(({ key: _key, ...rest }) => rest),
    calendar,
    note: note.trim(),
  });
}

/** Edits a map and saves it as a new version. */
export function MapForm({ stream, map, state, currentMap }: MapFormProps) {
  const startFrom = state === 'future' && !map ? currentMap : null;
  const org = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const noteId = useId();
  const source = map ?? startFrom;
  const [calendar, setCalendar] = useState<WorkingCalendar>(() => calendarOf(source));
  const [steps, setSteps] = useState<DraftStep[]>(() =>
    source && source.steps.length > 0
      ? source.steps.map((s) => draftFromSaved(s, calendarOf(source)))
      : [emptyStep()],
  );
  const [note, setNote] = useState('');
  const [initial] = useState(() => snapshot(steps, calendar, note));
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [calendarValid, setCalendarValid] = useState(true);
  const save = useMutation(trpc.maps.save.mutationOptions());

  const dirty = !saved && snapshot(steps, calendar, note) !== initial;
  useUnsavedChanges(dirty);

  const changeSteps = (next: DraftStep[]) => {
    setSteps(next);
    setServerErrors({});
    setFormError(undefined);
  };

  async function onSave(e: React.FormEvent) {
    e.preventDefault();
    setShowAllErrors(true);
    const issues = draftIssues(steps, calendar);
    if (!calendarValid) {
      setFormError('Fix the working calendar to save.');
      focusFirstInvalid();
      return;
    }
    if (issues.length > 0) {
      setFormError(
        issues.length === 1
          ? `${issues[0]?.message ?? ''} Fix it to save.`
          : `${issues.length} fields need attention before the map can be saved.`,
      );
      focusFirstInvalid();
      return;
    }
    setFormError(undefined);
    try {
      await save.mutateAsync({
        orgSlug: org.slug,
        streamId: stream.id,
        state,
        calendar,
        steps: steps.map((s) => toPayload(s, calendar)),
        note: note.trim(),
        baseVersion: map?.version ?? 0,
      });
      setSaved(true);
      router.push(streamHref(org.slug, stream.id));
      // After leaving: refetching this map first would reset the form under the person's eyes.
      void queryClient.invalidateQueries({ queryKey: trpc.maps.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.streams.pathKey() });
    } catch (error) {
      const fields = serverFieldErrors(error);
      setServerErrors(fields);
      setFormError(errorMessage(error));
      focusFirstInvalid();
    }
  }

  const cal = safeCalendar(calendar);
  const result = computeMap(steps.map((s) => toMapStep(s, cal)));

  const title = mapTitles[state];

  return (
    <form onSubmit={onSave} noValidate className="space-y-6">
      <BackLink org={org.slug} stream={stream} />
      <PageHeader
        title={title}
        description={`${stream.name} · ${versionLine(map)}${map ? ' Saving makes a new version; earlier ones are kept.' : ''}`}
      />
      {startFrom ? (
        <p className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-200">
          This future state starts as a copy of the current state (version {startFrom.version}).
          Change it into the target, then save.
        </p>
      ) : null}

      <Card className="p-4 sm:p-5">
        <h2 className="mb-4 text-lg font-semibold">Steps</h2>
        <StepsEditor
          value={steps}
          onChange={changeSteps}
          calendar={calendar}
          onCalendarChange={(c) => {
            setCalendar(c);
            setServerErrors({});
          }}
          onCalendarValidityChange={setCalendarValid}
          errors={serverErrors}
          showAllErrors={showAllErrors}
          label={`Steps of the ${title.toLowerCase()}`}
        />
      </Card>

      {result.ok ? (
        <Card className="p-4 sm:p-5">
          <h2 className="mb-3 text-lg font-semibold">Preview</h2>
          <DurationViewSwitch calendars={cal} className="mb-3" />
          {state === 'future' && currentMap ? (
            <ComparisonPreview current={currentMap} futureSteps={steps} calendar={cal} />
          ) : (
            <ValueStreamMap
              steps={steps.map((s) => toMapStep(s, cal))}
              totals={result.totals}
              calendar={cal}
              title={`${title}: ${stream.name}`}
            />
          )}
        </Card>
      ) : null}

      <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border dark:border-slate-700 dark:bg-slate-900/95">
        <FormError message={formError} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-56 flex-1">
            <label
              htmlFor={noteId}
              className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200"
            >
              What changed? <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input
              id={noteId}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
              placeholder="e.g. Picking now starts twice a day"
              className={inputClass}
            />
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" asChild>
              <Link href={streamHref(org.slug, stream.id)}>Cancel</Link>
            </Button>
            <Button
              type="submit"
              pending={save.isPending}
              disabled={map !== null && !dirty}
              title={map !== null && !dirty ? 'Nothing has changed since this version.' : undefined}
            >
              {map ? 'Save new version' : 'Save map'}
            </Button>
          </div>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {dirty
            ? 'Unsaved changes.'
            : map
              ? 'No changes yet: this is the saved version.'
              : 'Not saved yet.'}
        </p>
      </div>
    </form>
  );
}

/** A new future state next to the current state it started from. */
function ComparisonPreview({
  current,
  futureSteps,
  calendar,
}: {
  current: SavedMap;
  futureSteps: DraftStep[];
  calendar: WorkingCalendar;
}) {
  const currentSteps = savedMapSteps(current);
  const currentResult = computeMap(currentSteps);
  const future = futureSteps.map((s) => toMapStep(s, calendar));
  const futureResult = computeMap(future);
  if (!currentResult.ok || !futureResult.ok) return null;
  return (
    <MapComparison
      current={{ steps: currentSteps, totals: currentResult.totals }}
      future={{ steps: future, totals: futureResult.totals }}
      delta={compareMaps(currentResult.totals, futureResult.totals)}
      calendar={calendar}
    />
  );
}
