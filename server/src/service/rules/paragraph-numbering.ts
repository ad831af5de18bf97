import type { Paragraph, Subparagraph } from '../model';
import type { Finding, Rule } from './types';

/** Top-level paragraph numbers that repeat, skip, go backwards or do not start at 1; subparagraph labels out of sequence. */
export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  description: 'Top-level paragraph numbers that repeat, skip, go backwards or do not start at 1; subparagraph letters out of sequence.',
  defaultSeverity: 'warning',
  check({ cable }) {
    const out: Finding[] = [];
    const numbered = cable.paragraphs.filter((p): p is Paragraph & { number: number; numberSpan: NonNullable<Paragraph['numberSpan']> } => p.number !== undefined && p.numberSpan !== undefined);
    numbered.forEach((p, i) => {
      const prev = numbered[i - 1];
      if (!prev) {
        if (p.number !== 1) out.push({ range: p.numberSpan, message: `Paragraph numbering starts at ${p.number}: the first numbered paragraph is 1.` });
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
    return out;
  },
};

function ordinal(s: Subparagraph): number {
  const core = s.label.replace(/[()]/g, '');
  return s.style === 'number' ? Number(core) : core.toUpperCase().charCodeAt(0) - 64;
}

function labelFor(s: Subparagraph, n: number): string {
  const core = s.style === 'number' ? String(n) : String.fromCharCode(64 + n);
  return s.label.startsWith('(') ? `(${core})` : s.label.endsWith(')') ? `${core})` : core;
}

/** Each style of subparagraph (letters, numbers) runs from 1 (A) in steps of one. */
function subSequence(subs: Subparagraph[], paraNumber: number | undefined): Finding[] {
  const out: Finding[] = [];
  const where = paraNumber !== undefined ? ` of paragraph ${paraNumber}` : '';
  for (const style of ['letter', 'number'] as const) {
    const list = subs.filter((s) => s.style === style);
    list.forEach((s, i) => {
      const want = i === 0 ? 1 : ordinal(list[i - 1]) + 1;
      if (ordinal(s) !== want) {
        out.push({ range: s.labelSpan, message: `Subparagraph ${s.label}${where} is out of sequence: this one should be ${labelFor(s, want)}.` });
      }
    });
  }
  return out;
}
