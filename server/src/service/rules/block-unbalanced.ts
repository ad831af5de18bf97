import type { Source } from '../text/source';
import type { BlockMarker, Cable, Paragraph } from '../model';
import type { Finding, Fix, Rule } from './types';

const NAMES: Record<BlockMarker['block'], { begin: string; end: string; closer: string }> = {
  SUMMARY: { begin: 'BEGIN SUMMARY', end: 'END SUMMARY', closer: 'END SUMMARY.' },
  TEXT: { begin: 'BEGIN TEXT', end: 'END TEXT', closer: 'END TEXT.' },
  QUOTE: { begin: 'QUOTE', end: 'UNQUOTE', closer: 'UNQUOTE' },
  COMMENT: { begin: 'BEGIN COMMENT', end: 'END COMMENT', closer: 'END COMMENT.' },
};

/** BEGIN/END SUMMARY, BEGIN/END TEXT, QUOTE/UNQUOTE (and BEGIN/END COMMENT) without their partner. */
export const blockUnbalanced: Rule = {
  id: 'block-unbalanced',
  description: 'BEGIN SUMMARY/END SUMMARY, BEGIN TEXT/END TEXT, QUOTE/UNQUOTE without their partner.',
  defaultSeverity: 'warning',
  check({ cable, text }) {
    if (cable.blocks.length === 0) return [];
    const out: Finding[] = [];
    const open = new Map<BlockMarker['block'], BlockMarker[]>();
    for (const b of cable.blocks) {
      const stack = open.get(b.block) ?? [];
      open.set(b.block, stack);
      if (b.edge === 'begin') {
        stack.push(b);
        continue;
      }
      if (stack.length) {
        stack.pop();
        continue;
      }
      out.push({ range: b, message: `${NAMES[b.block].end} has no ${NAMES[b.block].begin} before it: open the block with ${NAMES[b.block].begin}, or remove this line's ${NAMES[b.block].end}.` });
    }
    // "SUMMARY:" and "TEXT FOLLOWS:" only imply a block; they need no END.
    const unclosed: BlockMarker[] = [];
    for (const stack of open.values()) for (const b of stack) if (!b.implicit) unclosed.push(b);
    const closing = closingFixes(cable, text, unclosed);
    for (const b of unclosed) {
      const fix = closing.get(b);
      out.push({
        range: b,
        message: `${NAMES[b.block].begin} is never closed: add ${NAMES[b.block].end} where the ${b.block === 'QUOTE' ? 'quotation' : b.block.toLowerCase()} ends.`,
        fixes: fix ? [fix] : [],
      });
    }
    return out.sort((a, b) => a.range.start - b.range.start);
  },
};

/**
 * The fix for each unclosed opening: the END lines inserted at the end of the
 * paragraph where the block began, on a line of their own when the opening
 * stands on its own line, innermost first; one fix for all the blocks a
 * paragraph leaves open, so they close in the right order. There is none when
 * the opening ends its paragraph (the block runs on into paragraphs of its
 * own, and where it ends is anyone's guess), and it is not preferred when the
 * numbering starts again after the paragraph, as when a quoted document's own
 * numbered paragraphs follow.
 */
function closingFixes(cable: Cable, text: Source, unclosed: BlockMarker[]): Map<BlockMarker, Fix> {
  const byParagraph = new Map<Paragraph, BlockMarker[]>();
  for (const b of unclosed) {
    const p = cable.paragraphs.find((x) => x.start <= b.start && b.start < x.end);
    if (!p) continue;
    const list = byParagraph.get(p) ?? [];
    list.push(b);
    byParagraph.set(p, list);
  }
  const out = new Map<BlockMarker, Fix>();
  for (const [p, begins] of byParagraph) {
    begins.sort((a, b) => a.start - b.start);
    if (begins.some((b) => /^[\s.:,;-]*$/.test(text.slice(b.end, p.end)))) continue;
    const closers = begins.map((b) => NAMES[b.block].closer).reverse();
    const newText = ownLine(text, begins[0]) ? `\n${closers.join('\n')}` : ` ${closers.join(' ')}`;
    const next = cable.paragraphs.find((x) => x.start >= p.end && x.number !== undefined);
    const restarts = p.number !== undefined && next !== undefined && next.number! <= p.number;
    const where = p.number !== undefined ? `paragraph ${p.number}` : 'the paragraph';
    const fix: Fix = { title: `Insert ${closers.join(' ')} at the end of ${where}`, edits: [{ range: { start: p.end, end: p.end }, newText }], preferred: !restarts };
    for (const b of begins) out.set(b, fix);
  }
  return out;
}

/** Whether an opening stands alone on its line (`BEGIN TEXT:`), so its END goes on a line of its own too. */
function ownLine(text: Source, b: BlockMarker): boolean {
  let start = b.start;
  while (start > 0 && text.charAt(start - 1) !== '\n' && text.charAt(start - 1) !== '\r') start--;
  let end = b.end;
  while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r') end++;
  return /^\s*$/.test(text.slice(start, b.start)) && /^\s*[:.]?\s*$/.test(text.slice(b.end, end));
}
