import type { Level } from '../model';
import { codeAt, isSpace } from '../text/chars';

/** Levels from lowest to highest; SBU and LOU share a rank (both unclassified handling levels). */
const RANK: Record<Level, number> = {
  UNCLASSIFIED: 0,
  'SENSITIVE BUT UNCLASSIFIED': 1,
  'LIMITED OFFICIAL USE': 1,
  CONFIDENTIAL: 2,
  SECRET: 3,
  'TOP SECRET': 4,
};

export function levelRank(level: Level): number {
  return RANK[level];
}

/** The portion mark a level is written with. */
export const PORTION_OF_LEVEL: Record<Level, string> = {
  UNCLASSIFIED: 'U',
  'SENSITIVE BUT UNCLASSIFIED': 'SBU',
  'LIMITED OFFICIAL USE': 'LOU',
  CONFIDENTIAL: 'C',
  SECRET: 'S',
  'TOP SECRET': 'TS',
};

const LEVEL_OF_PORTION: Record<string, Level> = {
  U: 'UNCLASSIFIED',
  UNCLAS: 'UNCLASSIFIED',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  LOU: 'LIMITED OFFICIAL USE',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/** The level a portion mark's text names (`S/NF` → SECRET), and its caveats. */
export function portionLevel(text: string): { level: Level | undefined; caveats: string[] } {
  const parts = text.toUpperCase().split(/\s*\/+\s*/).filter((p) => p !== '');
  const level = parts.length > 0 ? LEVEL_OF_PORTION[parts[0]] : undefined;
  return { level, caveats: level ? parts.slice(1) : [] };
}

/** Handling and control words that may follow a level. */
export const CAVEAT_WORDS = new Set([
  'NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS', 'SIPDIS', 'SBU', 'SENSITIVE', 'ORCON', 'PROPIN',
  'NF', 'CHEROKEE', 'ROGER', 'EYES', 'ONLY', 'DISSENT', 'CHANNEL', 'MED', 'MEDICAL', 'INFORM', 'CONSULAR',
]);


/** A classification marking read at the start of a string. */
export interface MarkingMatch {
  level: Level;
  /** Length of the matched marking in the source string, caveats included. */
  length: number;
  /** End of the level word(s) alone. */
  levelLength: number;
  caveats: string[];
  /** The level word ran straight into the next word (`CONFIDENTIALKAMPALA`). */
  glued: boolean;
  /** Written with OCR damage or spaced letters. */
  damaged: boolean;
}

function ocrNormal(token: string): string {
  return hasOcrDigit(token) ? token.replace(/0/g, 'O').replace(/[1|]/g, 'I').replace(/5/g, 'S') : token;
}

/** Whether a token holds a character OCR makes of a letter (`/[015|]/`), read by character code: most tokens are short words with none. */
function hasOcrDigit(token: string): boolean {
  for (let k = 0; k < token.length; k++) {
    const c = codeAt(token, k);
    if (c === 48 || c === 49 || c === 53 || c === 124) return true;
  }
  return false;
}

/** Equal, or for long words one OCR-damaged letter apart. */
function near(token: string, word: string): boolean {
  if (token === word) return true;
  if (word.length < 8 || token.length !== word.length) return false;
  let diff = 0;
  for (let k = 0; k < word.length && diff < 2; k++) if (token[k] !== word[k]) diff++;
  return diff <= 1;
}

const PLAIN: { words: string[]; joined: string; level: Level }[] = ([
  { words: ['TOP', 'SECRET'], level: 'TOP SECRET' },
  { words: ['SECRET'], level: 'SECRET' },
  { words: ['CONFIDENTIAL'], level: 'CONFIDENTIAL' },
  { words: ['LIMITED', 'OFFICIAL', 'USE'], level: 'LIMITED OFFICIAL USE' },
  { words: ['SENSITIVE', 'BUT', 'UNCLASSIFIED'], level: 'SENSITIVE BUT UNCLASSIFIED' },
  { words: ['UNCLASSIFIED'], level: 'UNCLASSIFIED' },
  { words: ['UNCLAS'], level: 'UNCLASSIFIED' },
] as { words: string[]; level: Level }[]).map((p) => ({ ...p, joined: p.words.join('') }));

const TOKEN = /[A-Z0-9|]+/y;

/** Whether `c` is one of TOKEN's characters (`[A-Z0-9|]`). */
function isTokenChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 124;
}

const LIKELY = /TOP|SEC|SE[ C]|CON|C[0O]N|UNC|LIM|SEN|5EC|[CSTUL] [A-Z0-9|]|[CSTUL][0-9|]/y;

/**
 * Reads a classification marking at `from` in `s`: plain (`CONFIDENTIAL`),
 * with caveats (`SECRET//NOFORN`, `UNCLASSIFIED//SBU`, `UNCLAS SENSITIVE`),
 * spaced (`C O N F I D E N T I A L`), OCR-damaged (`C0N F I0E N T I A L`) or
 * glued to the next word (`CONFIDENTIALKAMPALA 004180`). Upper case only: a
 * mixed-case "Secret" is prose.
 */
export function readMarking(s: string, from = 0): MarkingMatch | undefined {
  // Every marking starts like a level word, spaced letters or their OCR look-alikes: most prose fails here,
  // and most of it on the first character (T S C U L or 5), before the regex.
  const c = codeAt(s, from);
  if (c !== 84 && c !== 83 && c !== 67 && c !== 85 && c !== 76 && c !== 53) return undefined;
  LIKELY.lastIndex = from;
  if (!LIKELY.test(s)) return undefined;
  // Tokens: runs of capitals and digits separated by single spaces. Level words are three tokens at most;
  // spaced letters are tokens of up to three characters from the first on: after a longer first token, three
  // tokens are all that is read (a line of capitals would otherwise be cut into sixteen).
  const tokens: { text: string; start: number; end: number }[] = [];
  let i = from;
  while (tokens.length < (tokens.length > 0 && tokens[0].text.length > 3 ? 3 : 16)) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(s);
    if (!m) break;
    tokens.push({ text: ocrNormal(m[0]), start: i, end: i + m[0].length });
    i += m[0].length;
    if (codeAt(s, i) !== 32 || !isTokenChar(codeAt(s, i + 1))) break;
    i++;
  }
  if (tokens.length === 0) return undefined;
  let level: Level | undefined;
  let wordEnd = 0;
  let damaged = false;
  let glued = false;
  // Plain words, the last of which may run into the next word.
  for (const p of PLAIN) {
    if (tokens.length < p.words.length) continue;
    let ok = true;
    for (let k = 0; k < p.words.length && ok; k++) {
      const t = tokens[k].text;
      const w = p.words[k];
      const last = k === p.words.length - 1;
      if (near(t, w)) continue;
      if (last && t.length > w.length + 2 && near(t.slice(0, w.length), w) && !(w === 'UNCLAS' && t.startsWith('UNCLASS'))) {
        glued = true;
        continue;
      }
      ok = false;
    }
    if (!ok) continue;
    const lastTok = tokens[p.words.length - 1];
    level = p.level;
    wordEnd = glued ? lastTok.start + p.words[p.words.length - 1].length : lastTok.end;
    // Words exactly as long as the level's letters are undamaged only if they are those letters: compared in place.
    damaged = wordEnd - from === p.joined.length ? !s.startsWith(p.joined, from) : s.slice(from, wordEnd).replace(/ /g, '') !== p.joined;
    break;
  }
  // Spaced letters: short tokens whose letters together spell a level.
  if (!level && tokens[0].text.length <= 3) {
    let joined = '';
    for (let k = 0; k < tokens.length && tokens[k].text.length <= 3; k++) {
      joined += tokens[k].text;
      for (const p of PLAIN) {
        const w = p.joined;
        if (joined.length === w.length && near(joined, w) && k >= 2) {
          level = p.level;
          wordEnd = tokens[k].end;
          damaged = true;
        }
      }
      if (level) break;
    }
  }
  if (!level) return undefined;
  if (glued && !/^[A-Z]{3,}(?: [A-Z]+)*\s+\d/.test(s.slice(wordEnd))) return undefined;
  let end = wordEnd;
  const caveats: string[] = [];
  // A caveat follows a slash or a blank: a marking followed by neither (most often, nothing) has none.
  for (let c = codeAt(s, end); c === 47 || isSpace(c); c = codeAt(s, end)) {
    const rest = s.slice(end, end + 40);
    const slashes = /^\s*\/{1,2}\s*([A-Z][A-Z]*(?: [A-Z]+)?)/.exec(rest);
    if (slashes) {
      caveats.push(slashes[1]);
      end += slashes[0].length;
      continue;
    }
    const word2 = /^\s+([A-Z]+)(?![A-Z0-9])/.exec(rest);
    if (word2 && CAVEAT_WORDS.has(word2[1]) && !/^\s+SENSITIVE\s+BUT/.test(rest)) {
      caveats.push(word2[1]);
      end += word2[0].length;
      continue;
    }
    break;
  }
  let finalLevel = level;
  if (level === 'UNCLASSIFIED' && caveats.some((c) => c === 'SBU' || c === 'SENSITIVE')) finalLevel = 'SENSITIVE BUT UNCLASSIFIED';
  return { level: finalLevel, length: end - from, levelLength: wordEnd - from, caveats, glued, damaged };
}
