import type { Metadata } from 'next';
import Link from 'next/link';
import { ImprovementsList } from '@/components/improvements/improvements-list';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import {
  HydrateClient,
  loadOrg,
  prefetch,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Improvements' };

export default async function ImprovementsPage({ params }: TenantPageProps) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  await prefetch(trpc.improvements.list.queryOptions({ orgSlug: slug, streamId: undefined }));
  const canWrite = org.permissions.includes('improvements:write');
  return (
    <div>
      <PageHeader
        title="Improvements"
        description="Changes made to a stream against a kind of waste, and whether its numbers moved: the weeks before against the weeks after."
        actions={
          canWrite ? (
            <Button asChild>
              <Link href={`/${slug}/improvements/new`}>Record an improvement</Link>
            </Button>
          ) : undefined
        }
      />
      <HydrateClient>
        <ImprovementsList canWrite={canWrite} />
      </HydrateClient>
    </div>
  );
}
