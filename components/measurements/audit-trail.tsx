'use client';

import { useQuery } from '@tanstack/react-query';
import { parseAsString, useQueryStates } from 'nuqs';
import { Button } from '@/components/ui/button';
import { Card, Skeleton } from '@/components/ui/card';
import { FormError, inputClass } from '@/components/ui/field';
import { useOrg } from '@/components/shell/org-context';
import { cn } from '@/lib/cn';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage, isCode } from '@/components/trpc/errors';
import { AuditEntry } from './audit-entry';
import { calendarLookup } from './calendar';

/** The server returns the latest 500 rows. */
const LIMIT = 500;
const isUuid = (v: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Who changed or deleted which measurement, newest first; the stream filter lives in the URL. */
export function AuditTrail() {
  const org = useOrg();
  const trpc = useTRPC();
  const [{ stream }, setParams] = useQueryStates({ stream: parseAsString }, { history: 'replace' });
  const streamId = stream && isUuid(stream) ? stream : undefined;
  const streams = useQuery(
    trpc.streams.list.queryOptions({ orgSlug: org.slug, includeArchived: true }),
  );
  const audit = useQuery({
    ...trpc.measurements.audit.queryOptions({ orgSlug: org.slug, streamId }),
    placeholderData: (previous) => previous,
  });

  const names = new Map((streams.data ?? []).map((s) => [s.id, s.name]));
  const streamName = (id: string) => names.get(id) ?? 'A deleted stream';
  const calendarOf = calendarLookup(streams.data);
  const chosen = streamId ? names.get(streamId) : undefined;
  const rows = audit.data ?? [];

  return (
    <div className="space-y-4">
      <div
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Filter the audit trail"
      >
        <label className="min-w-56 text-sm font-medium">
          Stream
          <select
            className={cn(inputClass, 'mt-1')}
            value={streamId ?? ''}
            onChange={(e) => void setParams({ stream: e.target.value || null })}
          >
            <option value="">All streams</option>
            {(streams.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.archivedAt ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </label>
        {stream ? (
          <Button
            variant="ghost"
            size="sm"
            className="mb-1"
            onClick={() => void setParams({ stream: null })}
          >
            Show all streams
          </Button>
        ) : null}
      </div>

      {audit.isPending ? (
        <ul className="space-y-2" aria-label="Loading the audit trail">
          {[0, 1, 2].map((i) => (
            <li
              key={i}
              className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
            >
              <Skeleton className="h-5 w-2/3" />
              <Skeleton className="h-4 w-1/3" />
              <Skeleton className="h-4 w-1/4" />
            </li>
          ))}
        </ul>
      ) : audit.isError ? (
        <FormError
          message={
            isCode(audit.error, 'NOT_FOUND')
              ? 'That stream was not found: it may have been deleted. Show all streams instead.'
              : errorMessage(audit.error)
          }
        />
      ) : rows.length === 0 ? (
        <Card className="text-center">
          <h2 className="font-semibold">
            {chosen
              ? `No change to the measurements of ${chosen} yet`
              : 'No change to a measurement yet'}
          </h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600 dark:text-slate-400">
            When someone edits, replaces or deletes a measurement, it shows here: who, when, and
            what it was before and after.
          </p>
        </Card>
      ) : (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
            {rows.length === 1 ? '1 change' : `${rows.length} changes`}
            {rows.length >= LIMIT
              ? ` (the latest ${LIMIT}: choose a stream to see older ones)`
              : ''}
            , newest first. A measurement moved to another stream shows under both.
          </p>
          <ol
            className={cn('space-y-2', audit.isPlaceholderData && 'opacity-60')}
            aria-label="Audit trail"
          >
            {rows.map((row) => (
              <AuditEntry
                key={row.id}
                row={row}
                streamName={row.streamName ?? streamName(row.streamId)}
                format={{ calendar: calendarOf(row.streamId), streamName }}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
