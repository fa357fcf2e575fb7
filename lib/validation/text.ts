/**
 * Text people type: trimmed, within a length, and free of what no person means to type. Control
 * characters (a NUL, an escape, a form feed) and broken Unicode (a lone surrogate) are refused
 * with a message on the field: Postgres cannot store a NUL, and the others hide in names and
 * exports. One-line text (names, titles) refuses line breaks and tabs too; notes keep them.
 */
import { z } from 'zod';

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, less tab, line feed and carriage return. */
const CONTROL_IN_NOTES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const controlCharacterMessage =
  'Remove the control character or broken Unicode from this text (it may have come with a paste).';

/** True when one-line text holds nothing but what a person types. */
export function isCleanLine(v: string): boolean {
  return !CONTROL.test(v) && v.isWellFormed();
}

/** True when multi-line text holds nothing but what a person types (tabs and line breaks too). */
export function isCleanText(v: string): boolean {
  return !CONTROL_IN_NOTES.test(v) && v.isWellFormed();
}

/** One line: a name, a title, a search. `max` counts characters after trimming. */
export function lineText(max: number, tooLong = `Use at most ${max} characters.`) {
  return z
    .string({ error: 'Enter text.' })
    .trim()
    .max(max, { error: tooLong })
    .refine(isCleanLine, { error: controlCharacterMessage });
}

/**
 * Several lines: a note, a description. `trim: false` keeps the text as typed (notes a draft
 * saves while someone is still typing them).
 */
export function noteText(max: number, { trim = true }: { trim?: boolean } = {}) {
  const text = z.string({ error: 'Enter text.' });
  return (trim ? text.trim() : text)
    .max(max, { error: `Use at most ${max} characters.` })
    .refine(isCleanText, { error: controlCharacterMessage });
}
