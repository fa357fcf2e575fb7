'use client';

import { Badge } from '@/components/ui/card';
import type { RouterOutputs } from '@/components/trpc/types';
import { formatDateTime } from '@/lib/format';
import {
  asSnapshot,
  auditChanges,
  auditSubject,
  auditValues,
  type AuditFormat,
} from './audit-changes';

export type AuditRow = RouterOutputs['measurements']['audit'][number];

/** One audit row: who did what to which measurement, when, and the values before and after. */
export function AuditEntry({
  row,
  format,
  streamName,
}: {
  row: AuditRow;
  format: AuditFormat;
  streamName: string;
}) {
  const before = asSnapshot(row.before) ?? {};
  const after = asSnapshot(row.after);
  const subject = auditSubject(after ?? before);
  const deleted = row.action === 'delete' || !after;
  const lines = after ? auditChanges(before, after, format) : [];
  const held = deleted ? auditValues(before, format) : [];
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="audit-entry"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <Badge tone={deleted ? 'red' : 'indigo'}>{deleted ? 'Deleted' : 'Changed'}</Badge>
          <span>
            <span className="font-medium">{streamName}</span>
            <span className="text-slate-600 dark:text-slate-400">
              {' '}
              · {subject.step || 'Whole stream'} · {subject.period}
            </span>
          </span>
        </div>
        <p className="text-slate-600 dark:text-slate-400">
          {row.actorName ?? 'A deleted user'} ·{' '}
          <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
        </p>
      </div>
      {deleted ? (
        held.length ? (
          <dl
            className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]"
            aria-label="What it held"
          >
            {held.map((l) => (
              <div key={l.key} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{l.label}</dt>
                <dd className="text-slate-500 tabular-nums line-through decoration-slate-400 dark:text-slate-400">
                  {l.value}
                </dd>
              </div>
            ))}
          </dl>
        ) : null
      ) : lines.length ? (
        <dl
          className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]"
          aria-label="What changed"
        >
          {lines.map((l) => (
            <div key={l.key} className="contents">
              <dt className="text-slate-500 dark:text-slate-400">{l.label}</dt>
              <dd className="tabular-nums">
                <span className="text-slate-500 dark:text-slate-400">{l.before}</span> →{' '}
                <span className="font-medium text-slate-900 dark:text-slate-100">{l.after}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-2 text-slate-500 dark:text-slate-400">Saved again with no change.</p>
      )}
    </li>
  );
}
