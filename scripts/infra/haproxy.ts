/**
 * An HAProxy of a script's own (Debian's package): HTTP, round robin over the app instances, each
 * checked on a health route every second, in the foreground with its configuration in a folder of
 * its own. Each answer says which instance served it (`X-Served-By`), which a test of several
 * instances needs and an operator may want to drop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canConnect } from './pgbouncer';
import { type Started, startProcess, waitFor } from './processes';

export interface HaproxyOptions {
  dir: string;
  port: number;
  backends: { name: string; port: number }[];
  /** The route a healthy instance answers 200 on. */
  healthPath: string;
}

export async function startHaproxy(opts: HaproxyOptions): Promise<Started> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const config = path.join(opts.dir, 'haproxy.cfg');
  const servers = opts.backends
    .map((b) => `  server ${b.name} 127.0.0.1:${b.port} check inter 1s fall 2 rise 1`)
    .join('\n');
  fs.writeFileSync(
    config,
    `global
  maxconn 1000

defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  option forwardfor

frontend valuestream
  bind 127.0.0.1:${opts.port}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET ${opts.healthPath}
  http-check expect status 200
  http-response set-header X-Served-By %s
${servers}
`,
  );
  const check = startProcess('haproxy -c', 'haproxy', ['-c', '-q', '-f', config]);
  if ((await check.exited) !== 0)
    throw new Error(`HAProxy refused its configuration:\n${check.output()}`);
  const proc = startProcess('haproxy', 'haproxy', ['-db', '-f', config]);
  await waitFor(proc, () => canConnect(opts.port), 15_000);
  return proc;
}
