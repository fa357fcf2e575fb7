import type { Metadata } from 'next';
import Link from 'next/link';
import { StreamForm } from '@/components/streams/stream-form';
import { Card, PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Register a stream' };

export default async function QuickAddPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  return (
    <div>
      <PageHeader
        title="Register a value stream"
        description="The details in one form. New to mapping? The guide walks you through identifying the stream step by step."
        actions={
          <Link
            className="text-sm font-medium text-indigo-600 underline-offset-4 hover:underline"
            href={`/${slug}/streams/new`}
          >
            Use the guide instead
          </Link>
        }
      />
      <Card>
        {org.permissions.includes('streams:create') ? (
          <StreamForm />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Viewers cannot register streams. Ask an admin or a team lead.
          </p>
        )}
      </Card>
    </div>
  );
}
