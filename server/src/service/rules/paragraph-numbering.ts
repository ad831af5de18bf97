import { labelFor, numberedParagraphs, numberingStart, ordinal, renumberParagraphs } from '../fixes/renumber';
import type { Subparagraph } from '../model';
import type { Finding, Fix, Rule } from './types';

/** Top-level paragraph numbers that repeat, skip, go backwards or do not start at 1; subparagraph labels out of sequence. */
export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  description: 'Top-level paragraph numbers that repeat, skip, go backwards or do not start at 1; subparagraph letters out of sequence.',
  defaultSeverity: 'warning',
  readsOtherCables: true,
  check({ cable, doc }) {
    const out: Finding[] = [];
    const numbered = numberedParagraphs(cable);
    if (numbered.length) {
      const start = numberingStart(cable, doc.cables);
      const first = numbered[0];
      if (start.expected !== undefined && first.number !== start.expected) out.push({ range: first.numberSpan, message: `Paragraph numbering starts at ${first.number}: ${start.why}.` });
    }
    for (let i = 1; i < numbered.length; i++) {
      const p = numbered[i];
      const prev = numbered[i - 1];
      if (p.number === prev.number + 1) continue;
      const message =
        p.number === prev.number
          ? `Paragraph ${p.number} repeats the number of the paragraph before it: this one should be ${prev.number + 1}.`
          : p.number < prev.number
            ? `Paragraph ${p.number} goes backwards after paragraph ${prev.number}: this one should be ${prev.number + 1}.`
            : `Paragraph numbering skips from ${prev.number} to ${p.number}: this one should be ${prev.number + 1}.`;
      out.push({ range: p.numberSpan, message });
    }
    for (const p of cable.paragraphs) if (p.subparagraphs.length) subSequence(out, p.subparagraphs, p.number);
    if (out.length === 0) return out;
    // One fix for the whole cable, the same object on every finding: fix-all applies it once.
    const r = renumberParagraphs(doc, cable);
    if (r.edits.length === 0) return out;
    const fix: Fix = { title: r.title, edits: r.edits, preferred: r.certain };
    // The findings are this rule's own: given their fix in place (a spread copy would get a hidden class of its own).
    for (const f of out) f.fixes = [fix];
    return out;
  },
};

const STYLES = ['letter', 'number'] as const;

/** Each level of subparagraphs (letters, numbers, numbers under a letter) runs from 1 (A) in steps of one; what does not is added to `out`. */
function subSequence(out: Finding[], subs: Subparagraph[], paraNumber: number | undefined, parent?: Subparagraph): void {
  for (const style of STYLES) {
    let want = 1;
    for (const s of subs) {
      if (s.style !== style) continue;
      const at = ordinal(s);
      if (at !== want) {
        const where = parent ? ` of subparagraph ${parent.label}` : paraNumber !== undefined ? ` of paragraph ${paraNumber}` : '';
        out.push({ range: s.labelSpan, message: `Subparagraph ${s.label}${where} is out of sequence: this one should be ${labelFor(s, want)}.` });
      }
      want = at + 1;
    }
  }
  for (const s of subs) if (s.subparagraphs.length) subSequence(out, s.subparagraphs, paraNumber, s);
}
