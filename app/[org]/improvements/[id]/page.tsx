import type { Metadata } from 'next';
import Link from 'next/link';
import { ImprovementDetail } from '@/components/improvements/improvement-detail';
import {
  HydrateClient,
  loadImprovement,
  primeQuery,
  trpc,
  type TenantPageProps,
} from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Improvement' };

export default async function ImprovementPage({ params }: TenantPageProps<{ id: string }>) {
  const { org: slug, id } = await params;
  const improvement = await loadImprovement(slug, id);
  primeQuery(trpc.improvements.get.queryOptions({ orgSlug: slug, id }), improvement);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 print:hidden">
        <Link href={`/${slug}/improvements`} className="underline-offset-4 hover:underline">
          Improvements
        </Link>{' '}
        /
      </nav>
      <h1 className="text-2xl font-semibold">{improvement.title}</h1>
      <HydrateClient>
        <ImprovementDetail id={id} />
      </HydrateClient>
    </div>
  );
}
