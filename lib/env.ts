import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error:
        'DATABASE_URL must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/valuestream',
    })
    .optional(),
  /** The tables' owner, for `npm run db:migrate` (and migrate-on-start in development). */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_MIGRATION_URL must be a postgres:// URL.' })
    .optional(),
  /**
   * A streaming replica of DATABASE_URL's database, logging in as the same role: dashboard reads go
   * there, everything else to DATABASE_URL (decision on the read replica).
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_READ_URL must be a postgres:// URL.' })
    .optional(),
  /**
   * A direct connection (not through PgBouncer in transaction pooling, where LISTEN cannot work)
   * used only to hear other processes' changes; defaults to DATABASE_URL.
   */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_LISTEN_URL must be a postgres:// URL.' })
    .optional(),
  /**
   * `false` sends every query unnamed (no server-side prepared statements): needed behind PgBouncer
   * in transaction pooling before 1.21 or with max_prepared_statements = 0.
   */
  DATABASE_PREPARE: z
    .enum(['true', 'false'], {
      error: 'DATABASE_PREPARE is true (named prepared statements) or false (behind PgBouncer).',
    })
    .default('true'),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /**
   * Demo organizations in a new embedded database: unset, only in development; `1`, also in
   * production (with a warning: their password is published); `0`, never.
   */
  SEED_DEMO: z
    .enum(['0', '1'], { error: 'SEED_DEMO is 1 (seed the demo data) or 0 (never).' })
    .optional(),
  /** Proxies of our own in front of the app, each appending to X-Forwarded-For (see trustedProxyHops). */
  TRUSTED_PROXY_HOPS: z
    .string()
    .regex(/^\d{1,2}$/, {
      error:
        'TRUSTED_PROXY_HOPS is the number of proxies in front of the app that append to X-Forwarded-For: 0 (none), 1, 2…',
    })
    .optional(),
  SIGN_UP_LIMIT_PER_HOUR: z
    .string()
    .regex(/^[1-9]\d{0,6}$/, {
      error:
        'SIGN_UP_LIMIT_PER_HOUR is a whole number of sign-ups per address and hour, 1 or more.',
    })
    .optional(),
  AUTH_SECRET: z
    .string()
    .min(32, {
      error:
        'AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 33`.',
    })
    .optional(),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

let cached: Env | undefined;

/**
 * Reads and validates the environment once. Fails with a message that says what to set.
 * In development a missing AUTH_SECRET is generated once and kept in .data/auth-secret.
 */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    DATABASE_MIGRATION_URL: process.env.DATABASE_MIGRATION_URL || undefined,
    DATABASE_READ_URL: process.env.DATABASE_READ_URL || undefined,
    DATABASE_LISTEN_URL: process.env.DATABASE_LISTEN_URL || undefined,
    DATABASE_PREPARE: process.env.DATABASE_PREPARE || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    SEED_DEMO: process.env.SEED_DEMO || undefined,
    TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS || undefined,
    SIGN_UP_LIMIT_PER_HOUR: process.env.SIGN_UP_LIMIT_PER_HOUR || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  if (parsed.data.DATABASE_READ_URL && !parsed.data.DATABASE_URL) {
    throw new Error(
      'Invalid environment:\n  DATABASE_READ_URL: a replica needs its primary: set DATABASE_URL too.',
    );
  }
  let secret = parsed.data.AUTH_SECRET;
  if (!secret) {
    if (parsed.data.NODE_ENV === 'production') {
      throw new Error(
        'AUTH_SECRET is not set. In production it is required: generate one with `openssl rand -base64 33`.',
      );
    }
    secret = developmentSecret();
  }
  process.env.AUTH_SECRET = secret; // next-auth reads it from here too
  cached = { ...parsed.data, AUTH_SECRET: secret };
  return cached;
}

/**
 * How many proxies of our own stand in front of the app (TRUSTED_PROXY_HOPS, 0 when unset): the
 * client's address is the X-Forwarded-For entry that many from the right (lib/auth/client-address.ts).
 */
export function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? '');
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Sign-ups one address may make an hour: SIGN_UP_LIMIT_PER_HOUR, 20 when unset. */
export function signUpLimitPerHour(): number {
  const n = Number(process.env.SIGN_UP_LIMIT_PER_HOUR ?? '');
  return Number.isInteger(n) && n > 0 ? n : 20;
}

/** Whether a new embedded database gets the demo organizations (see SEED_DEMO). */
export function seedsDemo(e: Pick<Env, 'NODE_ENV' | 'SEED_DEMO'>): boolean {
  if (e.SEED_DEMO) return e.SEED_DEMO === '1';
  return e.NODE_ENV !== 'production';
}

export const DEMO_WARNING =
  'Adding the demo organizations: their accounts share the password published in the README. Never do this on a server others can reach.';

function developmentSecret(): string {
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(33).toString('base64');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
