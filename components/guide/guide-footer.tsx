'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { guideSteps } from '@/lib/validation/guide';
import { formatTime } from '@/lib/format';
import { lastStep } from './guide-state';

interface GuideFooterProps {
  step: number;
  busy: 'next' | 'leave' | 'save' | null;
  /** The stream is saved: nothing more to do here. */
  saved: boolean;
  hasDraft: boolean;
  savedAt: Date | null;
  formError?: string;
  onBack: () => void;
  onNext: () => void;
  onSaveAndLeave: () => void;
  onSaveStream: () => void;
}

/** Back, Save and leave, and Next (or Save the stream on the last step). */
export function GuideFooter({
  step,
  busy,
  saved,
  hasDraft,
  savedAt,
  formError,
  onBack,
  onNext,
  onSaveAndLeave,
  onSaveStream,
}: GuideFooterProps) {
  if (saved) return null;
  const nextTitle = guideSteps[step]?.title;
  return (
    <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border dark:border-slate-700 dark:bg-slate-900/95">
      <FormError message={formError} />
      <div className="flex flex-wrap items-center gap-2">
        {step > 1 ? (
          <Button type="button" variant="secondary" onClick={onBack} disabled={busy !== null}>
            ← Back
          </Button>
        ) : null}
        <Button
          type="button"
          variant="ghost"
          onClick={onSaveAndLeave}
          pending={busy === 'leave'}
          disabled={busy !== null}
        >
          Save and leave
        </Button>
        <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {savedAt ? `Draft saved at ${formatTime(savedAt)}.` : hasDraft ? 'Draft.' : ''}
        </span>
        <div className="ml-auto">
          {step < lastStep ? (
            <Button
              type="button"
              onClick={onNext}
              pending={busy === 'next'}
              disabled={busy !== null}
            >
              <span>
                Next<span className="hidden sm:inline">: {nextTitle}</span> →
              </span>
            </Button>
          ) : (
            <Button
              type="button"
              onClick={onSaveStream}
              pending={busy === 'save'}
              disabled={busy !== null}
            >
              Save the stream
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
