/**
 * The database restarts under load (issue 12), short: the suite's build serves API batches from
 * two clients while a Postgres cluster of the test's own restarts once; every acknowledged batch
 * is stored exactly once and the app answers again within 5 s. `npm run fault:db-restart` is the
 * long run (three restarts, four clients). Needs Debian's pg_createcluster and root, as CI has.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures';

const canMakeClusters =
  process.getuid?.() === 0 && spawnSync('pg_lsclusters', ['--no-header']).status === 0;

test('API batches survive a database restart: stored exactly once, recovered within 5 s', async () => {
  test.skip(
    !canMakeClusters,
    'needs root and Debian’s pg_createcluster to run a cluster of its own',
  );
  test.setTimeout(240_000);
  const run = spawnSync('npx', ['tsx', 'scripts/fault-db-restart.ts'], {
    encoding: 'utf8',
    timeout: 220_000,
    env: {
      ...process.env,
      FAULT_RESTARTS: '1',
      FAULT_CLIENTS: '2',
      FAULT_BATCHES: '12',
      FAULT_BATCH_SIZE: '20',
      FAULT_PG_PORT: '54331',
      FAULT_APP_PORT: String(Number(process.env.E2E_PORT ?? 3100) + 70),
    },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  const report = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1)) as {
    acknowledged: number;
    rowsStored: number;
    rowsExpected: number;
    rowsWrong: number;
    recoveryMs: number[];
  };
  expect(report.acknowledged).toBeGreaterThanOrEqual(24);
  expect(report.rowsExpected).toBe(report.acknowledged * 20);
  expect(report.rowsStored).toBe(report.rowsExpected);
  expect(report.rowsWrong).toBe(0);
  expect(report.recoveryMs).toHaveLength(1);
});
