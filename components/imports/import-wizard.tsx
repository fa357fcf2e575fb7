'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import Papa from 'papaparse';
import { useEffect, useMemo, useRef, useState } from 'react';
import { loggableStreams } from '@/components/measurements/shared';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/card';
import type { StreamRef } from '@/lib/csv/cells';
import { autoMap, mappingToRemember, type ColumnMapping } from '@/lib/csv/fields';
import { headerProblems, looksBinary } from '@/lib/csv/parse';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { formatNumber } from '@/lib/format';
import { FileStep } from './file-step';
import { MappingStep } from './mapping-step';
import { ProgressBar } from './progress';
import type { CheckRequest, WorkerMessage } from './protocol';
import { ReviewStep, type CheckResult } from './review-step';
import { UploadResult } from './upload-result';
import { useRememberedMapping } from './use-remembered-mapping';
import { useUpload } from './use-upload';

type Stage =
  | { step: 'choose'; error?: string }
  | { step: 'map'; file: File; headers: string[]; sample: string[][]; mapping: ColumnMapping }
  | {
      step: 'check';
      file: File;
      headers: string[];
      sample: string[][];
      mapping: ColumnMapping;
      bytes: number;
      rows: number;
    }
  | {
      step: 'review';
      file: File;
      headers: string[];
      sample: string[][];
      mapping: ColumnMapping;
      result: CheckResult;
    };

/** Reads the header and a few rows on the main thread (a few KB), to map the columns. */
async function peek(
  file: File,
): Promise<{ headers: string[]; sample: string[][]; problem?: string }> {
  const head = await file.slice(0, 65_536).text();
  if (looksBinary(head))
    return {
      headers: [],
      sample: [],
      problem: 'This file is not text. Export the sheet as CSV and try again.',
    };
  const parsed = Papa.parse<string[]>(head, { preview: 6, skipEmptyLines: 'greedy' });
  const [headers = [], ...sample] = parsed.data;
  const clean = headers.map((h) => h.replace(/^\uFEFF/, '').trim());
  return { headers: clean, sample, problem: headerProblems(clean)[0] };
}

export function ImportWizard() {
  const org = useOrg();
  const trpc = useTRPC();
  const streamsQuery = useQuery(trpc.streams.list.queryOptions({ orgSlug: org.slug }));
  const streams: StreamRef[] = useMemo(
    () =>
      loggableStreams(streamsQuery.data ?? []).map((s) => ({
        id: s.id,
        name: s.name,
        canEdit: s.canEdit,
      })),
    [streamsQuery.data],
  );
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const remembered = useRememberedMapping(org.slug);
  const { state: upload, upload: send, reset } = useUpload(org.slug);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  if (streamsQuery.isPending) return <Skeleton className="h-40 w-full" />;
  if (streamsQuery.isError) return <FormError message={errorMessage(streamsQuery.error)} />;
  if (!streams.some((s) => s.canEdit)) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        There is no stream you can log measurements for.{' '}
        <Link
          className="text-indigo-700 underline dark:text-indigo-300"
          href={`/${org.slug}/streams/new`}
        >
          Register a stream
        </Link>{' '}
        first, or ask an admin to make you its owner.
      </p>
    );
  }

  const choose = async (file: File) => {
    reset();
    const { headers, sample, problem } = await peek(file);
    if (problem) return setStage({ step: 'choose', error: problem });
    setStage({ step: 'map', file, headers, sample, mapping: autoMap(headers, remembered.read()) });
  };

  const check = (s: Extract<Stage, { step: 'map' }>) => {
    remembered.write(mappingToRemember(s.headers, s.mapping));
    setStage({ ...s, step: 'check', bytes: 0, rows: 0 });
    worker.current?.terminate();
    const w = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress')
        setStage((cur) => (cur.step === 'check' ? { ...cur, bytes: m.bytes, rows: m.rows } : cur));
      else {
        w.terminate();
        if (m.type === 'failed') setStage({ step: 'choose', error: m.message });
        else setStage({ ...s, step: 'review', result: m });
      }
    };
    w.onerror = () =>
      setStage({
        step: 'choose',
        error: 'The file could not be checked. Try again, or split it into smaller files.',
      });
    const request: CheckRequest = {
      file: s.file,
      mapping: s.mapping,
      streams,
      now: new Date().toISOString(),
    };
    w.postMessage(request);
  };

  if (upload.phase !== 'idle' && stage.step === 'review') {
    return (
      <UploadResult
        state={upload}
        fileName={stage.file.name}
        onAnother={() => {
          reset();
          setStage({ step: 'choose' });
        }}
      />
    );
  }
  switch (stage.step) {
    case 'choose':
      return (
        <FileStep
          onFile={choose}
          error={stage.error}
          exampleStream={streams.find((s) => s.canEdit)?.name}
        />
      );
    case 'map':
      return (
        <MappingStep
          fileName={stage.file.name}
          headers={stage.headers}
          sample={stage.sample}
          mapping={stage.mapping}
          onChange={(mapping) => setStage({ ...stage, mapping })}
          onBack={() => setStage({ step: 'choose' })}
          onNext={() => check(stage)}
        />
      );
    case 'check':
      return (
        <div className="space-y-3">
          <ProgressBar
            label={`Checking ${stage.file.name}`}
            value={stage.bytes}
            max={stage.file.size}
            detail={`${formatNumber(stage.rows, 0)} rows`}
          />
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              worker.current?.terminate();
              setStage({ step: 'choose' });
            }}
          >
            Cancel
          </Button>
        </div>
      );
    case 'review':
      return (
        <ReviewStep
          result={stage.result}
          streams={streams}
          pending={false}
          onBack={() => setStage({ step: 'choose' })}
          onRemap={() =>
            setStage({
              step: 'map',
              file: stage.file,
              headers: stage.headers,
              sample: stage.sample,
              mapping: stage.mapping,
            })
          }
          onImport={() => stage.result.body && send(stage.result.body, stage.result.ready)}
        />
      );
  }
}
