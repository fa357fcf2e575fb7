/** Runs once when the server starts: fail early, with a clear message, on a bad environment. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('./lib/env');
    env();
  }
}
