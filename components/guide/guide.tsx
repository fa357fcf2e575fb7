'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useOrg } from '@/components/shell/org-context';
import { PageHeader, Skeleton } from '@/components/ui/card';
import { FormError } from '@/components/ui/field';
import { useTRPC } from '@/components/trpc/client';
import { errorMessage } from '@/components/trpc/errors';
import { GuideFlow } from './guide-flow';
import { guideFromStream, newGuide, type GuideStart } from './guide-state';

const title = 'Identify a value stream';
const description =
  'Seven steps from its purpose to its map. Your draft is saved at every step: leave and come back to it from the streams list.';

/**
 * The identification guide (`/[org]/streams/new`), new or resumed with `?draft=<id>`. Viewers,
 * who may not register streams, get a message instead.
 */
export function IdentificationGuide() {
  const org = useOrg();
  const draftParam = useSearchParams().get('draft');
  // The draft this visit created: the URL gains ?draft=<id> then, and the guide carries on as it is.
  const [created, setCreated] = useState<string | null>(null);
  // Once the URL has shown that draft, a visit to the bare /streams/new (the nav, a link) starts afresh.
  const [inUrl, setInUrl] = useState(false);
  const [round, setRound] = useState(0);
  if (created !== null && draftParam === created && !inUrl) setInUrl(true);
  if (inUrl && draftParam === null) {
    setInUrl(false);
    setCreated(null);
    setRound((r) => r + 1);
  }

  if (!org.can('streams:create')) {
    return (
      <div>
        <PageHeader title={title} />
        <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">
          Viewers can read the streams but not register new ones. Ask an admin or a team lead of{' '}
          {org.name} to add the stream, or to change your role.
        </p>
        <Link
          href={`/${org.slug}/streams`}
          className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          ← All streams
        </Link>
      </div>
    );
  }

  return (
    <div>
      <PageHeader title={title} description={description} />
      {draftParam && draftParam !== created ? (
        <ResumeDraft key={draftParam} id={draftParam} />
      ) : (
        <GuideFlow key={`new-${round}`} start={newGuide()} onCreated={setCreated} />
      )}
    </div>
  );
}

function ResumeDraft({ id }: { id: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const stream = useQuery({
    ...trpc.streams.get.queryOptions({ orgSlug: org.slug, id }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  // The draft as first loaded: once the guide runs, a refetch (the stream turning active on save) must not replace it.
  const [start, setStart] = useState<GuideStart | null>(null);
  if (start === null && stream.data?.status === 'draft' && stream.data.canEdit)
    setStart(guideFromStream(stream.data));
  const back = (
    <Link
      href={`/${org.slug}/streams`}
      className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
    >
      ← All streams
    </Link>
  );

  if (start) return <GuideFlow start={start} />;
  if (stream.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the draft" className="space-y-4">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (stream.isError) {
    return (
      <div>
        <FormError message={`Could not open this draft: ${errorMessage(stream.error)}`} />
        {back}
      </div>
    );
  }
  if (stream.data.status !== 'draft') {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <strong>{stream.data.name}</strong> has already been saved.{' '}
        <Link
          href={`/${org.slug}/streams/${id}`}
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Go to the stream →
        </Link>
      </p>
    );
  }
  if (!stream.data.canEdit) {
    return (
      <div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          This draft belongs to another team lead: only they, or an admin, can carry on with it.
        </p>
        {back}
      </div>
    );
  }
  return null;
}
