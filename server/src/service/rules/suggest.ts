import { ocrDistance } from '../data/similar';
import type { Span } from '../model';
import type { Fix } from './types';

/**
 * Whether replacing `word` with the nearest known form is certain enough to
 * do unattended: there is only one candidate, one edit (or two OCR
 * confusions) away, and the word has four characters or more. Two-letter
 * codes are each one edit from dozens of others, so they are never certain.
 */
export function certainReplacement(word: string, candidates: readonly string[]): boolean {
  return candidates.length === 1 && word.length >= 4 && ocrDistance(word, candidates[0]) <= 1;
}

/** One fix per replacement, best first; the first is preferred when `certain`. */
export function replacements(range: Span, texts: readonly string[], certain: boolean): Fix[] {
  return texts.map((t, i) => ({ title: `Replace with ${t}`, edits: [{ range: { start: range.start, end: range.end }, newText: t }], preferred: certain && i === 0 }));
}
