/**
 * The settings for running behind PgBouncer (lib/env.ts): DATABASE_LISTEN_URL and DATABASE_PREPARE
 * are checked at start with a message that says what to set.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshEnv(vars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const { env } = await import('@/lib/env');
  return env;
}

const base = { AUTH_SECRET: 'x'.repeat(40), NODE_ENV: 'test' };

describe('environment for PgBouncer', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('defaults: named prepared statements, LISTEN on DATABASE_URL', async () => {
    const env = await freshEnv({ ...base, DATABASE_PREPARE: '', DATABASE_LISTEN_URL: '' });
    expect(env()).toMatchObject({ DATABASE_PREPARE: 'true', DATABASE_LISTEN_URL: undefined });
  });

  it('takes DATABASE_PREPARE=false and a postgres:// DATABASE_LISTEN_URL', async () => {
    const env = await freshEnv({
      ...base,
      DATABASE_PREPARE: 'false',
      DATABASE_LISTEN_URL: 'postgres://valuestream_app@127.0.0.1:5432/valuestream',
    });
    expect(env()).toMatchObject({
      DATABASE_PREPARE: 'false',
      DATABASE_LISTEN_URL: 'postgres://valuestream_app@127.0.0.1:5432/valuestream',
    });
  });

  it('refuses anything else with a message that says what to set', async () => {
    const env = await freshEnv({
      ...base,
      DATABASE_PREPARE: 'no',
      DATABASE_LISTEN_URL: 'mysql://x',
    });
    expect(() => env()).toThrow(/DATABASE_LISTEN_URL must be a postgres:\/\/ URL/);
    expect(() => env()).toThrow(/DATABASE_PREPARE is true .* or false/);
  });
});
