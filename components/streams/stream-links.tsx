'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { typeLabels } from '@/lib/labels';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';

interface LinkedStream {
  id: string;
  name: string;
  type?: keyof typeof typeLabels | null;
}

interface StreamLinksProps {
  orgSlug: string;
  streamId: string;
  kind: 'operational' | 'development';
  feeds: LinkedStream[];
  fedBy: LinkedStream[];
  canEdit: boolean;
}

/** Development streams feed operational ones; the link shows on both, and is edited on the development side. */
export function StreamLinks({ orgSlug, streamId, kind, feeds, fedBy, canEdit }: StreamLinksProps) {
  const [editing, setEditing] = useState(false);
  const list = kind === 'development' ? feeds : fedBy;
  const label =
    kind === 'development' ? 'Feeds these operational streams' : 'Fed by these development streams';
  return (
    <section aria-labelledby="links-heading">
      <div className="flex items-center justify-between gap-2">
        <h2
          id="links-heading"
          className="text-sm font-semibold tracking-wide text-slate-500 uppercase"
        >
          {label}
        </h2>
        {kind === 'development' && canEdit && !editing ? (
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
            Change
          </Button>
        ) : null}
      </div>
      {editing ? (
        <LinksEditor
          orgSlug={orgSlug}
          streamId={streamId}
          selected={feeds.map((f) => f.id)}
          onDone={() => setEditing(false)}
        />
      ) : list.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">
          {kind === 'development' ? 'None yet.' : 'No development stream is linked to this one.'}
        </p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {list.map((s) => (
            <li key={s.id}>
              <Link
                className="text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300"
                href={`/${orgSlug}/streams/${s.id}`}
              >
                {s.name}
              </Link>
              {s.type ? <span className="text-slate-500"> · {typeLabels[s.type]}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LinksEditor({
  orgSlug,
  streamId,
  selected,
  onDone,
}: {
  orgSlug: string;
  streamId: string;
  selected: string[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(selected));
  const options = useQuery(trpc.streams.list.queryOptions({ orgSlug, kind: 'operational' }));
  const save = useMutation(
    trpc.streams.setLinks.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.streams.pathKey() });
        onDone();
      },
    }),
  );
  if (options.isPending)
    return <p className="text-sm text-slate-500">Loading operational streams…</p>;
  if (options.isError) return <FormError message={errorMessage(options.error)} />;
  return (
    <div className="mt-2 space-y-3">
      {options.data.length === 0 ? (
        <p className="text-sm text-slate-500">There are no operational streams to link yet.</p>
      ) : null}
      <fieldset className="space-y-1">
        <legend className="sr-only">Operational streams this stream feeds</legend>
        {options.data.map((s) => (
          <label key={s.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={chosen.has(s.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(s.id);
                else next.delete(s.id);
                setChosen(next);
              }}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      {save.isError ? <FormError message={errorMessage(save.error)} /> : null}
      <div className="flex gap-2">
        <Button
          size="sm"
          pending={save.isPending}
          onClick={() => save.mutate({ orgSlug, id: streamId, operationalStreamIds: [...chosen] })}
        >
          Save links
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
