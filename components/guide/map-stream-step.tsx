'use client';

import { useWatch } from 'react-hook-form';
import {
  draftIssues,
  safeCalendar,
  toMapStep,
  type DraftStep,
} from '@/components/maps/draft-steps';
import { Field, inputClass } from '@/components/ui/field';
import { MapTotalsCards } from '@/components/vsm/map-totals';
import { ValueStreamMap } from '@/components/vsm/value-stream-map';
import { comparisonLines, kindLabels } from '@/lib/labels';
import { computeMap, type WorkingCalendar } from '@/lib/vsm';
import { guideSteps } from '@/lib/validation/guide';
import { stepOfMapPath } from './guide-state';
import type { StreamForm } from './purpose-step';

interface MapStreamStepProps {
  form: StreamForm;
  steps: DraftStep[];
  calendar: WorkingCalendar;
  onGoToStep: (step: number) => void;
}

/** Step 6: the drawn map and its totals, and how this stream compares on the seed's six lines. */
export function MapStreamStep({ form, steps, calendar, onGoToStep }: MapStreamStepProps) {
  const cal = safeCalendar(calendar);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const name = useWatch({ control: form.control, name: 'name' });
  const mapSteps = steps.map((s) => toMapStep(s, cal));
  const result = computeMap(mapSteps);
  const issues = draftIssues(steps, cal);
  const problemSteps = [
    ...new Set(issues.map((i) => (i.path === 'steps' ? 2 : stepOfMapPath(i.path)))),
  ].sort((a, b) => a - b);
  const other = kind === 'operational' ? 'development' : 'operational';
  const { errors } = form.formState;

  return (
    <div className="space-y-8">
      <section aria-labelledby="guide-map-heading" className="space-y-4">
        <h3 id="guide-map-heading" className="text-base font-semibold">
          The current state
        </h3>
        {result.ok ? (
          <>
            <MapTotalsCards totals={result.totals} calendar={cal} />
            <ValueStreamMap
              steps={mapSteps}
              totals={result.totals}
              calendar={cal}
              title={`Current state: ${name.trim() || 'new stream'}`}
            />
          </>
        ) : (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
            <p className="font-medium">
              The map cannot be drawn yet:{' '}
              {issues.length === 1 ? 'one field needs' : `${issues.length} fields need`} attention.
            </p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {issues.slice(0, 5).map((issue) => (
                <li key={issue.path}>
                  {describe(issue.path, steps)}: {issue.message}
                </li>
              ))}
            </ul>
            <div className="mt-3 flex flex-wrap gap-2">
              {problemSteps.map((n) => (
                <button
                  key={n}
                  type="button"
                  onClick={() => onGoToStep(n)}
                  className="rounded-md border border-amber-400 bg-white px-2.5 py-1 text-sm font-medium hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:bg-amber-950"
                >
                  Go to step {n}: {guideSteps[n - 1]?.title}
                </button>
              ))}
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="guide-compare-heading" className="space-y-3">
        <div>
          <h3 id="guide-compare-heading" className="text-base font-semibold">
            How this {kind} stream compares
          </h3>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Optional, a few words each. The hints say what an {kind} stream typically looks like; a{' '}
            {other} stream would differ.
          </p>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          {comparisonLines.map((line) => (
            <Field
              key={line.key}
              label={line.label}
              error={errors[line.key]?.message}
              hint={`${kindLabels[other]}: ${line[other].toLowerCase()}.`}
            >
              {(ids) => (
                <input
                  {...ids}
                  placeholder={`e.g. ${line[kind]}`}
                  className={inputClass}
                  {...form.register(line.key)}
                />
              )}
            </Field>
          ))}
        </div>
      </section>
    </div>
  );
}

function describe(path: string, steps: DraftStep[]): string {
  if (path === 'steps') return 'Steps';
  const index = Number(/^steps\.(\d+)\./.exec(path)?.[1] ?? -1);
  const step = steps[index];
  return step ? `Step ${index + 1}${step.name.trim() ? ` (${step.name.trim()})` : ''}` : 'A step';
}
