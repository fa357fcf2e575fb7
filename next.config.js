/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time;
  // bundling it breaks every database route. argon2 is a native addon.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    'pino',
    'prom-client',
  ],
  // The build type-checks the app only; `npm run typecheck` covers tests and scripts too.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  poweredByHeader: false,
  // `next dev` serves its scripts to localhost only; 127.0.0.1 is the same machine.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
