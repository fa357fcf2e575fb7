/** Reading an API request: its content type, its body (bounded in size) and its JSON. */
import { checkCaller, type Caller } from '../tenant';
import { apiError, ApiResponseError } from './respond';

/** The largest body the API reads: 5,000 measurements fit in well under half of it. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** `application/json`, or any `…+json` type, with or without parameters such as charset. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

function tooLarge(max: number): ApiResponseError {
  return new ApiResponseError(
    apiError(
      413,
      'body_too_large',
      `The body is larger than ${max / 1024 / 1024} MB. Send fewer measurements per request.`,
    ),
  );
}

/** The body's bytes, refusing (413) as soon as they pass `max`, whatever Content-Length said. */
export async function readBodyBytes(request: Request, max = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The body as text (UTF-8), within `max` bytes. */
export async function readBodyText(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(request, max)).toString('utf8');
}

/** The request's JSON body, after the content-type and size checks; a response (415, 413, 400) otherwise. */
export async function readJson(request: Request, max = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new ApiResponseError(
      apiError(
        415,
        'unsupported_media_type',
        'Send the body as JSON, with Content-Type: application/json.',
      ),
    );
  }
  const text = await readBodyText(request, max);
  if (text.trim() === '')
    throw new ApiResponseError(
      apiError(400, 'invalid_json', 'The body is empty: send a JSON object.'),
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    throw new ApiResponseError(
      apiError(400, 'invalid_json', `The body is not valid JSON${detail}.`),
    );
  }
}

/** The Bearer token of the Authorization header, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * A browser's request from another site, which would carry the session cookie (CSRF): its Origin
 * names another host than the one it was sent to, or Sec-Fetch-Site says it is cross-site.
 * Browsers send Origin with every POST; a client that sends neither is no browser, and has no
 * victim's cookie to ride on.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ||
    request.headers.get('host') ||
    new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}

export function crossSiteRefusal(): Response {
  return apiError(403, 'forbidden', 'Requests from other sites are refused.');
}

/** The API's caller: the Bearer token, refused (401) at once when missing or not shaped like a token. */
export function tokenCaller(request: Request): Caller {
  const caller = { kind: 'token', token: bearerToken(request) } as const;
  checkCaller(caller);
  return caller;
}

/** 1 to 255 printable ASCII characters: a UUID is the usual choice. */
const KEY_PATTERN = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** The Idempotency-Key header, checked; a 400 response otherwise. */
export function idempotencyKeyOf(request: Request): string {
  const key = request.headers.get('idempotency-key');
  if (key === null || key.trim() === '') {
    throw new ApiResponseError(
      apiError(
        400,
        'idempotency_key_required',
        'Send an Idempotency-Key header (a new UUID per measurement or batch) so a retry never adds twice.',
        {
          field: 'Idempotency-Key',
        },
      ),
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw new ApiResponseError(
      apiError(
        400,
        'idempotency_key_invalid',
        'The Idempotency-Key must be 1 to 255 printable ASCII characters, e.g. a UUID.',
        { field: 'Idempotency-Key' },
      ),
    );
  }
  return key;
}
