/** The AUTH_SECRET of the end-to-end server (playwright.config.ts), so a spec can read its cookies. */
export const E2E_AUTH_SECRET = 'e2e-only-secret-that-is-long-enough-0123456789';
