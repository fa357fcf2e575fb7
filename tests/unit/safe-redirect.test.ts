/** After sign-in, only paths of this app (issue 11, finding 1: an open redirect). */
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/safe-redirect';

describe('safeRedirectPath', () => {
  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    '\\/evil.example',
    '/\\/evil.example',
    'https://evil.example/x',
    'javascript:alert(1)',
    ' /x',
    '',
  ])('refuses %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
  });

  it('keeps a path of the app, with its query and fragment, normalised', () => {
    expect(safeRedirectPath('/northwind-retail')).toBe('/northwind-retail');
    expect(safeRedirectPath('/join/acme/abc?x=1#top')).toBe('/join/acme/abc?x=1#top');
    expect(safeRedirectPath('/a/../join/acme/t')).toBe('/join/acme/t');
    expect(safeRedirectPath(undefined, '/orgs/new')).toBe('/orgs/new');
  });
});
