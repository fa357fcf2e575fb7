import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { StreamActions } from '@/components/streams/stream-actions';
import { StreamLinks } from '@/components/streams/stream-links';
import { StreamMaps } from '@/components/streams/stream-maps';
import { Badge, Card } from '@/components/ui/card';
import { comparisonLines, kindLabels, typeLabels } from '@/lib/labels';
import {
  HydrateClient,
  loadOrg,
  loadStream,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Value stream' };

export default async function StreamPage({ params }: TenantPageProps<{ id: string }>) {
  const { org: slug, id } = await params;
  const [stream, org] = await Promise.all([loadStream(slug, id), loadOrg(slug)]);
  if (stream.status === 'draft') redirect(`/${slug}/streams/new?draft=${id}`);
  await prefetch(
    trpc.maps.get.queryOptions({ orgSlug: slug, streamId: id, state: 'current' }),
    trpc.maps.get.queryOptions({ orgSlug: slug, streamId: id, state: 'future' }),
  );
  const facts = [
    ['Trigger', stream.trigger],
    ['Customer', stream.customer],
    ['Value delivered', stream.valueDelivered],
    ['Owner', stream.ownerName ?? ''],
  ] as const;
  const guideNotes = [
    ['Purpose', stream.guide?.purposeNotes],
    ['What the team said', stream.guide?.interviewNotes],
    ['Improvements to try', stream.guide?.improvementNotes],
  ].filter((n): n is [string, string] => Boolean(n[1]));

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500 print:hidden">
          <Link href={`/${slug}/streams`} className="underline-offset-4 hover:underline">
            Value streams
          </Link>{' '}
          /
        </nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold">{stream.name}</h1>
            <div className="mt-2 flex flex-wrap gap-2">
              <Badge tone={stream.kind === 'operational' ? 'indigo' : 'green'}>
                {kindLabels[stream.kind]}
              </Badge>
              {stream.type ? <Badge>{typeLabels[stream.type]}</Badge> : null}
              {stream.archivedAt ? <Badge tone="amber">Archived</Badge> : null}
            </div>
          </div>
          {stream.canEdit ? (
            <StreamActions orgSlug={slug} streamId={id} archived={Boolean(stream.archivedAt)} />
          ) : null}
        </div>
        {stream.description ? (
          <p className="max-w-3xl text-slate-700 dark:text-slate-300">{stream.description}</p>
        ) : null}
        <nav
          aria-label="Measurements of this stream"
          className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium print:hidden"
        >
          <Link
            href={`/${slug}/streams/${id}/dashboard`}
            className="text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
          >
            Dashboard →
          </Link>
          <Link
            href={`/${slug}/measurements?stream=${id}`}
            className="text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
          >
            Measurements →
          </Link>
          {org.permissions.includes('measurements:audit') ? (
            <Link
              href={`/${slug}/measurements/audit?stream=${id}`}
              className="text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
            >
              Audit trail of its measurements →
            </Link>
          ) : null}
        </nav>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  {label}
                </dt>
                <dd className="text-sm">
                  {value || <span className="text-slate-400">Not set</span>}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <StreamLinks
            orgSlug={slug}
            streamId={id}
            kind={stream.kind}
            feeds={stream.feeds}
            fedBy={stream.fedBy}
            canEdit={stream.canEdit}
          />
        </Card>
      </div>

      <HydrateClient>
        <StreamMaps orgSlug={slug} streamId={id} canEdit={stream.canEdit} />
      </HydrateClient>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">How it compares</h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {comparisonLines.map((line) => (
            <div key={line.key}>
              <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {line.label}
              </dt>
              <dd className="text-sm">
                {stream[line.key] || <span className="text-slate-400">Not described</span>}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      {guideNotes.length > 0 ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Notes from identifying the stream</h2>
          <dl className="space-y-3">
            {guideNotes.map(([label, text]) => (
              <div key={label}>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  {label}
                </dt>
                <dd className="text-sm whitespace-pre-line">{text}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
