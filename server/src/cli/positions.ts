import type { LineIndex, Span } from '../service';

/** A 1-based line and column range, as ESLint and SARIF print them (columns in UTF-16 code units, end exclusive). */
export interface LineColumnRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toLineColumns(lines: LineIndex, span: Span): LineColumnRange {
  const s = lines.positionAt(span.start);
  const e = lines.positionAt(span.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}
