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
