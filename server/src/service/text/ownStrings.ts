/**
 * Copies of the strings a long-lived structure holds, so that it no longer
 * keeps alive the text they were cut from.
 *
 * V8 makes a slice of 13 characters or more a view into the whole string
 * (a "sliced string"), and a concatenation a tree over its parts: a subject
 * line read from a 10 MB document keeps the 10 MB alive. An editor that
 * keeps a cable's model from one version of a document to the next would
 * otherwise hold every version's text that some cable was last parsed from.
 */

/** V8's shortest sliced string: shorter slices are copies already. */
const MIN_VIEW = 13;
/** Models are shallow trees; deeper than this is not one (a cycle), and is left. */
const MAX_DEPTH = 32;

/**
 * Replaces, in place, every string of 13 or more characters held by the
 * items of `list` (their objects and arrays, deeply) with a copy of its own.
 * Items in `owned` are skipped, and those walked are added to it, so that
 * what is kept from one version to the next is walked once.
 */
export function ownStrings(list: readonly object[], owned: WeakSet<object>): void {
  for (const item of list) {
    if (owned.has(item)) continue;
    owned.add(item);
    own(item, 0);
  }
}

function own(value: unknown, depth: number): void {
  // A frozen object holds constants, not slices (and cannot be written).
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || ArrayBuffer.isView(value) || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') {
        if (v.length >= MIN_VIEW) value[i] = ownCopy(v);
      } else own(v, depth + 1);
    }
    return;
  }
  const o = value as Record<string, unknown>;
  for (const key in o) {
    const v = o[key];
    if (typeof v === 'string') {
      if (v.length >= MIN_VIEW) o[key] = ownCopy(v);
    } else own(v, depth + 1);
  }
}

/**
 * A string equal to `s` that refers to no other: the concatenation is
 * flattened into new storage when sliced, and the slice is a view into that
 * storage alone, one character longer than `s`.
 */
export function ownCopy(s: string): string {
  return `${s} `.slice(0, -1);
}

const BEYOND_LATIN1 = /[^\0-\xff]/;
/** Characters handed to `String.fromCharCode` at a time. */
const CODES_AT_ONCE = 4096;

/**
 * A copy of `s` of its own, stored one byte per character when it can be.
 * A slice of a text that holds a single emoji is stored two bytes per
 * character, however plain its own characters: chunks made that way would
 * double a document's memory, and joining such texts copies twice as much.
 * A string made from character codes that all fit in a byte is stored one
 * byte per character.
 */
export function compactCopy(s: string): string {
  if (BEYOND_LATIN1.test(s)) return ownCopy(s);
  const codes = new Uint8Array(Math.min(s.length, CODES_AT_ONCE));
  let out = '';
  for (let at = 0; at < s.length; at += CODES_AT_ONCE) {
    const n = Math.min(CODES_AT_ONCE, s.length - at);
    for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(at + i);
    out += String.fromCharCode.apply(null, n === codes.length ? (codes as unknown as number[]) : (codes.subarray(0, n) as unknown as number[]));
  }
  return ownCopy(out);
}
