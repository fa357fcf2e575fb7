import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '@/server/services/orgs';
import { orgSlugSchema } from '@/lib/validation/members';

describe('slugify', () => {
  it.each([
    ['Acme Motors', 'acme-motors'],
    ['Crème Brûlée', 'creme-brulee'],
    ['Société Générale', 'societe-generale'],
    ['Ångström Ünïcode', 'angstrom-unicode'],
    ['Hello, World!', 'hello-world'],
    ['  --Foo___Bar--  ', 'foo-bar'],
    ['R&D / Ops (EMEA)', 'r-d-ops-emea'],
    ['Team 42', 'team-42'],
    ['ＡＣＭＥ', 'acme'], // full-width letters fold to ASCII
  ])('%j -> %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each([
    ['A', 'org-a'],
    ['7', 'org-7'],
    ['!!!', 'org-new'],
    ['', 'org-new'],
    ['日本語', 'org-new'],
  ])('a name too short for a slug (%j) gets an org- prefix: %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts long names to at most 40 characters, never ending in a dash', () => {
    const slug = slugify(`${'abcdefghi '.repeat(3)}abcdefghi-and more words here`);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('abcdefghi-abcdefghi-abcdefghi-abcdefghi');
    expect(slugify('x'.repeat(39) + ' y')).toBe('x'.repeat(39));
  });

  it.each([
    'Acme Motors',
    'Crème Brûlée',
    '!!!',
    'A',
    'x'.repeat(200),
    '--a--b--',
    'Ünïcode 日本 ✓',
  ])('always yields a slug the API accepts (%j)', (name) => {
    expect(orgSlugSchema.safeParse(slugify(name)).success).toBe(true);
  });

  it('for any name at all: a valid slug of at most 40 characters, and slugify is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (name) => {
        const slug = slugify(name);
        return orgSlugSchema.safeParse(slug).success && slug.length <= 40 && slugify(slug) === slug;
      }),
    );
  });
});
