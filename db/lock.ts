import fs from 'node:fs';

/** Locks this process holds, so a second open of the same folder in-process is refused too. */
const held = new Set<string>();

/**
 * PGlite has no lock of its own: two processes opening one folder silently lose writes.
 * This takes `<dir>.lock` holding our pid, refuses if a live process (or this one) holds it,
 * and removes it when the process exits. Returns the release function.
 */
export function acquireFolderLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  if (held.has(lockPath)) {
    throw new Error(
      `The embedded database in ${dir} is already open in this process: share that handle instead of opening it again.`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      held.add(lockPath);
      const release = () => {
        held.delete(lockPath);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dir} is already open in process ${holder}. ` +
            'PGlite cannot be shared between processes: stop that process (a running `npm run dev`?), ' +
            'or set DATABASE_URL to use a Postgres server.',
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
