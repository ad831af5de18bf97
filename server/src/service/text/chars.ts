import type { Source } from './source';

/**
 * Character tests on UTF-16 code units, for the parser's hot loops: a regex
 * call per character or per word costs far more than a comparison.
 */

/**
 * `s`, known to the optimising compiler as a string. V8 records at each
 * property read the kinds of object it met, and the parser's strings come in
 * more kinds than it records (flat or sliced out of a text, one or two bytes
 * a character, short copies, literals): `s.length` on a plain parameter
 * becomes a generic lookup each time, but a direct read on a value known to
 * be a string. Hot functions taking a string begin with `s = asString(s)`.
 */
export function asString(s: string): string {
  return '' + s;
}

/**
 * `s.charCodeAt(i)` for hot loops: the method is called as itself, not
 * looked up on `s` (a generic lookup on the parser's many kinds of string,
 * see {@link asString}), so the read is compiled inline. The bounds are
 * tested here: a read past the end would make the compiler give up inlining
 * it, for every caller at once.
 */
export function codeAt(s: string, i: number): number {
  s = asString(s);
  return i >= 0 && i < s.length ? String.prototype.charCodeAt.call(s, i) : NaN;
}

/** `s.charAt(i)` (`''` out of range), called as {@link codeAt} is: where `s[i]` would be a generic lookup. */
export function charAt(s: string, i: number): string {
  s = asString(s);
  return i >= 0 && i < s.length ? String.prototype.charAt.call(s, i) : '';
}

/** Whether `c` is whitespace as a regex's `\s` sees it (including line breaks and Unicode spaces). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where the whitespace (as `\s` sees it) that starts `s[from, to)` ends: `from` plus the length `trimStart` would remove, without slicing. */
export function startAfterSpaces(s: Source, from: number, to: number): number {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  return from;
}

/** Where the whitespace (as `\s` sees it) that ends `s[from, to)` starts: `to` less the length `trimEnd` would remove, without slicing. */
export function endBeforeSpaces(s: Source, from: number, to: number): number {
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

/** Whether `c` is a lower-case ASCII letter (`/[a-z]/`). */
export function isLowerCase(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Whether `s[from, to)` holds a lower-case ASCII letter (`/[a-z]/`). */
export function hasLowerCase(s: Source, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) if (isLowerCase(s.charCodeAt(i))) return true;
  return false;
}

/** Whether `s` is `min` to `max` ASCII digits (`/^\d{min,max}$/`). */
export function isDigits(s: string, min: number, max: number): boolean {
  if (s.length < min || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `s.toUpperCase()`, without making a new string when `s` is ASCII with no lower-case letter (as TAGS codes are). */
export function upperCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || isLowerCase(c)) return s.toUpperCase();
  }
  return s;
}
