import type { Source } from './source';

/**
 * Character tests on UTF-16 code units, for the parser's hot loops: a regex
 * call per character or per word costs far more than a comparison.
 */

/** Whether `c` is whitespace as a regex's `\s` sees it (including line breaks and Unicode spaces). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
