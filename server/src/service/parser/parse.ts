import type { Cable, LineKind, ParsedDocument, Segment } from '../model';
import { LineIndex } from '../text/lineIndex';
import { buildCable } from './cableBuilder';
import { findEmailHeaders, lexLine, type LexedLine } from './lexer';
import { segmentCables } from './segmenter';

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
  const texts: string[] = new Array(n);
  for (let i = 0; i < n; i++) texts[i] = text.slice(lines.starts[i], lines.ends[i]);
  const email = findEmailHeaders(texts);
  const lexed: LexedLine[] = new Array(n);
  for (let i = 0; i < n; i++) lexed[i] = lexLine(texts[i], lines.starts[i], email[i] === 1);

  const lineKinds: LineKind[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = lexed[i].items[0]?.k;
    lineKinds[i] = k === undefined ? 'blank' : k === 'stamp' ? 'release-stamp' : k === 'email' ? 'email-header' : 'outside';
  }

  const ranges = segmentCables(text, lexed, options.assumeCable ?? false);
  const cables: Cable[] = ranges.map((r, i) => buildCable(text, lexed, r, i, lineKinds));

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
