'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useOrg } from '@/components/shell/org-context';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { curlExample } from '@/lib/api/examples';
import { useTRPC } from '@/components/trpc/client';

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      aria-label={copied ? `${label} copied` : `Copy ${label}`}
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

/** The secret of a token just created, shown this once, with a curl command that uses it. */
export function NewToken({
  name,
  token,
  onDone,
}: {
  name: string;
  token: string;
  onDone: () => void;
}) {
  const org = useOrg();
  const trpc = useTRPC();
  const streams = useQuery(trpc.streams.list.queryOptions({ orgSlug: org.slug }));
  const [key] = useState(() => crypto.randomUUID());
  const streamId =
    streams.data?.find((s) => s.status !== 'draft')?.id ?? streams.data?.[0]?.id ?? '<stream id>';
  const curl = curlExample({
    origin: window.location.origin,
    token,
    streamId,
    idempotencyKey: key,
  });

  return (
    <div
      role="status"
      className="space-y-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <div>
        <p className="font-semibold text-amber-950 dark:text-amber-100">
          Copy the token “{name}” now: you won’t see it again.
        </p>
        <p className="mt-1 text-amber-900 dark:text-amber-200">
          Only a fingerprint of it is kept. If it is lost, revoke it and create another.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label="New API token"
          data-testid="new-api-token"
          value={token}
          onFocus={(e) => e.target.select()}
          className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
        />
        <CopyButton text={token} label="token" />
      </div>
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <p className="font-medium text-amber-950 dark:text-amber-100">
            Try it: log last week for{' '}
            {streams.data?.find((s) => s.id === streamId)?.name ?? 'a stream'}
          </p>
          <CopyButton text={curl} label="curl command" />
        </div>
        <pre
          className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
          data-testid="curl-example"
        >
          {curl}
        </pre>
        <p className="mt-1 text-xs text-amber-900 dark:text-amber-200">
          Sending it again with the same Idempotency-Key is safe: you get the first answer back and
          nothing is added twice. Use a new key for new data.
        </p>
      </div>
      <Button type="button" variant="secondary" size="sm" onClick={onDone}>
        I’ve saved it
      </Button>
    </div>
  );
}
