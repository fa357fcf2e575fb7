'use client';

import { streamKinds, type StreamKind } from '@/lib/domain';
import Link from 'next/link';
import { comparisonLines, kindLabels } from '@/lib/labels';
import type { ComparisonStream } from './types';

type Line = (typeof comparisonLines)[number];

const linkClass = 'text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

function Side({
  line,
  kind,
  streams,
  slug,
}: {
  line: Line;
  kind: StreamKind;
  streams: ComparisonStream[];
  slug: string;
}) {
  const mine = streams.filter((s) => s.kind === kind);
  const said = mine.filter((s) => s.lines[line.key].trim() !== '');
  const silent = mine.filter((s) => s.lines[line.key].trim() === '');
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {kindLabels[kind]} streams say
      </p>
      <p className="mt-0.5 text-xs text-slate-500 italic dark:text-slate-400">
        Typically: {line[kind]}
      </p>
      {mine.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No {kind} stream yet.</p>
      ) : (
        <>
          {said.length > 0 ? (
            <ul className="mt-1 space-y-1 text-sm">
              {said.map((s) => (
                <li key={s.id} className="break-words">
                  <span className="font-semibold">{s.name}</span> — {s.lines[line.key]}
                </li>
              ))}
            </ul>
          ) : null}
          {silent.length > 0 ? (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Not described yet, add it on the stream’s edit page:{' '}
              {silent.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ', ' : ''}
                  <Link className={linkClass} href={`/${slug}/streams/${s.id}/edit`}>
                    {s.name}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The seed's six lines of comparison: what the organization's streams of each kind say, beside the typical wording. */
export function ComparisonLines({ streams, slug }: { streams: ComparisonStream[]; slug: string }) {
  return (
    <section
      aria-labelledby="six-lines"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="six-lines" className="text-sm font-semibold text-slate-900 dark:text-slate-50">
        Six lines of comparison
      </h2>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
        How the streams describe themselves, beside the typical wording for each kind.
      </p>
      <div className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
        {comparisonLines.map((line) => (
          <article key={line.key} aria-labelledby={`line-${line.key}`} className="py-3">
            <h3
              id={`line-${line.key}`}
              className="text-sm font-semibold text-slate-900 dark:text-slate-100"
            >
              {line.label}
            </h3>
            <div className="mt-1 grid gap-4 md:grid-cols-2">
              {streamKinds.map((k) => (
                <Side key={k} line={line} kind={k} streams={streams} slug={slug} />
              ))}
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
