import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers point one way: app → components → server → db → lib. A folder may import from the
 * folders to its right, never to its left; `layers` lists, for each folder, the ones above it.
 * Relative paths that climb out of the folder are held to the same rule.
 */
const layers = {
  lib: ['db', 'server', 'components', 'app'],
  db: ['server', 'components', 'app'],
  server: ['components', 'app'],
  components: ['app'],
};

/**
 * Within server/, the layers of a request: routers validate and call services; services hold the
 * rules and call queries; SQL lives in db/queries only (docs/architecture.md).
 */
const serverLayers = {
  'server/routers': [
    {
      regex: '^(@/db|drizzle-orm)(/|$)',
      message: 'Routers call services; queries and SQL stay below them (docs/architecture.md).',
    },
  ],
  'server/services': [
    {
      // A type (the SQL a query function hands back) is no SQL written here.
      regex: '^(@/db/schema|drizzle-orm)(/|$)',
      allowTypeImports: true,
      message: 'SQL lives in db/queries: a service calls query functions (docs/architecture.md).',
    },
  ],
};

function layerRule(folder, above, extra = []) {
  const names = above.join('|');
  return {
    files: [`${folder}/**/*.{ts,tsx,js,mjs}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^@/(${names})(/|$)`,
              message: `${folder}/ may not import from a layer above it (app → components → server → db → lib).`,
            },
            {
              regex: `^(\\.\\./)+(${names})(/|$)`,
              message: `${folder}/ may not import from a layer above it (app → components → server → db → lib).`,
            },
            ...(folder === 'components'
              ? [
                  {
                    regex: '^@/db(/|$)',
                    allowTypeImports: true,
                    message:
                      'Components get their data through tRPC and their vocabulary from lib/domain; the database code stays on the server.',
                  },
                ]
              : []),
            ...extra,
          ],
        },
      ],
    },
  };
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...Object.entries(layers).map(([folder, above]) => layerRule(folder, above)),
  // Later entries win for their files, so each repeats the server's layer patterns.
  layerRule('server/routers', layers.server, serverLayers['server/routers']),
  layerRule('server/services', layers.server, serverLayers['server/services']),
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'playwright-report/**',
      'test-results/**',
    ],
  },
];

export default config;
