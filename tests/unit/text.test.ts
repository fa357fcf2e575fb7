import { describe, expect, it } from 'vitest';
import { isCleanLine, isCleanText, lineText, noteText } from '@/lib/validation/text';

describe('text people type', () => {
  it('one line refuses every control character and broken Unicode; notes keep tab and line breaks', () => {
    for (let code = 0; code <= 0x9f; code++) {
      const c = String.fromCharCode(code);
      const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
      expect(isCleanLine(`a${c}b`), `U+${code.toString(16)}`).toBe(!control);
      expect(isCleanText(`a${c}b`), `U+${code.toString(16)}`).toBe(
        !control || c === '\t' || c === '\n' || c === '\r',
      );
    }
    expect(isCleanLine('lone \ud800')).toBe(false);
    expect(isCleanText('pair 𝄞 ünïcode ✓')).toBe(true);
  });

  it('trims, counts after trimming, and keeps notes as typed when asked', () => {
    expect(lineText(3).parse('  abc  ')).toBe('abc');
    expect(lineText(3).safeParse('abcd').success).toBe(false);
    expect(noteText(10, { trim: false }).parse(' a\n')).toBe(' a\n');
    expect(noteText(10).parse(' a\n')).toBe('a');
  });
});
