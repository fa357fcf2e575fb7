import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // tsconfig: "@/*" -> "./*". A regex, so scoped packages like "@trpc/server" are left alone.
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    // Two cores: at most two test files at once, each with its own database.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // next-auth imports `next/server` without its extension: let Vite resolve it, so the
          // route handlers run in-process (authz-matrix, fuzz-http).
          server: { deps: { inline: ['next-auth', '@auth/core'] } },
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000, // starting PGlite and migrating takes seconds, more on a busy machine
        },
      },
    ],
  },
});
