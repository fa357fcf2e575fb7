import type { Metadata } from 'next';
import { ImprovementForm } from '@/components/improvements/improvement-form';
import { Card, PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Record an improvement' };

export default async function NewImprovementPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ stream?: string | string[] }>;
}) {
  const { org: slug } = await params;
  const { stream } = await searchParams;
  const org = await loadOrg(slug);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Record an improvement"
        description="What changed, where, against which waste, and which figure should move. Close it when it is done to see its before and after."
      />
      <Card>
        {org.permissions.includes('improvements:write') ? (
          <ImprovementForm streamId={typeof stream === 'string' ? stream : undefined} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Viewers cannot record improvements. Ask a team lead or an admin.
          </p>
        )}
      </Card>
    </div>
  );
}
