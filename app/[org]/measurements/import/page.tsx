import type { Metadata } from 'next';
import { ImportHistory } from '@/components/imports/import-history';
import { ImportWizard } from '@/components/imports/import-wizard';
import { Card, PageHeader } from '@/components/ui/card';
import { loadOrg } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Import measurements' };

export default async function ImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const org = await loadOrg(slug);
  const allowed = org.permissions.includes('measurements:import');
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Import measurements"
        description="From a spreadsheet: choose the file, match its columns, check every row, then import all of it or nothing. Importing the same file again adds nothing."
      />
      <Card>
        {allowed ? (
          <ImportWizard />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Viewers cannot import measurements. Ask a team lead or an admin.
          </p>
        )}
      </Card>
      {allowed ? <ImportHistory /> : null}
    </div>
  );
}
