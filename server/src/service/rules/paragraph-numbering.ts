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
    const start = numberingStart(cable, doc.cables);
    numbered.forEach((p, i) => {
      const prev = numbered[i - 1];
      if (!prev) {
        if (start.expected !== undefined && p.number !== start.expected) out.push({ range: p.numberSpan, message: `Paragraph numbering starts at ${p.number}: ${start.why}.` });
        return;
      }
      if (p.number === prev.number + 1) return;
      const message =
        p.number === prev.number
          ? `Paragraph ${p.number} repeats the number of the paragraph before it: this one should be ${prev.number + 1}.`
          : p.number < prev.number
            ? `Paragraph ${p.number} goes backwards after paragraph ${prev.number}: this one should be ${prev.number + 1}.`
            : `Paragraph numbering skips from ${prev.number} to ${p.number}: this one should be ${prev.number + 1}.`;
      out.push({ range: p.numberSpan, message });
    });
    for (const p of cable.paragraphs) out.push(...subSequence(p.subparagraphs, p.number));
    if (out.length === 0) return out;
    // One fix for the whole cable, the same object on every finding: fix-all applies it once.
    const r = renumberParagraphs(doc, cable);
    if (r.edits.length === 0) return out;
    const fix: Fix = { title: r.title, edits: r.edits, preferred: r.certain };
    return out.map((f) => ({ ...f, fixes: [fix] }));
  },
};

/** Each level of subparagraphs (letters, numbers, numbers under a letter) runs from 1 (A) in steps of one. */
function subSequence(subs: Subparagraph[], paraNumber: number | undefined, parent?: Subparagraph): Finding[] {
  const out: Finding[] = [];
  const where = parent ? ` of subparagraph ${parent.label}` : paraNumber !== undefined ? ` of paragraph ${paraNumber}` : '';
  for (const style of ['letter', 'number'] as const) {
    const list = subs.filter((s) => s.style === style);
    list.forEach((s, i) => {
      const want = i === 0 ? 1 : ordinal(list[i - 1]) + 1;
      if (ordinal(s) !== want) {
        out.push({ range: s.labelSpan, message: `Subparagraph ${s.label}${where} is out of sequence: this one should be ${labelFor(s, want)}.` });
      }
    });
  }
  for (const s of subs) if (s.subparagraphs.length) out.push(...subSequence(s.subparagraphs, paraNumber, s));
  return out;
}
