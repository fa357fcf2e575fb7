'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { headerOfKey, type CheckedRow, type CsvRowError } from '@/lib/csv/cells';
import { useTRPC } from '@/lib/trpc/client';
import { errorMessage } from '@/lib/trpc/errors';

/** Rows per request: small enough for a steady progress bar, large enough to stay fast. */
const CHUNK = 2_500;

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'saving'; total: number }
  | { phase: 'done'; added: number; replaced: number; skipped: number; totalRows: number }
  | { phase: 'failed'; message: string; errors: CsvRowError[] };

/** Sends checked rows in chunks, then commits the import: all of it or nothing. */
export function useUpload(orgSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const start = useMutation(trpc.imports.start.mutationOptions());
  const stage = useMutation(trpc.imports.stage.mutationOptions());
  const commit = useMutation(trpc.imports.commit.mutationOptions());
  const cancel = useMutation(trpc.imports.cancel.mutationOptions());

  const upload = async (fileName: string, rows: CheckedRow[]) => {
    let importId: string | undefined;
    try {
      setState({ phase: 'sending', sent: 0, total: rows.length });
      const { importId: id } = await start.mutateAsync({ orgSlug, fileName, totalRows: rows.length });
      importId = id;
      // Two chunks in flight: the server checks one while the database stores the other.
      const chunks = Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, k) => rows.slice(k * CHUNK, (k + 1) * CHUNK));
      let sent = 0;
      let refused: CsvRowError[] = [];
      const worker = async () => {
        for (let chunk = chunks.shift(); chunk && refused.length === 0; chunk = chunks.shift()) {
          const result = await stage.mutateAsync({ orgSlug, importId: id, rows: chunk });
          if (result.errors.length > 0) refused = result.errors.map((e) => ({ row: e.row, column: headerOfKey.get(e.field) ?? e.field, message: e.message }));
          sent += chunk.length;
          setState({ phase: 'sending', sent, total: rows.length });
        }
      };
      await Promise.all([worker(), worker()]);
      if (refused.length > 0) {
        cancel.mutate({ orgSlug, importId: id });
        return setState({ phase: 'failed', message: 'The server refused some rows, so nothing was imported.', errors: refused.sort((a, b) => a.row - b.row) });
      }
      setState({ phase: 'saving', total: rows.length });
      const counts = await commit.mutateAsync({ orgSlug, importId });
      setState({ phase: 'done', ...counts });
      await queryClient.invalidateQueries({ queryKey: trpc.measurements.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey({ orgSlug }) });
    } catch (error) {
      if (importId) cancel.mutate({ orgSlug, importId });
      setState({ phase: 'failed', message: `${errorMessage(error)} Nothing was imported.`, errors: [] });
    }
  };
  return { state, upload, reset: () => setState({ phase: 'idle' }) };
}
