import type { Cable, LineKind, ParsedDocument, Segment } from '../model';
import { LineIndex } from '../text/lineIndex';
import { buildCable } from './cableBuilder';
import { findEmailHeaders, lexLine, type LexedLine } from './lexer';
import { Segmenter, type CableRange } from './segmenter';

/** What stands in for the lexed lines of a cable once it is built. */
const BUILT: LexedLine = { start: 0, end: 0, indentEnd: 0, items: [] };

/** Options of {@link parse}. */
export interface ParseOptions {
  /**
   * Take a file with no cable header but with numbered paragraphs or a
   * classification line as one cable (a draft being typed). Editors set it for
   * `*.cable` and `*.tel` files; archives of mixed `*.txt` leave it off.
   */
  assumeCable?: boolean;
}

/**
 * Parses a file of cables. Never throws and runs in time linear in the text:
 * every line is lexed once, segmented once and built once.
 */
export function parse(text: string, options: ParseOptions = {}): ParsedDocument {
  const lines = new LineIndex(text);
  const n = lines.lineCount;
  const email = findEmailHeaders(text, lines.starts, lines.ends);
  const lexed: LexedLine[] = new Array(n);
  const lineKinds: LineKind[] = new Array(n);
  const cables: Cable[] = [];
  const ranges: CableRange[] = [];
  // Each cable is built as soon as its segment is final, and its lexed lines are let go: they die young,
  // which keeps a long file's memory flat and spares the garbage collector.
  const segmenter = new Segmenter(text, lexed, options.assumeCable ?? false, (r) => {
    cables.push(buildCable(text, lexed, r, cables.length, lineKinds));
    ranges.push(r);
    for (let j = r.segmentStart; j <= r.segmentEnd; j++) lexed[j] = BUILT;
  });
  for (let i = 0; i < n; i++) {
    const l = lexLine(text.slice(lines.starts[i], lines.ends[i]), lines.starts[i], email[i] === 1);
    lexed[i] = l;
    const k = l.items[0]?.k;
    lineKinds[i] = k === undefined ? 'blank' : k === 'stamp' ? 'release-stamp' : k === 'email' ? 'email-header' : 'outside';
    segmenter.push(i);
  }
  segmenter.finish();

  const segments: Segment[] = [];
  const outside = (from: number, to: number) => {
    if (from > to) return;
    segments.push({ kind: 'outside', start: lines.starts[from], end: lines.ends[to], startLine: from, endLine: to, cable: undefined });
  };
  let next = 0;
  cables.forEach((c, i) => {
    const r = ranges[i];
    outside(next, r.segmentStart - 1);
    segments.push({ kind: 'cable', start: lines.starts[r.segmentStart], end: lines.ends[r.segmentEnd], startLine: r.segmentStart, endLine: r.segmentEnd, cable: c });
    next = r.segmentEnd + 1;
  });
  outside(next, n - 1);
  return { text, lines, lineKinds, segments, cables };
}
