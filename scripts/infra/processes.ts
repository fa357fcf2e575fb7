/**
 * Long-running processes of a script or a test's own (PgBouncer, HAProxy, app instances): each
 * started in a process group of its own, its output kept, and stopped by that group.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

export interface Started {
  name: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Its exit code once it has exited (null: ended by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM to its process group; SIGKILL after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<number | null>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Started {
  const child = spawn(command, args, {
    detached: true, // a process group of its own: stopped whole, never by name
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(-1));
  });
  const signal = (sig: NodeJS.Signals) => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    }
  };
  return {
    name,
    child,
    output: () => output,
    exited,
    stop: async (graceMs = 15_000) => {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ready` every 200 ms until it is true; fails with the process's output after `timeoutMs`. */
export async function waitFor(
  what: Started,
  ready: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const start = Date.now();
  while (!(await ready().catch(() => false))) {
    if (what.child.exitCode !== null || what.child.signalCode !== null)
      throw new Error(`${what.name} exited (${what.child.exitCode}):\n${what.output()}`);
    if (Date.now() - start > timeoutMs)
      throw new Error(`${what.name} was not ready after ${timeoutMs} ms:\n${what.output()}`);
    await sleep(200);
  }
}

/** A TCP port free on 127.0.0.1 right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Whether a program is on the PATH (or at an absolute path). */
export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}
