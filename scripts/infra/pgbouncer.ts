/**
 * A PgBouncer of a script's or test's own (Debian's package): transaction pooling in front of one
 * Postgres database, on its own port, with its configuration in a folder of its own. Clients from
 * 127.0.0.1 are trusted (as the machine's Postgres trusts them); it logs in to Postgres as the
 * connecting user, with no password.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type Started, startProcess, waitFor } from './processes';

export interface PgBouncerOptions {
  /** A folder for its configuration; made if missing. */
  dir: string;
  port: number;
  /** The database it fronts, as a postgres:// URL (host, port and database name are used). */
  target: string;
  /** Server connections per user and database: 1 makes every client share one connection. */
  poolSize: number;
  /** The users who may connect (trust needs them listed). */
  users: string[];
}

export interface PgBouncer extends Started {
  /** postgres:// URL through the bouncer, as `user`. */
  url: (user: string) => string;
}

export const PGBOUNCER_DATABASE = 'valuestream';

export async function startPgBouncer(opts: PgBouncerOptions): Promise<PgBouncer> {
  const target = new URL(opts.target);
  fs.mkdirSync(opts.dir, { recursive: true });
  // Run as root, PgBouncer switches to the `postgres` user (-u), which must read its files.
  fs.chmodSync(opts.dir, 0o755);
  const file = (name: string, text: string) => {
    const p = path.join(opts.dir, name);
    fs.writeFileSync(p, text, { mode: 0o644 });
    return p;
  };
  const users = file('userlist.txt', opts.users.map((u) => `"${u}" ""\n`).join(''));
  const config = file(
    'pgbouncer.ini',
    `[databases]
${PGBOUNCER_DATABASE} = host=${target.hostname} port=${target.port || 5432} dbname=${target.pathname.slice(1)}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${opts.port}
unix_socket_dir =
auth_type = trust
auth_file = ${users}
pool_mode = transaction
default_pool_size = ${opts.poolSize}
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 500
max_db_connections = ${opts.poolSize}
admin_users = postgres
stats_users = postgres
server_reset_query =
server_check_delay = 1
ignore_startup_parameters = extra_float_digits
`,
  );
  const asRoot = process.getuid?.() === 0;
  const proc = startProcess('pgbouncer', 'pgbouncer', [
    ...(asRoot ? ['-u', 'postgres'] : []),
    config,
  ]);
  await waitFor(proc, () => canConnect(opts.port), 15_000);
  return {
    ...proc,
    url: (user) =>
      `postgres://${encodeURIComponent(user)}@127.0.0.1:${opts.port}/${PGBOUNCER_DATABASE}`,
  };
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
