import fs from 'node:fs/promises';
import path from 'node:path';

export const runtime = 'nodejs';

/** The API guide (docs/api.md), as plain text a browser shows as it is. */
export async function GET() {
  const text = await fs.readFile(path.join(process.cwd(), 'docs', 'api.md'), 'utf8');
  return new Response(text, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  });
}
