import { fieldErrorsOf } from '@/components/trpc/errors';
import { editorPath } from './draft-steps';

/**
 * The server's field errors, first message per field, keyed as the steps editor reads them:
 * `steps.2.processTimeSeconds` becomes `steps.2.processTime`; `calendar.*` and other keys
 * (`name`, `guide.steps.0.name`…) are kept as they came.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrorsOf(error) ?? {})) {
    const message = messages[0];
    if (message) out[editorPath(key) ?? key] ??= message;
  }
  return out;
}
