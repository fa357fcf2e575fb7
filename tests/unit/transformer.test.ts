import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { plainJson, transformer } from '@/server/transformer';

describe('the tRPC transformer', () => {
  it('sends a marked answer as it is, and the browser’s superjson reads it back unchanged', () => {
    const answer = plainJson({
      streams: [{ id: 'a', lead: { value: 12, change: null } }],
      weeks: ['2025-03-03'],
    });
    const sent = transformer.serialize(answer);
    expect(sent).toEqual({ json: answer });
    expect((sent as { json: unknown }).json).toBe(answer); // not copied, not walked
    expect(superjson.deserialize(JSON.parse(JSON.stringify(sent)))).toEqual(answer);
  });

  it('still encodes what JSON cannot carry in answers that are not marked', () => {
    const at = new Date('2025-03-03T10:00:00Z');
    const sent = transformer.serialize({ at, missing: undefined });
    expect(sent).toHaveProperty('meta');
    const back = transformer.deserialize(JSON.parse(JSON.stringify(sent))) as {
      at: Date;
      missing?: unknown;
    };
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(at.getTime());
    expect('missing' in back).toBe(true);
  });

  it('marks only the object it is given, not copies of it or its parts', () => {
    const inner = { at: new Date(0) };
    plainJson({ inner });
    expect(transformer.serialize(inner)).toHaveProperty('meta');
    expect(transformer.serialize({ ...plainJson({ a: 1 }) })).toEqual({ json: { a: 1 } }); // superjson's own output for plain JSON
  });
});
