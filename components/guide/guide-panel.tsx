'use client';

import { useWatch } from 'react-hook-form';
import type { DraftStep } from '@/components/maps/draft-steps';
import { StepsEditor } from '@/components/maps/steps-editor';
import { Field, inputClass } from '@/components/ui/field';
import type { WorkingCalendar } from '@/lib/vsm';
import type { GuideNotes } from './guide-state';
import { ImproveStep } from './improve-step';
import { MapStreamStep } from './map-stream-step';
import { NotesField, PurposeStep, type StreamForm } from './purpose-step';

interface GuidePanelProps {
  step: number;
  form: StreamForm;
  steps: DraftStep[];
  onStepsChange: (steps: DraftStep[]) => void;
  calendar: WorkingCalendar;
  onCalendarChange: (calendar: WorkingCalendar) => void;
  onCalendarValidityChange: (valid: boolean) => void;
  notes: GuideNotes;
  onNotesChange: (patch: Partial<GuideNotes>) => void;
  showErrors: boolean;
  mapErrors: Record<string, string>;
  onGoToStep: (step: number) => void;
  saved: { id: string; name: string; version: number } | null;
}

/** The body of one step of the guide. */
export function GuidePanel(props: GuidePanelProps) {
  const {
    step,
    form,
    steps,
    onStepsChange,
    calendar,
    notes,
    onNotesChange,
    showErrors,
    mapErrors,
  } = props;
  const editor = {
    value: steps,
    onChange: onStepsChange,
    calendar,
    errors: mapErrors,
    showAllErrors: showErrors,
  };
  switch (step) {
    case 1:
      return (
        <PurposeStep
          form={form}
          purposeNotes={notes.purposeNotes}
          onPurposeNotesChange={(purposeNotes) => onNotesChange({ purposeNotes })}
        />
      );
    case 2:
      return <HighLevelStep {...props} />;
    case 3:
      return (
        <StepsEditor
          {...editor}
          onCalendarChange={props.onCalendarChange}
          onCalendarValidityChange={props.onCalendarValidityChange}
          sections={{ times: true, wastes: false, notes: false }}
          label="Details of each step"
        />
      );
    case 4:
      return (
        <div className="space-y-4">
          <WasteLegend />
          <StepsEditor
            {...editor}
            sections={{ times: false, wastes: true, notes: false }}
            structural={false}
            label="Waste at each step"
          />
        </div>
      );
    case 5:
      return (
        <div className="space-y-6">
          <NotesField
            label="Interview notes"
            value={notes.interviewNotes}
            onChange={(interviewNotes) => onNotesChange({ interviewNotes })}
            maxLength={8000}
            rows={5}
            hint="Who you talked to, the pain points they see and their ideas."
            placeholder="e.g. Pickers: the batch list comes out once a day, so orders after 10:00 wait until tomorrow."
          />
          <div>
            <h3 className="mb-2 text-sm font-semibold">Notes per step</h3>
            <StepsEditor
              {...editor}
              sections={{ times: false, wastes: false, notes: true }}
              structural={false}
              label="Notes on each step"
            />
          </div>
        </div>
      );
    case 6:
      return (
        <MapStreamStep
          form={form}
          steps={steps}
          calendar={calendar}
          onGoToStep={props.onGoToStep}
        />
      );
    default:
      return (
        <ImproveStep
          steps={steps}
          calendar={calendar}
          notes={notes.improvementNotes}
          onNotesChange={(improvementNotes) => onNotesChange({ improvementNotes })}
          saved={props.saved}
        />
      );
  }
}

function HighLevelStep({
  form,
  steps,
  onStepsChange,
  calendar,
  showErrors,
  mapErrors,
}: GuidePanelProps) {
  const kind = useWatch({ control: form.control, name: 'kind' });
  const error = form.formState.errors.trigger?.message;
  return (
    <div className="space-y-6">
      <Field
        label="Trigger: the customer request that starts the stream"
        error={error}
        hint="Where the stream begins."
      >
        {(ids) => (
          <input
            {...ids}
            placeholder={
              kind === 'operational'
                ? 'e.g. A customer places an order on the website'
                : 'e.g. A feature request is accepted'
            }
            className={inputClass}
            {...form.register('trigger')}
          />
        )}
      </Field>
      <div>
        <h3 className="text-sm font-semibold">Main steps, in order</h3>
        <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">
          From the trigger to delivery. Details come next.
        </p>
        <StepsEditor
          value={steps}
          onChange={onStepsChange}
          calendar={calendar}
          errors={mapErrors}
          showAllErrors={showErrors}
          sections={{ times: false, wastes: false, notes: false }}
          label="Main steps, in order"
        />
      </div>
    </div>
  );
}

function WasteLegend() {
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      The eight wastes of Lean spell DOWNTIME. Operational streams often show waiting, motion,
      overproduction and defects; development streams show technical debt (defects, inventory) and
      over-engineering (extra-processing). Hover a tag for its meaning.
    </p>
  );
}
