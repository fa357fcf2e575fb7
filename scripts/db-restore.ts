// npm run db:restore <file> [--force]: restores a backup from `npm run db:backup` into the
// Postgres database (as the tables' owner, DATABASE_MIGRATION_URL, else DATABASE_URL) or, with
// DATABASE_URL unset, as the embedded database in PGLITE_DIR. Stop the app first. --force restores
// although other sessions are connected (Postgres) or replaces an existing embedded database
// (moved aside, not deleted).
import { BackupError, restorePglite, restorePostgres } from '@/db/backup';
import { env } from '@/lib/env';

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]?.startsWith('-')) {
    throw new BackupError('Usage: npm run db:restore <file> [--force]');
  }
  const file = files[0] ?? '';
  const e = env();
  const url = e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL;
  if (url) {
    await restorePostgres(url, file, { force });
    console.log(`Restored ${file} into the Postgres database.`);
  } else {
    const { replacedTo } = await restorePglite(file, e.PGLITE_DIR, { force });
    console.log(`Restored ${file} as the embedded database in ${e.PGLITE_DIR}.`);
    if (replacedTo)
      console.log(`The database it replaced is in ${replacedTo}: delete it when done.`);
  }
  console.log(
    'If the backup is older than this release, run npm run db:migrate before starting the app.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
