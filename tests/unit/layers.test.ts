/**
 * The layer rule of eslint.config.mjs: app → components → server → db → lib, never back up; and
 * within server/, routers → services → db/queries, SQL in db/queries only. Lints made-up files at
 * real paths, so the test fails if the rule is dropped or loosened.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

// Loading ESLint's configuration (Next's plugins, the TypeScript parser) takes seconds on a busy machine.
describe('the layer rule', { timeout: 60_000 }, () => {
  beforeAll(() => eslint.calculateConfigForFile('lib/probe.ts'), 60_000);

  it.each([
    ['lib/probe.ts', "import { getDb } from '@/server/db';\nexport const x = getDb;\n"],
    ['lib/probe.ts', "import { users } from '@/db/schema';\nexport const x = users;\n"],
    [
      'lib/vsm/probe.ts',
      "import { x as y } from '../../components/ui/button';\nexport const x = y;\n",
    ],
    ['db/queries/probe.ts', "import { can } from '@/server/permissions';\nexport const x = can;\n"],
    ['db/probe.ts', "import { can } from '../server/permissions';\nexport const x = can;\n"],
    [
      'server/probe.ts',
      "import { Button } from '@/components/ui/button';\nexport const x = Button;\n",
    ],
    ['server/services/probe.ts', "import { x as y } from '@/app/layout';\nexport const x = y;\n"],
    ['components/ui/probe.ts', "import { x as y } from '@/app/page';\nexport const x = y;\n"],
    ['components/ui/probe.ts', "import { users } from '@/db/schema';\nexport const x = users;\n"],
    [
      'server/routers/probe.ts',
      "import { x as y } from '@/components/ui/button';\nexport const x = y;\n",
    ],
    [
      'server/services/probe.ts',
      "import { x as y } from '../../components/ui/button';\nexport const x = y;\n",
    ],
  ])('refuses an upward import in %s', async (filePath, code) => {
    const errors = await layerErrors(filePath, code);
    expect(errors).toHaveLength(1);
  });

  it.each([
    ['app/probe.ts', "import { getDb } from '@/server/db';\nexport const x = getDb;\n"],
    [
      'components/ui/probe.ts',
      "import type { AppRouter } from '@/server/routers';\nexport type X = AppRouter;\n",
    ],
    ['components/ui/probe.ts', "import type { Db } from '@/db/client';\nexport type X = Db;\n"],
    ['server/probe.ts', "import { users } from '@/db/schema';\nexport const x = users;\n"],
    ['db/probe.ts', "import { roles } from '@/lib/domain';\nexport const x = roles;\n"],
    [
      'server/routers/probe.ts',
      "import { x as y } from '../services/streams';\nexport const x = y;\n",
    ],
  ])('allows a downward import in %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });

  it.each([
    [
      'server/routers/probe.ts',
      "import { listMembers } from '@/db/queries/orgs';\nexport const x = listMembers;\n",
    ],
    ['server/routers/probe.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n"],
    ['server/services/probe.ts', "import { sql } from 'drizzle-orm';\nexport const x = sql;\n"],
    ['server/services/probe.ts', "import { users } from '@/db/schema';\nexport const x = users;\n"],
  ])('keeps queries and SQL out of %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it('lets a service call queries inside a tenant transaction, and name the SQL type', async () => {
    const code =
      "import type { SQL } from 'drizzle-orm';\nimport { listStreams } from '@/db/queries/streams';\nimport { withTenant } from '@/db/tenant';\nexport const x = [listStreams, withTenant];\nexport type Y = SQL;\n";
    expect(await layerErrors('server/services/probe.ts', code)).toEqual([]);
  });
});
