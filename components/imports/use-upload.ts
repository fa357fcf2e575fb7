'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { headerOfKey, type CsvRowError } from '@/lib/csv/cells';
import { IMPORT_CONTENT_TYPE, readEvents } from '@/lib/imports/wire';
import { useTRPC } from '@/components/trpc/client';
import { formatNumber } from '@/lib/format';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'saving'; total: number }
  | { phase: 'done'; added: number; replaced: number; skipped: number; totalRows: number }
  | { phase: 'failed'; message: string; errors: CsvRowError[] };

const nothing = 'Nothing was imported.';

/** What a refused request says (a JSON error), as one sentence. */
async function refusal(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON: fall through
  }
  return `The server answered ${response.status}.`;
}

/**
 * Sends the checked rows in one request; the server checks them again as it reads them (the
 * progress) and saves them all or none. Leaving the page stops the import: nothing is saved.
 */
export function useUpload(orgSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** Sends the body the worker prepared (lines of JSON, lib/imports/wire) for `total` rows. */
  const upload = async (body: Blob, total: number) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'sending', sent: 0, total });
    try {
      const response = await fetch(`/api/imports?org=${encodeURIComponent(orgSlug)}`, {
        method: 'POST',
        headers: { 'content-type': IMPORT_CONTENT_TYPE },
        body,
        signal: abort.signal,
      });
      if (!response.ok || !response.body)
        return setState({
          phase: 'failed',
          message: `${await refusal(response)} ${nothing}`,
          errors: [],
        });
      for await (const event of readEvents(response.body)) {
        switch (event.type) {
          case 'progress':
            setState({ phase: 'sending', sent: event.checked, total: event.total });
            break;
          case 'saving':
            setState({ phase: 'saving', total: event.total });
            break;
          case 'refused': {
            const errors = event.errors.map((e) => ({
              row: e.row,
              column: headerOfKey.get(e.field) ?? e.field,
              message: e.message,
            }));
            const more =
              event.errorCount > errors.length
                ? ` (${formatNumber(event.errorCount, 0)} in all; the first ${formatNumber(errors.length, 0)} below)`
                : '';
            return setState({
              phase: 'failed',
              message: `The server refused some rows${more}, so nothing was imported.`,
              errors,
            });
          }
          case 'failed':
            return setState({
              phase: 'failed',
              message: `${event.message} ${nothing}`,
              errors: [],
            });
          case 'done':
            setState({
              phase: 'done',
              added: event.added,
              replaced: event.replaced,
              skipped: event.skipped,
              totalRows: event.totalRows,
            });
            await queryClient.invalidateQueries({ queryKey: trpc.measurements.pathKey() });
            await queryClient.invalidateQueries({
              queryKey: trpc.imports.list.queryKey({ orgSlug }),
            });
            return;
        }
      }
      setState({
        phase: 'failed',
        message:
          'The connection closed before the server said whether the import was saved: look for it in the import history before trying again.',
        errors: [],
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = error instanceof Error ? error.message : String(error);
      setState({
        phase: 'failed',
        message: `The import could not reach the server (${detail}). ${nothing}`,
        errors: [],
      });
    }
  };
  return { state, upload, reset: () => setState({ phase: 'idle' }) };
}
