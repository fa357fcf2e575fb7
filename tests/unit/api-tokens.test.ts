import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateApiToken,
  hashApiToken,
  parseApiToken,
  tokenHint,
} from '@/server/services/api-tokens';

const orgId = '0f8e5c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6';

describe('API tokens', () => {
  it('carry the organization id without dashes and 32 random bytes, and parse back to the organization', () => {
    const token = generateApiToken(orgId);
    expect(token).toMatch(/^vs_0f8e5c1a2b3c4d5e8f90a1b2c3d4e5f6_[A-Za-z0-9_-]{43}$/);
    expect(parseApiToken(token)).toEqual({ orgId });
    expect(generateApiToken(orgId)).not.toBe(token);
  });

  it('parse any generated token back to its organization', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(parseApiToken(generateApiToken(id))).toEqual({ orgId: id.toLowerCase() });
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['another prefix', generateApiToken(orgId).replace(/^vs_/, 'xx_')],
    ['a short secret', generateApiToken(orgId).slice(0, -1)],
    ['a long secret', `${generateApiToken(orgId)}A`],
    ['an organization id with dashes', `vs_${orgId}_${'A'.repeat(43)}`],
    ['upper-case hex', `vs_${orgId.replaceAll('-', '').toUpperCase()}_${'A'.repeat(43)}`],
    ['characters outside base64url', `vs_${orgId.replaceAll('-', '')}_${'+'.repeat(43)}`],
    ['surrounding spaces', ` ${generateApiToken(orgId)} `],
  ])('refuse %s', (_, token) => {
    expect(parseApiToken(token)).toBeNull();
  });

  it('never parse random text as a token', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        expect(parseApiToken(s)).toBeNull();
      }),
    );
  });

  it('are stored as a SHA-256 of the whole token, with the last four characters as a hint', () => {
    const token = generateApiToken(orgId);
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(`${token.slice(0, -1)}x`)).not.toBe(hashApiToken(token));
    expect(tokenHint(token)).toBe(token.slice(-4));
  });
});
