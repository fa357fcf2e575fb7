import { z } from 'zod';

/**
 * Runs in the browser before the app. zod 4 compiles object parsers with `new Function` when it
 * may; the pages' Content-Security-Policy allows no eval (proxy.ts), and even zod's probe for it
 * is reported as a violation. The interpreted parsers are fast enough for forms.
 */
z.config({ jitless: true });
