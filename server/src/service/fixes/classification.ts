/**
 * Fixes to a cable's overall classification: inserting the classification
 * line a cable lacks, and raising the overall markings to the level of the
 * highest portion mark.
 */
import type { Source } from '../text/source';
import type { Cable, Level, Marking } from '../model';
import { levelRank, readMarking } from '../parser/levels';
import { highestPortionLevel } from '../rules/portions';
import type { Fix, TextEdit } from '../rules/types';

/**
 * The fixes that give a cable with no classification marking its
 * classification line, above everything else: the level of the highest
 * portion mark when there is one (preferred), else a choice of the usual
 * levels. A draft and a messaging-system cable carry the line at the top (the
 * banner above the field block); a printed telegram carries its level in page
 * banners and the text header, so no single line would do and none is offered.
 */
export function insertClassification(cable: Cable): Fix[] {
  if (cable.layout === 'telegram') return [];
  const top = highestPortionLevel(cable);
  const levels: Level[] = top ? [top] : ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET'];
  // Rules write line breaks as \n; the service writes them in the document's own.
  return levels.map((level) => ({ title: `Insert the classification line ${level}`, edits: [{ range: { start: cable.start, end: cable.start }, newText: `${level}\n\n` }], preferred: top !== undefined }));
}

/** The markings that show a cable's overall classification: classification line, page banners, text header, closing line. */
const OVERALL: ReadonlySet<Marking['role']> = new Set(['top', 'banner', 'text-header', 'closing']);

/**
 * The fix that raises every overall marking of a cable to the level of its
 * highest portion mark, when that is above the overall classification. Only
 * the level words change: caveats (`//NOFORN`) stay, and a level spelt out in
 * spaced letters (`C O N F I D E N T I A L`) is written spaced. Nothing is
 * offered where the direction or the form is unclear: a marking already above
 * the portions, a level carried by a caveat (`UNCLASSIFIED//SBU`), or a marking
 * that cannot be read again. Raising to a handling level (SBU, LOU) is
 * offered but not preferred, as its form (a banner or a caveat) is the era's.
 */
export function raiseClassification(cable: Cable, text: Source): Fix | undefined {
  const level = cable.level;
  const target = highestPortionLevel(cable);
  if (!level || !target || levelRank(target) <= levelRank(level)) return undefined;
  const edits: TextEdit[] = [];
  for (const m of cable.markings) {
    if (!OVERALL.has(m.role)) continue;
    if (levelRank(m.level) > levelRank(target)) return undefined;
    if (m.level === target) continue;
    const read = readMarking(lineFrom(text, m.start));
    if (!read || read.level !== m.level || read.caveats.some((c) => c === 'SBU' || c === 'SENSITIVE')) return undefined;
    const shown = text.slice(m.start, m.start + read.levelLength);
    const spaced = /^[A-Z0-9|] [A-Z0-9|] /.test(shown);
    edits.push({ range: { start: m.start, end: m.start + read.levelLength }, newText: spaced ? target.replace(/ /g, '').split('').join(' ') : target });
  }
  if (edits.length === 0) return undefined;
  return { title: `Raise the classification to ${target}`, edits, preferred: levelRank(target) >= levelRank('CONFIDENTIAL') };
}

/** The text from `at` to the end of its line, where a marking is read. */
function lineFrom(text: Source, at: number): string {
  let end = at;
  for (let c = text.charCodeAt(end); end < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++end));
  return text.slice(at, end);
}
