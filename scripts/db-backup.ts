// npm run db:backup [file]: a backup of the Postgres database (as the tables' owner,
// DATABASE_MIGRATION_URL, else DATABASE_URL) or, with DATABASE_URL unset, of the embedded database
// (stop the server first). Default file: .data/backups/valuestream-<time>.dump (or .tar.gz).
import fs from 'node:fs';
import { BackupError, backupPglite, backupPostgres } from '@/db/backup';
import { env } from '@/lib/env';

async function main() {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith('-')) {
    throw new BackupError('Usage: npm run db:backup [file]');
  }
  const e = env();
  const url = e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL;
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = args[0] ?? `.data/backups/valuestream-${stamp}.${url ? 'dump' : 'tar.gz'}`;
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already: name another file.`);
  if (url) await backupPostgres(url, file);
  else await backupPglite(e.PGLITE_DIR, file);
  const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  console.log(
    `Backed up the ${url ? 'Postgres' : 'embedded'} database to ${file} (${size} MB). ` +
      `Restore it with: npm run db:restore ${file}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
