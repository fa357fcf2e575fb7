/**
 * A Postgres cluster of the tests' own, on another port, made with Debian's pg_createcluster and
 * driven with pg_ctlcluster (the machine's main cluster is never touched): for the fault test's
 * restarts and, with scripts/infra/replica.ts, a primary and its streaming replica. Needs root (or the postgres user) as Debian's tools do.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface Cluster {
  name: string;
  port: number;
  /** postgres:// URL of the cluster's superuser, on database `db`. */
  url: (db?: string) => string;
  restart: () => void;
  stop: () => void;
  start: () => void;
  drop: () => void;
}

function run(args: string[]): string {
  return execFileSync(args[0] as string, args.slice(1), { encoding: 'utf8', stdio: 'pipe' });
}

/** The newest Postgres server version installed (Debian's /usr/lib/postgresql/<version>). */
export function postgresVersion(): string {
  const versions = fs.readdirSync('/usr/lib/postgresql').sort();
  const version = versions.at(-1);
  if (!version) throw new Error('No Postgres server under /usr/lib/postgresql.');
  return version;
}

/** Creates (or reuses) cluster `name` on `port`, with trust authentication on localhost, started. */
export function ownCluster(name: string, port: number): Cluster {
  const version = postgresVersion();
  const exists = run(['pg_lsclusters', '--no-header'])
    .split('\n')
    .some((line) => line.split(/\s+/)[1] === name);
  if (!exists)
    run(['pg_createcluster', version, name, '-p', String(port), '--', '--auth=trust', '--no-sync']);
  const ctl = (action: string, ...rest: string[]) =>
    run(['pg_ctlcluster', version, name, action, ...rest]);
  const status = () => {
    try {
      ctl('status');
      return true;
    } catch {
      return false;
    }
  };
  if (!status()) ctl('start');
  return {
    name,
    port,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    restart: () => ctl('restart', '-m', 'fast'),
    stop: () => ctl('stop', '-m', 'fast'),
    start: () => ctl('start'),
    drop: () => run(['pg_dropcluster', '--stop', version, name]),
  };
}
