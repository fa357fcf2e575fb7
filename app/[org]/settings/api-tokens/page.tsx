import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiTokensTable } from '@/components/api-tokens/api-tokens-table';
import { CreateTokenForm } from '@/components/api-tokens/create-token-form';
import { Card, PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'API tokens' };

const link = 'font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400';

export default async function ApiTokensPage({ params }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const header = (
    <PageHeader
      title="API tokens"
      description={`Let other systems push measurements into ${org.name} over HTTP. A token acts as the person who created it, with their role of today: an admin’s token writes to every stream, a lead’s only to the streams they own, and a token stops working when its creator leaves the organization.`}
    />
  );
  if (!org.permissions.includes('tokens:manage')) {
    return (
      <div className="max-w-4xl">
        {header}
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Only owners and admins manage API tokens. Ask one of them for a token for your system.
          </p>
        </Card>
      </div>
    );
  }
  await prefetch(trpc.apiTokens.list.queryOptions({ orgSlug: slug }));
  return (
    <div className="max-w-5xl space-y-8">
      {header}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Create a token</h2>
        <CreateTokenForm />
      </Card>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-3 text-lg font-semibold">
          Tokens
        </h2>
        <HydrateClient>
          <ApiTokensTable />
        </HydrateClient>
      </section>
      <Card>
        <h2 className="text-lg font-semibold">Using the API</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Send <code className="font-mono text-xs">POST /api/v1/measurements</code> (one) or{' '}
          <code className="font-mono text-xs">POST /api/v1/measurements/batch</code> (up to 5,000,
          all or nothing) with <code className="font-mono text-xs">Authorization: Bearer vs_…</code>{' '}
          and a new <code className="font-mono text-xs">Idempotency-Key</code> per request.
          Durations are in seconds. Measurements arrive with the source “API”, entered by the
          token’s creator, and the token may do only what its creator’s role allows today.
        </p>
        <p className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {/* Documents served by route handlers: the router falls back to a full load for them. */}
          <Link href="/api/v1/docs" className={link} prefetch={false}>
            API guide with curl examples
          </Link>
          <Link href="/api/v1/openapi.json" className={link} prefetch={false}>
            OpenAPI document
          </Link>
        </p>
      </Card>
    </div>
  );
}
