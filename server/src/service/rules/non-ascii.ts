import type { Span } from '../model';
import type { Finding, Fix, Rule } from './types';

/** Typographic punctuation that messaging-system cables (2009 on) carry as written. */
const MESSAGING_TYPOGRAPHY = /[\u2010-\u2015\u2018-\u201f\u2022\u2026\u00a0\u00b7]/;

const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...', '\u2022': '-', '\u00b7': '-', '\u00a0': ' ', '\u00d7': 'X', '\u00bd': '1/2', '\u00bc': '1/4', '\u00be': '3/4',
  '\u00df': 'ss', '\u00c6': 'AE', '\u00e6': 'ae', '\u0152': 'OE', '\u0153': 'oe', '\u00d8': 'O', '\u00f8': 'o', '\u00a9': '(C)',
};

/** The ASCII a character stands for (`Í` → `I`), or undefined when there is none. */
export function asciiFor(ch: string): string | undefined {
  if (REPLACEMENTS[ch] !== undefined) return REPLACEMENTS[ch];
  const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[\x20-\x7e]+$/.test(stripped) ? stripped : undefined;
}

/** A replacement shown in quotes that do not clash with it: `"'"`, `'"'`, `'-'`. */
function quoted(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}

/**
 * A run of characters inside the set (tab, line breaks, vertical tab, form
 * feed and printable ASCII), from `lastIndex`: the next character outside is
 * where the run ends. Matching the run greedily is a tight loop, more than
 * twice as fast as searching for `[^\t-\r -~]`, which is tried anew at every
 * position; most cables are clean, so this scan is most of the rule's work.
 */
const INSIDE = /[\t-\r -~]*/y;

/** Where the first character outside the set at or after `from` stands in `s`, or `s.length`. */
function nextOutside(s: string, from: number): number {
  INSIDE.lastIndex = from;
  INSIDE.test(s);
  return INSIDE.lastIndex;
}

/**
 * The fix writing `ascii` for `ch`, found at `at` in `line`: in the case of
 * the word around it (`STRAßE` becomes `STRASSE`), and a fraction after a
 * digit spaced from it (`1½` becomes `1 1/2`). It is preferred except for ©,
 * which OCR also makes of the portion mark (C): what it stood for is the
 * user's call, and (C) at the start of a paragraph marks it CONFIDENTIAL.
 */
function replacement(ch: string, ascii: string, line: string, at: number, range: Span): Fix {
  const letters = (line.slice(Math.max(0, at - 1), at) + line.slice(at + ch.length, at + ch.length + 1)).replace(/[^A-Za-z]/g, '');
  let newText = /[a-z]/.test(ascii) && letters !== '' && letters === letters.toUpperCase() ? ascii.toUpperCase() : ascii;
  if (/[\u00bc-\u00be]/.test(ch) && /\d/.test(line[at - 1] ?? '')) newText = ` ${newText}`;
  return { title: `Replace with ${quoted(newText)}`, edits: [{ range, newText }], preferred: ch !== '\u00a9' };
}

/** The characters the `allow` option lets through: every character of every string given. */
function allowedBy(options: Readonly<Record<string, unknown>>): Set<string> {
  const allow = Array.isArray(options.allow) ? options.allow : [];
  return new Set(allow.flatMap((a) => (typeof a === 'string' ? [...a] : [])));
}

/** Characters outside the telegraphic character set (OCR accents, smart quotes, control characters). */
export const nonAscii: Rule = {
  id: 'non-ascii',
  description: 'Characters outside the telegraphic character set (OCR accents like MINIMÍZE, smart quotes); suggests the ASCII replacement.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    properties: {
      allow: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Characters not to flag, as they appear in the text (e.g. ["é", "ü"] for transcriptions that keep their accents).',
      },
    },
    additionalProperties: false,
  },
  check({ cable, doc, text, options }) {
    const out: Finding[] = [];
    const { starts, ends } = doc.lines;
    // One scan of the cable's lines finds the characters to report, and the line of each: most cables have none,
    // and the rest only a few, so there is no regex call per line.
    const from = starts[cable.startLine];
    const s = text.slice(from, ends[cable.endLine]);
    // Most cables are plain ASCII (their first line's indentation left out): one scan settles that.
    const indent = cable.start - from;
    const found = nextOutside(s, indent);
    if (found === s.length) return out;
    const messaging = cable.layout === 'messaging';
    const allowed = allowedBy(options);
    let line = cable.startLine;
    // The scan goes on from the first character found, counting the indentation's, not again from the top.
    const head = indent > 0 ? nextOutside(s.slice(0, indent), 0) : indent;
    const first = head < indent ? head : found;
    for (let index = first, next = index + 1; index < s.length; index = nextOutside(s, next), next = index + 1) {
      const offset = from + index;
      while (ends[line] < offset) line++;
      const kind = doc.lineKinds[line];
      if (kind === 'release-stamp' || kind === 'email-header' || kind === 'blank') continue;
      const start = starts[line];
      const at = offset - start;
      let ch = s[index];
      // A surrogate pair is one character.
      if (/[\ud800-\udbff]/.test(ch) && /[\udc00-\udfff]/.test(text.charAt(offset + 1))) {
        ch += text.charAt(offset + 1);
        next++;
      }
      if (ch === '\ufeff' && offset === 0) continue;
      if (messaging && MESSAGING_TYPOGRAPHY.test(ch)) continue;
      if (allowed.has(ch)) continue;
      const range = { start: offset, end: offset + ch.length };
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const ascii = asciiFor(ch);
      const shown = /[\x00-\x1f\x7f-\x9f]/.test(ch) ? `control character ${code}` : `'${ch}' (${code})`;
      out.push({
        range,
        message: ascii !== undefined ? `${shown[0].toUpperCase()}${shown.slice(1)} is outside the telegraphic character set: write ${quoted(ascii)}.` : `${shown[0].toUpperCase()}${shown.slice(1)} is outside the telegraphic character set: remove it or spell it out in ASCII.`,
        fixes: ascii !== undefined ? [replacement(ch, ascii, text.slice(start, ends[line]), at, range)] : [{ title: 'Remove it', edits: [{ range, newText: '' }] }],
      });
    }
    return out;
  },
};
