import { defineConfig } from '@playwright/test';
import { E2E_AUTH_SECRET } from './tests/e2e/secret';

const port = Number(process.env.E2E_PORT ?? 3100);
const asSeeded = /dashboards(-comparison-waste)?\.spec\.ts$/;
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * End-to-end tests run a production build on its own embedded database (.data/pglite-e2e,
 * recreated each run, seeded with the demo organizations) in Debian's Chromium.
 */
export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  // The dashboard specs assert figures computed from the demo data exactly as seeded, so they run
  // first, before the other specs add streams and weeks to the same organizations. They may add
  // improvements, but no streams or measurements.
  projects: [
    { name: 'as-seeded', testMatch: asSeeded, use: { viewport: { width: 1366, height: 800 } } },
    {
      name: 'laptop',
      testIgnore: asSeeded,
      dependencies: ['as-seeded'],
      use: { viewport: { width: 1366, height: 800 } },
    },
  ],
  webServer: {
    command: `rm -rf .data/pglite-e2e .data/pglite-e2e.lock && npm run build && node scripts/start.mjs -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PGLITE_DIR: '.data/pglite-e2e',
      // A production build: the demo organizations the specs sign in to must be asked for.
      SEED_DEMO: '1',
      DATABASE_URL: '',
      AUTH_SECRET: E2E_AUTH_SECRET,
      // No proxy in front: every browser of the suite counts as one address, and the suite signs
      // up far more people in an hour than one address may.
      SIGN_UP_LIMIT_PER_HOUR: '1000',
      NEXT_TELEMETRY_DISABLED: '1',
      // One JSON line per request would bury the test output: warnings and errors only.
      LOG_LEVEL: 'warn',
    },
  },
});
