// Applies the committed migrations as the tables' owner (DATABASE_MIGRATION_URL, else DATABASE_URL),
// or to the embedded database.
import { openDatabase } from '@/db/client';
import { env } from '@/lib/env';

async function main() {
  const e = env();
  const handle = await openDatabase({
    url: e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL,
    dataDir: (e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL) ? undefined : e.PGLITE_DIR,
    migrate: true,
  });
  await handle.close();
  console.log(`Migrations applied (${handle.driver}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
