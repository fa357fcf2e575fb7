import { TRPCClientError } from '@trpc/client';
import { editorPath } from './draft-steps';

/**
 * The server's field errors, first message per field, keyed as the steps editor reads them:
 * `steps.2.processTimeSeconds` becomes `steps.2.processTime`; `calendar.*` and other keys
 * (`name`, `guide.steps.0.name`…) are kept as they came.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const data: unknown = error instanceof TRPCClientError ? error.data : undefined;
  const raw = data && typeof data === 'object' && 'fieldErrors' in data ? data.fieldErrors : null;
  const out: Record<string, string> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, messages] of Object.entries(raw)) {
    const message: unknown = Array.isArray(messages) ? messages[0] : undefined;
    if (typeof message !== 'string') continue;
    out[editorPath(key) ?? key] ??= message;
  }
  return out;
}
