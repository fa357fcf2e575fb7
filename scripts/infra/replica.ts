/**
 * A primary and a streaming replica of the tests' own, on two other ports: the primary is a cluster
 * of scripts/infra/cluster.ts that accepts replication from localhost; the replica is a second
 * Debian cluster whose data directory is replaced by `pg_basebackup -R` of the primary, started as
 * a hot standby. The machine's main cluster is never touched. Needs root, as Debian's tools do.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Cluster, ownCluster, postgresVersion } from './cluster';

export interface ReplicaPair {
  primary: Cluster;
  replica: Cluster;
  /** Stops and removes both clusters. */
  drop: () => void;
}

function run(args: string[]): string {
  return execFileSync(args[0] as string, args.slice(1), { encoding: 'utf8', stdio: 'pipe' });
}

/** Whether this machine can make clusters of its own (root and Debian's postgresql-common). */
export function canMakeClusters(): boolean {
  try {
    if (process.getuid?.() !== 0) return false;
    run(['pg_lsclusters', '--no-header']);
    postgresVersion();
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates primary `<name>p` on `port` and replica `<name>r` on `port + 1` (dropping leftovers of an
 * earlier run of the same name), and returns once the replica streams from the primary.
 */
export async function ownReplicaPair(name: string, port: number): Promise<ReplicaPair> {
  const version = postgresVersion();
  for (const old of [`${name}r`, `${name}p`]) dropIfExists(version, old);
  const primary = ownCluster(`${name}p`, port);
  try {
    const hba = `/etc/postgresql/${version}/${primary.name}/pg_hba.conf`;
    fs.appendFileSync(hba, '\nhost replication all 127.0.0.1/32 trust\n');
    run(['pg_ctlcluster', version, primary.name, 'reload']);

    // A cluster made by Debian's tools (config under /etc, service management), whose data is then
    // replaced by a base backup of the primary that starts as a standby (-R: standby.signal and
    // primary_conninfo in postgresql.auto.conf).
    const replicaName = `${name}r`;
    run([
      'pg_createcluster',
      version,
      replicaName,
      '-p',
      String(port + 1),
      '--',
      '--auth=trust',
      '--no-sync',
    ]);
    const dataDir = `/var/lib/postgresql/${version}/${replicaName}`;
    // Emptied, not removed: the directory is the postgres user's, its parent is not.
    for (const entry of fs.readdirSync(dataDir))
      fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    run([
      'runuser',
      '-u',
      'postgres',
      '--',
      `/usr/lib/postgresql/${version}/bin/pg_basebackup`,
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-D',
      dataDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    const replica = ownCluster(replicaName, port + 1);
    await waitUntilStreaming(primary);
    return {
      primary,
      replica,
      drop: () => {
        dropIfExists(version, replicaName);
        dropIfExists(version, primary.name);
      },
    };
  } catch (error) {
    dropIfExists(version, `${name}r`);
    primary.drop();
    throw error;
  }
}

function dropIfExists(version: string, name: string) {
  const exists = run(['pg_lsclusters', '--no-header'])
    .split('\n')
    .some((line) => line.split(/\s+/)[1] === name);
  if (exists) run(['pg_dropcluster', '--stop', version, name]);
  // A data directory left by a failed base backup would stop the next pg_createcluster.
  fs.rmSync(path.join('/var/lib/postgresql', version, name), { recursive: true, force: true });
}

/** Waits (up to 20 s) until the primary has a replica in state `streaming`. */
async function waitUntilStreaming(primary: Cluster) {
  const { default: postgres } = await import('postgres');
  const sql = postgres(primary.url(), { max: 1, onnotice: () => {} });
  try {
    for (let i = 0; i < 200; i++) {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_replication where state = 'streaming'`;
      if (row && row.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The replica of ${primary.name} did not start streaming within 20 s.`);
  } finally {
    await sql.end();
  }
}
