/**
 * Selection ranges ("expand selection"): the word, the line, the innermost
 * outline nodes (subparagraph, paragraph, cable), the whole text.
 */
import type { ParsedDocument, Span } from './model';
import { outline, type OutlineNode } from './outline';

/** The spans an expanding selection goes through at `offset`, innermost first. */
export function selectionSpans(doc: ParsedDocument, offset: number, nodes: OutlineNode[] = outline(doc)): Span[] {
  const text = doc.text;
  const out: Span[] = [];
  const push = (s: Span) => {
    const last = out[out.length - 1];
    if (s.end > s.start && (!last || (s.start <= last.start && s.end >= last.end && (s.start < last.start || s.end > last.end)))) out.push(s);
  };
  let ws = offset;
  let we = offset;
  while (ws > 0 && /[A-Za-z0-9./-]/.test(text.charAt(ws - 1))) ws--;
  while (we < text.length && /[A-Za-z0-9./-]/.test(text.charAt(we))) we++;
  push({ start: ws, end: we });
  const line = doc.lines.lineAt(offset);
  push({ start: doc.lines.starts[line], end: doc.lines.ends[line] });
  const chain: OutlineNode[] = [];
  let level = nodes;
  for (;;) {
    const n = level.find((x) => x.range.start <= offset && offset <= x.range.end);
    if (!n) break;
    chain.push(n);
    level = n.children;
  }
  for (const n of chain.reverse()) push(n.range);
  push({ start: 0, end: text.length });
  return out;
}
