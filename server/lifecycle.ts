/**
 * The process's lifecycle, shared with the launcher (scripts/start.mjs) through one global: the
 * launcher marks the process as draining on SIGTERM and, once the requests in flight are done,
 * calls what the app registered here to close its database (decision 0018).
 */
interface Lifecycle {
  draining: boolean;
  close?: () => Promise<void>;
}

const scope = globalThis as typeof globalThis & { __valuestreamLifecycle?: Lifecycle };
const lifecycle = (scope.__valuestreamLifecycle ??= { draining: false });

/** True once the server was told to stop: it finishes what it has and takes nothing new. */
export function isDraining(): boolean {
  return lifecycle.draining;
}

/** Registers how to close the database when the server stops (one database per process). */
export function closeOnStop(close: () => Promise<void>): void {
  lifecycle.close = close;
}
