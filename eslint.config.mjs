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

function layerRule(folder, above) {
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
