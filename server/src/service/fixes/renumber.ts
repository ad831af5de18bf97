/**
 * Renumbering a cable's paragraphs in sequence (1, 2, 3...; A, B, C... and
 * (1), (2)... within each paragraph), with the references to them in the
 * text (`PARA 4 BELOW`, `PARAS 3-5`). The paragraph-numbering rule offers it
 * as its fix; an editor runs it as "Renumber paragraphs".
 */
import type { Source } from '../text/source';
import type { BlockMarker, Cable, Paragraph, ParsedDocument, Span, Subparagraph } from '../model';
import { earlierSections, telegramSections } from '../rules/sections';
import type { TextEdit } from '../rules/types';

/** A paragraph that carries a number. */
export type NumberedParagraph = Paragraph & { number: number; numberSpan: Span };

/** The numbered paragraphs of a cable, in order. */
export function numberedParagraphs(cable: Cable): NumberedParagraph[] {
  return cable.paragraphs.filter((p): p is NumberedParagraph => p.number !== undefined && p.numberSpan !== undefined);
}

/** Where a cable's paragraph numbering should start, and why (for messages); `expected` is undefined when that cannot be told. */
export interface NumberingStart {
  expected: number | undefined;
  why: string;
}

/**
 * Where numbering should start: at 1, except in section 2 and later of a
 * multi-section telegram, which carries on from the section before it when
 * that section is in the same file, and is not judged otherwise. The section
 * before is taken as renumbered in its turn, so that judging and renumbering
 * every section agree, and renumbering them all at once gives one sequence.
 */
export function numberingStart(cable: Cable, all: readonly Cable[]): NumberingStart {
  const sec = cable.section;
  if (!sec || sec.part <= 1) return { expected: 1, why: 'the first numbered paragraph is 1' };
  const before = previousSection(cable, all);
  if (!before) return { expected: undefined, why: '' };
  const printed = numberedParagraphs(before);
  const end = renumberedStart(before, all, printed) + printed.length - 1;
  const ended = printed[printed.length - 1].number === end ? `which ended at paragraph ${end}` : `whose paragraphs run to ${end} when numbered in sequence`;
  return { expected: end + 1, why: `section ${sec.part} carries on from section ${sec.part - 1}, ${ended}, so this one should be ${end + 1}` };
}

/** The nearest earlier section numbered one below this one's, if it holds numbered paragraphs. */
function previousSection(cable: Cable, all: readonly Cable[]): Cable | undefined {
  const part = cable.section!.part;
  const before = earlierSections(cable, all).filter((c) => c.section!.part === part - 1).pop();
  return before && numberedParagraphs(before).length > 0 ? before : undefined;
}

/** The number a cable's first numbered paragraph gets when renumbered: where it should start, or where it starts when that cannot be told. */
function renumberedStart(cable: Cable, all: readonly Cable[], numbered = numberedParagraphs(cable)): number {
  return numberingStart(cable, all).expected ?? numbered[0]?.number ?? 1;
}

/** A subparagraph's place in its list: A is 1, (3) is 3. */
export function ordinal(s: Subparagraph): number {
  const core = s.label.replace(/[()]/g, '');
  return s.style === 'number' ? Number(core) : core.toUpperCase().charCodeAt(0) - 64;
}

/** The label the `n`th subparagraph of `s`'s list carries, written in `s`'s style (`B`, `(B)`, `B)`, `(2)`). */
export function labelFor(s: Subparagraph, n: number): string {
  const core = s.style === 'number' ? String(n) : String.fromCharCode(64 + n);
  return s.label.startsWith('(') ? `(${core})` : s.label.endsWith(')') ? `${core})` : core;
}

/** What renumbering a cable does. */
export interface Renumbering {
  /** The edits, none overlapping another; empty when the numbering is already in sequence. */
  edits: TextEdit[];
  /** What the edits do, as a command: "Renumber paragraphs 1-7 (2 references to other cables' paragraphs left as they are)". */
  title: string;
  /**
   * Whether the renumbering is safe to apply unattended: false when a
   * numbered paragraph stands inside quoted matter (BEGIN TEXT, QUOTE), whose
   * numbers are the quoted document's own.
   */
  certain: boolean;
  references: {
    /** References to this cable's paragraphs that were updated. */
    updated: number;
    /** References to a renumbered number that point into another cable or document (`REF A PARA 3`, `PARA 2 OF THE NOTE`), left as they are. */
    elsewhere: Span[];
    /** References to a renumbered number that cannot be told apart (the number is printed on two paragraphs), left as they are. */
    ambiguous: Span[];
  };
}

/**
 * Renumbers the paragraphs of `cable` in sequence from where its numbering
 * should start (see {@link numberingStart}), relabels its subparagraphs in
 * sequence, and updates the references to renumbered paragraphs that clearly
 * point at this cable's own, in this cable and in the other sections of the
 * same telegram in the file. A section's edits touch its own numbers only, so
 * renumbering every section of a telegram at once gives one sequence.
 */
export function renumberParagraphs(doc: ParsedDocument, cable: Cable): Renumbering {
  const numbered = numberedParagraphs(cable);
  const first = renumberedStart(cable, doc.cables, numbered);
  const edits: TextEdit[] = [];
  const renumbered = new Map<Paragraph, number>();
  numbered.forEach((p, i) => {
    const want = first + i;
    if (p.number === want) return;
    renumbered.set(p, want);
    edits.push(numberEdit(doc.text, p.numberSpan, want));
  });
  const relettered = new Set<Paragraph>();
  for (const p of cable.paragraphs) {
    const relabels = relabel(p.subparagraphs);
    if (relabels.length) relettered.add(p);
    edits.push(...relabels);
  }
  const references = updateReferences(doc, cable, renumbered, relettered);
  edits.push(...references.edits);
  const quoted = quotedRanges(cable);
  const certain = !numbered.some((p) => quoted.some((q) => q.start <= p.numberSpan.start && p.numberSpan.start < q.end));
  const { updated, elsewhere, ambiguous } = references;
  return { edits, title: titleOf(first, numbered.length, renumbered.size > 0, relettered.size > 0, updated, elsewhere.length, ambiguous.length), certain, references: { updated, elsewhere, ambiguous } };
}

/** Writes `n` over the number at `span`; a number written with leading zeros (`04`) keeps its width. */
function numberEdit(text: Source, span: Span, n: number): TextEdit {
  const padded = text.charAt(span.start) === '0' && span.end - span.start > 1;
  return { range: { start: span.start, end: span.end }, newText: padded ? String(n).padStart(span.end - span.start, '0') : String(n) };
}

/** Each list of subparagraphs (letters, numbers, numbers under a letter) relabelled from A (1) in steps of one. */
function relabel(subs: Subparagraph[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const style of ['letter', 'number'] as const) {
    const list = subs.filter((s) => s.style === style);
    // Past Z there is no letter to write.
    if (style === 'letter' && list.length > 26) continue;
    list.forEach((s, i) => {
      if (ordinal(s) !== i + 1) out.push({ range: { start: s.labelSpan.start, end: s.labelSpan.end }, newText: labelFor(s, i + 1) });
    });
  }
  for (const s of subs) out.push(...relabel(s.subparagraphs));
  return out;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function titleOf(first: number, count: number, numbers: boolean, letters: boolean, updated: number, elsewhere: number, ambiguous: number): string {
  const paragraphs = count === 1 ? `paragraph ${first}` : `paragraphs ${first}-${first + count - 1}`;
  let title = numbers ? `Renumber ${paragraphs}${letters ? ' and their subparagraphs' : ''}` : 'Renumber the subparagraphs in sequence';
  if (updated) title += `, with ${updated === 1 ? 'the reference' : `the ${updated} references`} to them`;
  const left = [
    ...(elsewhere ? [plural(elsewhere, "reference to another cable's paragraph", "references to other cables' paragraphs")] : []),
    ...(ambiguous ? [plural(ambiguous, 'ambiguous reference', 'ambiguous references')] : []),
  ];
  if (left.length) title += ` (${left.join(' and ')} left as ${elsewhere + ambiguous === 1 ? 'it is' : 'they are'})`;
  return title;
}

/** The spans of quoted matter (BEGIN TEXT ... END TEXT, QUOTE ... UNQUOTE): an opening never closed runs to the end of the cable. */
function quotedRanges(cable: Cable): Span[] {
  const out: Span[] = [];
  const open = new Map<BlockMarker['block'], BlockMarker[]>();
  for (const b of cable.blocks) {
    if (b.block !== 'TEXT' && b.block !== 'QUOTE') continue;
    const stack = open.get(b.block) ?? [];
    open.set(b.block, stack);
    if (b.edge === 'begin') {
      if (!b.implicit) stack.push(b);
      continue;
    }
    const begin = stack.pop();
    if (begin) out.push({ start: begin.start, end: b.end });
  }
  for (const stack of open.values()) for (const b of stack) out.push({ start: b.start, end: cable.end });
  return out;
}

/** `PARA`, `PARAS`, `PARAGRAPH(S)`, `PARA.` and the number after it. */
const REFERENCE = /\bPARA(?:GRAPH)?(S?)\b\.?[ \t]*(\d{1,3})(?!\d)/gi;
/** A subparagraph after a referenced number: `3(A)`, `3 (A)`, `3.A`, `3A`. */
const SUB_LABEL = /^(?: ?\([A-Z0-9]\)|\.?[A-Z](?![A-Za-z]))/;
/** What joins the numbers of `PARAS 3 AND 4`, `PARAS 3, 4 AND 6`, `PARAS 3-5`, `PARAS 3 THROUGH 5`. */
const NEXT_NUMBER = /^\s*(,\s*(?:AND\s+)?|AND\s+|&\s*|OR\s+|-\s*|\u2013\s*|THROUGH\s+|THRU\s+|TO\s+)(\d{1,3})(?!\d)/i;
/** Words up to three words before `PARA` that make it another document's paragraph: `REF A PARA 3`, `REFTEL PARA 2`, `ARTICLE 5, PARAGRAPH 2`. */
const ELSEWHERE_NEAR = new Set([
  'REF', 'REFS', 'REFTEL', 'REFTELS', 'REFERENCE', 'REFERENCED', 'REFAIR', 'DEPTEL', 'SEPTEL',
  'ARTICLE', 'ART', 'OPERATIVE', 'OP', 'PREAMBULAR', 'PP', 'UNSCR', 'ANNEX', 'APPENDIX', 'SECTION', 'CHAPTER',
]);
/** Words right before `PARA` that make it another document's paragraph: `YOUR PARA 3`, `RESOLUTION PARAGRAPH 4`. */
const ELSEWHERE_BEFORE = new Set([
  'YOUR', 'THEIR', 'HIS', 'HER', 'OUR', 'ITS', 'RESOLUTION', 'CHARTER', 'TREATY', 'AGREEMENT', 'ACCORD', 'CONVENTION', 'PROTOCOL',
  'LETTER', 'MEMO', 'MEMORANDUM', 'COMMUNIQUE', 'DECLARATION', 'LAW', 'DECREE', 'CONSTITUTION',
]);
/** Words just after the numbers that point elsewhere: `PARA 3 REFTEL`, `PARA 3 REF A`. */
const ELSEWHERE_AFTER = new Set(['REF', 'REFS', 'REFTEL', 'REFTELS', 'REFERENCE', 'REFERENCED', 'REFAIR', 'DEPTEL', 'SEPTEL']);
/** A post and serial just before `PARA`: `STATE 127183 PARA 3`, `10 BAGHDAD 1234, PARA 2`. */
const SERIAL_BEFORE = /[A-Z]{3,}\s+\d{2,6}\s*,?\s*$/i;

/** A paragraph reference in the text. */
interface Reference extends Span {
  /** The referenced numbers; a range (`3-5`) is its two ends with `to` set on the first. */
  numbers: { value: number; span: Span; sub: boolean; to?: number }[];
  elsewhere: boolean;
}

/** The paragraph references in `[from, to)` of the text; `quoted` spans are another document's, so their references point elsewhere. */
function findReferences(text: Source, from: number, to: number, quoted: Span[]): Reference[] {
  const out: Reference[] = [];
  const body = text.slice(from, to);
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(body); m; m = REFERENCE.exec(body)) {
    const at = from + m.index;
    let end = at + m[0].length;
    const numbers: Reference['numbers'] = [];
    const addNumber = (digits: string, start: number) => {
      const numberEnd = start + digits.length;
      const sub = SUB_LABEL.test(text.slice(numberEnd, numberEnd + 4));
      numbers.push({ value: Number(digits), span: { start, end: numberEnd }, sub });
      return numberEnd;
    };
    end = addNumber(m[2], end - m[2].length);
    // Only a plural keyword takes a list: in `PARA 3 AND 4 MEMBERS` the 4 is no paragraph.
    if (m[1] !== '') {
      for (let n = NEXT_NUMBER.exec(text.slice(end, Math.min(to, end + 24))); n; n = NEXT_NUMBER.exec(text.slice(end, Math.min(to, end + 24)))) {
        const start = end + n[0].length - n[2].length;
        if (/^\s*(?:-|\u2013|THROUGH|THRU|TO)/i.test(n[1])) numbers[numbers.length - 1].to = Number(n[2]);
        end = addNumber(n[2], start);
      }
    }
    const before = text.slice(Math.max(from, at - 40), at).split(/[.;:!?](?:\s|$)/).pop()!;
    const wordsBefore = before.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w !== '').slice(-3);
    const wordsAfter = text.slice(end, Math.min(to, end + 30)).toUpperCase().replace(/^[\s,()]*(?:\.?[A-Z0-9](?![A-Z]))?/, '').split(/[^A-Z0-9]+/).filter((w) => w !== '');
    const elsewhere =
      quoted.some((q) => q.start <= at && at < q.end) ||
      wordsBefore.some((w) => ELSEWHERE_NEAR.has(w)) ||
      ELSEWHERE_BEFORE.has(wordsBefore[wordsBefore.length - 1] ?? '') ||
      SERIAL_BEFORE.test(before) ||
      ELSEWHERE_AFTER.has(wordsAfter[0] ?? '') ||
      (/^(?:OF|IN|FROM)$/.test(wordsAfter[0] ?? '') && wordsAfter[1] !== 'THIS');
    out.push({ start: at, end, numbers, elsewhere });
    REFERENCE.lastIndex = end - from;
  }
  return out;
}

/**
 * Updates the references, in every section of the telegram in the file, to
 * this cable's renumbered paragraphs. A number printed on one paragraph only
 * (across the telegram) is that paragraph; one printed on several is left.
 */
function updateReferences(doc: ParsedDocument, cable: Cable, renumbered: Map<Paragraph, number>, relettered: Set<Paragraph>): { edits: TextEdit[]; updated: number; elsewhere: Span[]; ambiguous: Span[] } {
  const result = { edits: [] as TextEdit[], updated: 0, elsewhere: [] as Span[], ambiguous: [] as Span[] };
  if (renumbered.size === 0) return result;
  const scope = telegramSections(cable, doc.cables);
  const printed = new Map<number, { cable: Cable; paragraph: Paragraph }[]>();
  for (const c of scope) {
    for (const p of numberedParagraphs(c)) {
      const list = printed.get(p.number) ?? [];
      list.push({ cable: c, paragraph: p });
      printed.set(p.number, list);
    }
  }
  // Numbers this renumbering changes: a reference to one of them is updated, or said to be left.
  const changes = new Set<number>();
  for (const p of renumbered.keys()) changes.add(p.number!);
  /** The new number of a number printed once, on a paragraph of this cable; undefined when it is not certain. */
  const target = (n: number): number | undefined => {
    const at = printed.get(n);
    if (!at || at.length !== 1 || at[0].cable !== cable) return undefined;
    return renumbered.get(at[0].paragraph) ?? n;
  };
  for (const c of scope) {
    const body = c.paragraphs;
    if (body.length === 0) continue;
    for (const ref of findReferences(doc.text, body[0].start, body[body.length - 1].end, quotedRanges(c))) {
      if (!ref.numbers.some((x) => changes.has(x.value))) continue;
      if (ref.elsewhere) {
        result.elsewhere.push({ start: ref.start, end: ref.end });
        continue;
      }
      const edits = referenceEdits(doc.text, ref, target, printed, renumbered, relettered);
      if (edits === undefined) {
        result.ambiguous.push({ start: ref.start, end: ref.end });
        continue;
      }
      if (edits.length) {
        result.updated++;
        result.edits.push(...edits);
      }
    }
  }
  return result;
}

/** The edits that update one reference, or undefined when one of its numbers that this renumbering changes cannot be updated with certainty. */
function referenceEdits(
  text: Source,
  ref: Reference,
  target: (n: number) => number | undefined,
  printed: Map<number, { cable: Cable; paragraph: Paragraph }[]>,
  renumbered: Map<Paragraph, number>,
  relettered: Set<Paragraph>,
): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const ours = (n: number) => (printed.get(n) ?? []).some((x) => renumbered.has(x.paragraph));
  for (let i = 0; i < ref.numbers.length; i++) {
    const x = ref.numbers[i];
    const range = x.to !== undefined && x.to > x.value && x.to - x.value <= 50 ? { from: x.value, to: x.to } : undefined;
    if (range) {
      // Every paragraph of a range must be this cable's, and still be consecutive once renumbered.
      const base = target(range.from);
      let whole = base !== undefined;
      for (let n = range.from; whole && n <= range.to; n++) whole = target(n) === base! + (n - range.from);
      const y = ref.numbers[i + 1];
      if (!whole || x.sub || y.sub) {
        if (ours(range.from) || ours(range.to)) return undefined;
      } else {
        for (const [end, value] of [[x, base!], [y, base! + range.to - range.from]] as const) {
          if (end.value !== value) edits.push(numberEdit(text, end.span, value));
        }
      }
      i++;
      continue;
    }
    if (!ours(x.value)) continue;
    const want = target(x.value);
    const paragraph = printed.get(x.value)?.[0].paragraph;
    // `PARA 3(C)` of a paragraph whose letters move names a subparagraph that may now carry another letter.
    if (want === undefined || (x.sub && paragraph && relettered.has(paragraph))) return undefined;
    if (want !== x.value) edits.push(numberEdit(text, x.span, want));
  }
  return edits;
}
