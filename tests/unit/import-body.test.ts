/** The import body read a slice at a time (server/api/import-body.ts). */
import { describe, expect, it } from 'vitest';
import { encodeImport, importBody } from '@/lib/imports/wire';
import { ImportRows, readImport } from '@/server/api/import-body';
import { ApiResponseError } from '@/server/api/respond';

const rowsOf = (text: string) => {
  const bytes = Buffer.from(text);
  return new ImportRows(bytes, bytes.indexOf(0x0a) + 1);
};

describe('ImportRows', () => {
  it('finds every line, skipping blank ones and carriage returns, and parses any slice', () => {
    const rows = rowsOf('{"h":1}\n[2,"a\\nb"]\r\n\n  \n[3,"ü 𝄞"]\n[4,null]');
    expect(rows.total).toBe(3);
    expect(rows.slice(0, 3)).toEqual([
      [2, 'a\nb'],
      [3, 'ü 𝄞'],
      [4, null],
    ]);
    expect(rows.slice(1, 2)).toEqual([[3, 'ü 𝄞']]);
    expect(rows.slice(2, 10)).toEqual([[4, null]]);
    expect(rows.slice(3, 5)).toEqual([]);
  });

  it('a line that is not JSON reads as null, and its neighbours are still read', () => {
    const rows = rowsOf('{}\n[2]\n[3, "open\n[4]\n');
    expect(rows.slice(0, 3)).toEqual([[2], null, [4]]);
  });
});

describe('readImport', () => {
  const request = (body: string, type = 'application/x-ndjson') =>
    new Request('http://test.local/api/imports', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('reads the header and the rows of what the page sends', async () => {
    const body = importBody('w.csv', [
      { row: 2, values: { streamId: 's', periodStart: '2026-01-05', periodEnd: '2026-01-11' } },
    ]);
    const read = await readImport(request(encodeImport(body)));
    expect(read).toMatchObject({ fileName: 'w.csv', streamIds: ['s'] });
    expect(read.rows.slice(0, 1)).toEqual(body.rows);
  });

  it.each([
    ['{"x": 1}', 'application/json', 415],
    ['not json\n[2]', 'application/x-ndjson', 400],
    ['{"fileName":"a.csv","columns":[],"streamIds":[]}\n', 'application/x-ndjson', 400],
  ])('refuses %j (%s) with %i', async (body, type, status) => {
    const error = await readImport(request(body, type)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as ApiResponseError).response.status).toBe(status);
  });
});
