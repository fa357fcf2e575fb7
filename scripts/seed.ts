// Adds the demo organizations to DATABASE_URL, or to the embedded database.
import { openDatabase } from '@/db/client';
import { seed } from '@/server/seed';
import { DEMO_WARNING, env } from '@/lib/env';

async function main() {
  const e = env();
  if (e.NODE_ENV === 'production') console.warn(DEMO_WARNING);
  const handle = await openDatabase({
    url: e.DATABASE_URL,
    dataDir: e.DATABASE_URL ? undefined : e.PGLITE_DIR,
    migrate: true,
  });
  try {
    await seed(handle.db);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
