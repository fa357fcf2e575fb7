import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFolderLock } from '@/db/lock';

let dir: string;
let lockPath: string;
const releases: (() => void)[] = [];
const children: ChildProcess[] = [];

function acquire() {
  const release = acquireFolderLock(dir);
  releases.push(release);
  return release;
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '0']);
  if (!done.pid) throw new Error('could not start a short-lived process');
  return done.pid;
}

beforeEach(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-lock-'));
  dir = path.join(root, 'pglite');
  lockPath = `${dir}.lock`;
});

afterEach(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) child.kill();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('acquireFolderLock', () => {
  it('writes our pid next to the folder and removes it on release', () => {
    const release = acquire();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('can be taken again by the same process after release', () => {
    acquire()();
    const again = acquire();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    again();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('refuses a second open of the same folder within this process', () => {
    const release = acquire();
    expect(() => acquire()).toThrow(/already open in this process/);
    release();
    acquire()();
  });

  it('releases on process exit, and stops listening once released', () => {
    const listeners = process.listenerCount('exit');
    const release = acquire();
    expect(process.listenerCount('exit')).toBe(listeners + 1);
    release();
    expect(process.listenerCount('exit')).toBe(listeners);
    release(); // twice is harmless
  });

  it('refuses while a live process holds it, naming that process, and leaves its lock alone', async () => {
    const holder = spawn('sleep', ['5'], { stdio: 'ignore' });
    children.push(holder);
    await new Promise<void>((resolve, reject) =>
      holder.once('spawn', resolve).once('error', reject),
    );
    const pid = holder.pid;
    if (!pid) throw new Error('sleep did not start');
    fs.writeFileSync(lockPath, String(pid));

    expect(() => acquireFolderLock(dir)).toThrow(new RegExp(`already open in process ${pid}\\b`));
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(pid));
  });

  it('takes over a lock whose process is gone', () => {
    const pid = deadPid();
    fs.writeFileSync(lockPath, String(pid));
    const release = acquire();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock file that holds no pid', () => {
    fs.writeFileSync(lockPath, 'garbage');
    acquire();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
  });

  it('release does not remove a lock another process has taken since', () => {
    const release = acquire();
    fs.writeFileSync(lockPath, '999999');
    release();
    expect(fs.readFileSync(lockPath, 'utf8')).toBe('999999');
  });

  it('reports a folder it cannot create a lock in', () => {
    expect(() => acquireFolderLock(path.join(dir, 'missing', 'deeper'))).toThrow(/ENOENT/);
  });
});
