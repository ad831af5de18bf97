/**
 * Folding ranges: each cable, its routing and distribution block, its address
 * lists, its multi-line fields, each paragraph and subparagraph, and the runs
 * of release stamps and email headers around cables.
 */
import type { LineKind, ParsedDocument, Span, Subparagraph } from './model';

export interface Fold {
  startLine: number;
  endLine: number;
  /** `comment` for release material and email headers, which an editor may fold away by default. */
  kind: 'region' | 'comment';
}

const ROUTING: ReadonlySet<LineKind> = new Set(['distribution', 'drafting', 'routing']);
const ADDRESS: ReadonlySet<LineKind> = new Set(['from', 'to', 'info', 'xmt']);
/** Lines a page break puts inside a block without ending it. */
const PAGE_BREAK: ReadonlySet<LineKind> = new Set(['blank', 'page-header', 'page-number', 'classification', 'release-stamp']);
const WRAPPER: ReadonlySet<LineKind> = new Set(['release-stamp', 'email-header']);

export function foldingRanges(doc: ParsedDocument): Fold[] {
  const out: Fold[] = [];
  const lineOf = (offset: number) => doc.lines.lineAt(offset);
  const add = (startLine: number, endLine: number, kind: Fold['kind'] = 'region') => {
    if (endLine > startLine) out.push({ startLine, endLine, kind });
  };
  const addSpan = (s: Span) => add(lineOf(s.start), lineOf(Math.max(s.start, s.end - 1)));

  for (const c of doc.cables) {
    add(c.startLine, c.endLine);
    runs(doc.lineKinds, c.startLine, c.endLine, ROUTING, (a, b) => add(a, b));
    runs(doc.lineKinds, c.startLine, c.endLine, ADDRESS, (a, b) => add(a, b));
    for (const f of c.fields) if (f.valueSpans.length > 1) addSpan(f);
    const subFolds = (subs: Subparagraph[]) => {
      for (const s of subs) {
        addSpan(s);
        subFolds(s.subparagraphs);
      }
    };
    for (const p of c.paragraphs) {
      addSpan(p);
      subFolds(p.subparagraphs);
    }
  }
  runs(doc.lineKinds, 0, doc.lines.lineCount - 1, WRAPPER, (a, b) => add(a, b, 'comment'), new Set(['blank']));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Calls `each` for every run of lines whose kinds are in `kinds`, page breaks (or `gaps`) inside a run allowed. */
function runs(kinds: LineKind[], from: number, to: number, want: ReadonlySet<LineKind>, each: (start: number, end: number) => void, gaps: ReadonlySet<LineKind> = PAGE_BREAK) {
  let start = -1;
  let last = -1;
  for (let i = from; i <= to; i++) {
    const k = kinds[i];
    if (want.has(k)) {
      if (start < 0) start = i;
      last = i;
    } else if (!gaps.has(k) && start >= 0) {
      each(start, last);
      start = -1;
    }
  }
  if (start >= 0) each(start, last);
}
