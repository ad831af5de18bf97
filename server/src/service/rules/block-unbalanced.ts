import type { BlockMarker } from '../model';
import type { Finding, Rule } from './types';

const NAMES: Record<BlockMarker['block'], { begin: string; end: string }> = {
  SUMMARY: { begin: 'BEGIN SUMMARY', end: 'END SUMMARY' },
  TEXT: { begin: 'BEGIN TEXT', end: 'END TEXT' },
  QUOTE: { begin: 'QUOTE', end: 'UNQUOTE' },
  COMMENT: { begin: 'BEGIN COMMENT', end: 'END COMMENT' },
};

/** BEGIN/END SUMMARY, BEGIN/END TEXT, QUOTE/UNQUOTE (and BEGIN/END COMMENT) without their partner. */
export const blockUnbalanced: Rule = {
  id: 'block-unbalanced',
  description: 'BEGIN SUMMARY/END SUMMARY, BEGIN TEXT/END TEXT, QUOTE/UNQUOTE without their partner.',
  defaultSeverity: 'warning',
  check({ cable }) {
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
    for (const stack of open.values()) {
      for (const b of stack) {
        // "SUMMARY:" and "TEXT FOLLOWS:" only imply a block; they need no END.
        if (b.implicit) continue;
        out.push({ range: b, message: `${NAMES[b.block].begin} is never closed: add ${NAMES[b.block].end} where the ${b.block === 'QUOTE' ? 'quotation' : b.block.toLowerCase()} ends.` });
      }
    }
    return out.sort((a, b) => a.range.start - b.range.start);
  },
};
