import type { Addressee, Span } from '../model';
import { editDistance, PRECEDENCE_WORDS } from '../parser/fieldValues';
import type { Source } from '../text/source';
import { misplacedPrecedence } from './addressees';
import type { Finding, Rule } from './types';

const PROSIGNS: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };
const RANK: Record<string, number> = { ROUTINE: 1, PRIORITY: 2, IMMEDIATE: 3, FLASH: 4 };

function nearestWord(w: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const p of PRECEDENCE_WORDS) {
    const d = editDistance(w, p);
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return best;
}

/** The precedence an addressee's words give (`NIACT IMMEDIATE` is IMMEDIATE). */
function rankOf(a: Addressee): number {
  return Math.max(0, ...a.precedence.map((w) => RANK[w] ?? 0));
}

/** Whether every word of a precedence is one, and NIACT stands only before IMMEDIATE: what most addressees show. */
function wellFormed(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!PRECEDENCE_WORDS.has(words[i]) || (words[i] === 'NIACT' && words[i + 1] !== 'IMMEDIATE')) return false;
  }
  return true;
}

/** The findings on the words of an addressee's precedence, printed at `span`, added to `out`. */
function wordProblems(out: Finding[], a: Addressee, span: Span, text: Source): void {
  const words = text.slice(span.start, span.end);
  let at = span.start;
  a.precedence.forEach((w, i) => {
    const start = span.start + words.indexOf(w, at - span.start);
    at = start + w.length;
    const range = { start, end: start + w.length };
    if (!PRECEDENCE_WORDS.has(w)) {
      const near = nearestWord(w);
      out.push({
        range,
        message: `'${w}' is not a precedence: use FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE${near ? ` (perhaps ${near})` : ''}.`,
        fixes: near ? [{ title: `Replace with ${near}`, edits: [{ range, newText: near }], preferred: true }] : [],
      });
    } else if (w === 'NIACT' && a.precedence[i + 1] !== 'IMMEDIATE') {
      out.push({ range, message: 'NIACT stands only before IMMEDIATE: write NIACT IMMEDIATE.' });
    }
  });
}

/** A precedence word or prosign that does not exist, or a TO precedence above the DTG prosign. */
export const precedenceUnknown: Rule = {
  id: 'precedence-unknown',
  description: 'A precedence word or prosign that does not exist, or a TO precedence above the DTG prosign.',
  defaultSeverity: 'error',
  check({ cable, text, reference }) {
    const out: Finding[] = [];
    const d = cable.dtg;
    d?.prosigns.forEach((p, i) => {
      if (!PROSIGNS[p]) out.push({ range: d.prosignSpans[i], message: `'${p}' is not a precedence prosign: use Z (FLASH), O (IMMEDIATE), P (PRIORITY) or R (ROUTINE).` });
    });
    for (const list of [cable.to, cable.info, cable.xmt]) {
      for (const a of list) {
        const slot = misplacedPrecedence(a, reference, text);
        if (slot) {
          const near = nearestWord(slot.word);
          out.push({ range: slot.range, message: `'${slot.word}' is not a precedence: use FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE${near ? ` (perhaps ${near})` : ''}.` });
        }
        if (a.precedenceSpan && !wellFormed(a.precedence)) wordProblems(out, a, a.precedenceSpan, text);
      }
    }
    const action = d?.prosigns[0] && PROSIGNS[d.prosigns[0]];
    if (action) {
      for (const a of cable.to) {
        const r = rankOf(a);
        if (r > RANK[action] && a.precedenceSpan) {
          out.push({
            range: a.precedenceSpan,
            message: `${a.designation} is addressed ${a.precedence.join(' ')}, above the DTG's prosign ${d!.prosigns[0]} (${action}): the prosign gives the highest action precedence, so it should be ${Object.keys(PROSIGNS).find((k) => RANK[PROSIGNS[k]] === r)}.`,
          });
        }
      }
    }
    return out;
  },
};
