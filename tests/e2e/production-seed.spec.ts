/**
 * A production server on a new embedded database has no demo organizations (issue 11, finding
 * 2): the demo accounts' password is published in the README. Starts a second server (`npm start`) of the
 * same build, on a fresh database folder and without SEED_DEMO, as an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { DEMO_PASSWORD, expect, test } from './fixtures';

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const dataDir = '.data/pglite-e2e-production';

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  server = spawn('node', ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true, // its own process group, so the whole tree stops with it
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PGLITE_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: '',
      AUTH_SECRET: 'e2e-only-secret-that-is-long-enough-0123456789',
    },
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the production server did not start');
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a production server on a new embedded database has no demo accounts', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill('owner@northwind.example');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first sign-in creates and migrates the new database: seconds on a busy machine.
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible({
    timeout: 60_000,
  });
  expect(new URL(page.url()).pathname).toBe('/sign-in');
});
