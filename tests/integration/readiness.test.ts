/**
 * Readiness (`GET /api/ready`, server/readiness.ts): ready on a migrated database; not while the
 * server is stopping; "schema behind" when its newest migration is missing or drizzle's table is
 * not readable by the app's role; "database unreachable" when nothing listens, and within the
 * time bound when the server accepts a connection and never answers.
 */
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { APP_ROLE, type Db, openDatabase } from '@/db/client';
import { LATEST_MIGRATION } from '@/db/queries/migrations';
import { checkReadiness, NOT_READY } from '@/server/readiness';
import { forEachDriver, otherConnection, type TestDatabase } from './harness';

/** Runs `statements` as the tables' owner (PGlite: the session's superuser, switched back after). */
async function asOwner(t: TestDatabase, statements: string[]): Promise<void> {
  if (t.driver === 'postgres') {
    const owner = await otherConnection(t.db);
    try {
      for (const s of statements) await owner.unsafe(s);
    } finally {
      await owner.end();
    }
    return;
  }
  await t.db.execute(sql`reset role`);
  try {
    for (const s of statements) await t.db.execute(sql.raw(s));
  } finally {
    await t.db.execute(sql.raw(`set role ${APP_ROLE}`));
  }
}

forEachDriver('readiness', (t) => {
  const ready = () => checkReadiness(async () => t.db);

  it('is ready on a database migrated to the last migration', async () => {
    expect(await ready()).toEqual({ ready: true });
  });

  it('is not ready once the server is stopping, whatever the database says', async () => {
    // What scripts/start.mjs sets on SIGTERM (decision 0018).
    const lifecycle = (globalThis as { __valuestreamLifecycle?: { draining: boolean } })
      .__valuestreamLifecycle;
    if (!lifecycle) throw new Error('server/lifecycle.ts creates the shared state on import');
    lifecycle.draining = true;
    try {
      expect(await ready()).toEqual({ ready: false, reason: NOT_READY.stopping });
    } finally {
      lifecycle.draining = false;
    }
    expect(await ready()).toEqual({ ready: true });
  });

  it('is behind, and says to migrate, when the last migration is not applied', async () => {
    await asOwner(t, [
      `create table newest_migration as select * from drizzle.__drizzle_migrations
       where created_at = ${LATEST_MIGRATION}`,
      `delete from drizzle.__drizzle_migrations where created_at = ${LATEST_MIGRATION}`,
    ]);
    try {
      expect(await ready()).toEqual({ ready: false, reason: NOT_READY.behind });
    } finally {
      await asOwner(t, [
        'insert into drizzle.__drizzle_migrations select * from newest_migration',
        'drop table newest_migration',
      ]);
    }
    expect(await ready()).toEqual({ ready: true });
  });

  it('is behind when the app role may not read the migrations (migrated before it was granted)', async () => {
    await asOwner(t, [`revoke select on drizzle.__drizzle_migrations from ${APP_ROLE}`]);
    try {
      expect(await ready()).toEqual({ ready: false, reason: NOT_READY.behind });
    } finally {
      await asOwner(t, [`grant select on drizzle.__drizzle_migrations to ${APP_ROLE}`]);
    }
  });
});

it('is behind on a database never migrated (no drizzle schema)', async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const bare = new PGlite();
  await bare.waitReady;
  try {
    expect(await checkReadiness(async () => drizzle(bare) as unknown as Db)).toEqual({
      ready: false,
      reason: NOT_READY.behind,
    });
  } finally {
    await bare.close();
  }
});

/** A server that accepts connections and never says a word, as a hung database does. */
async function silentServer() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    sockets,
    /** Stops listening and hangs up: the client's pending connection fails (it retries a hang-up). */
    stop: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

describe('readiness when the database does not answer', () => {
  it('is unreachable, quickly, when nothing listens', async () => {
    const server = await silentServer();
    await server.stop();
    const handle = await openDatabase({ url: `postgres://${APP_ROLE}@127.0.0.1:${server.port}/x` });
    try {
      expect(await checkReadiness(async () => handle.db)).toEqual({
        ready: false,
        reason: NOT_READY.unreachable,
      });
    } finally {
      await handle.close();
    }
  });

  it('answers unreachable within its time bound when the database hangs', async () => {
    const server = await silentServer();
    const client = postgres(`postgres://${APP_ROLE}@127.0.0.1:${server.port}/x`, { max: 1 });
    try {
      expect(await checkReadiness(async () => drizzle(client) as unknown as Db, 200)).toEqual({
        ready: false,
        reason: NOT_READY.unreachable,
      });
      // It gave up on its own: the server still holds the connection, unanswered.
      expect(server.sockets.size).toBe(1);
    } finally {
      await server.stop();
      // postgres.js's end() waits forever on a connection attempt still pending: let it fail first.
      await client`select 1`.catch(() => {});
      await client.end();
    }
  });

  it('answers unreachable when opening the database itself hangs', async () => {
    const never = new Promise<Db>(() => {});
    expect(await checkReadiness(() => never, 200)).toEqual({
      ready: false,
      reason: NOT_READY.unreachable,
    });
  });
});
