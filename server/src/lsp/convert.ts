/**
 * Conversions between the service's plain data (UTF-16 offsets) and LSP
 * shapes (line and UTF-16 character). Types only from the protocol: the one
 * module that talks to the connection is `server.ts`.
 */
import type {
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  FoldingRange,
  Range,
  SelectionRange,
} from 'vscode-languageserver/node';
import {
  ruleDocsUrl,
  TOKEN_MODIFIERS,
  TOKEN_TYPES,
  type Completion,
  type Diagnostic,
  type Fold,
  type LineIndex,
  type OutlineKind,
  type OutlineNode,
  type SemanticToken,
  type Span,
} from '../service';

/** LSP numbers, written out so this module needs no runtime import of the protocol. */
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
const DIAGNOSTIC_TAG = { unnecessary: 1, deprecated: 2 } as const;
const SYMBOL_KIND: Record<OutlineKind, DocumentSymbol['kind']> = {
  cable: 2, // Module
  header: 3, // Namespace
  addressees: 3,
  field: 8, // Field
  references: 18, // Array
  reference: 20, // Key
  paragraph: 15, // String
  subparagraph: 15,
  signature: 14, // Constant
  trailer: 3,
};
const COMPLETION_KIND: Record<Completion['kind'], NonNullable<CompletionItem['kind']>> = {
  post: 9, // Module
  tag: 20, // EnumMember
  classification: 14, // Keyword
  portion: 14,
  precedence: 14,
  eo: 12, // Value
  field: 5, // Field
  snippet: 15, // Snippet
};

export function toRange(lines: LineIndex, s: Span): Range {
  return { start: lines.positionAt(s.start), end: lines.positionAt(s.end) };
}

export function toLspDiagnostic(lines: LineIndex, d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(lines, d.range),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId) },
    source: 'cablewright',
    message: d.message,
    ...(d.tags?.length ? { tags: d.tags.map((t) => DIAGNOSTIC_TAG[t]) } : {}),
  };
}

/** Document symbols from outline nodes: empty details and children left out. */
export function toSymbols(lines: LineIndex, nodes: OutlineNode[]): DocumentSymbol[] {
  return nodes.map((n) => {
    const range = toRange(lines, n.range);
    const sel = toRange(lines, n.selectionRange);
    // A selection range must lie inside the range.
    const inside = n.selectionRange.start >= n.range.start && n.selectionRange.end <= n.range.end;
    // Empty details and children are left out: a file of many cables has thousands of symbols, and every byte crosses the pipe.
    const symbol: DocumentSymbol = { name: n.name, kind: SYMBOL_KIND[n.kind], range, selectionRange: inside ? sel : range };
    if (n.detail) symbol.detail = n.detail;
    if (n.children.length) symbol.children = toSymbols(lines, n.children);
    return symbol;
  });
}

export function toCompletionItem(lines: LineIndex, c: Completion): CompletionItem {
  return {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    ...(c.documentation ? { documentation: { kind: 'markdown', value: c.documentation } } : {}),
    textEdit: { range: toRange(lines, c.range), newText: c.insertText },
    insertTextFormat: c.snippet ? 2 : 1,
    sortText: c.sortText,
    ...(c.filterText ? { filterText: c.filterText } : {}),
  };
}

export function toFoldingRanges(folds: Fold[]): FoldingRange[] {
  return folds.map((f) => ({ startLine: f.startLine, endLine: f.endLine, ...(f.kind === 'comment' ? { kind: 'comment' } : {}) }));
}

export function toSelectionRange(lines: LineIndex, spans: Span[]): SelectionRange {
  let parent: SelectionRange | undefined;
  for (let i = spans.length - 1; i >= 0; i--) parent = { range: toRange(lines, spans[i]), ...(parent ? { parent } : {}) };
  return parent ?? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** The semantic-token legend the server announces. */
export const LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** LSP's relative encoding of tokens; a token over several lines becomes one per line. */
export function encodeTokens(lines: LineIndex, tokens: SemanticToken[], within?: Span): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of tokens) {
    if (within && (t.end < within.start || t.start > within.end)) continue;
    const type = TOKEN_TYPES.indexOf(t.type);
    let mods = 0;
    for (const m of t.modifiers) mods |= 1 << TOKEN_MODIFIERS.indexOf(m);
    const first = lines.lineAt(t.start);
    const last = lines.lineAt(Math.max(t.start, t.end - 1));
    for (let line = first; line <= last; line++) {
      const from = line === first ? t.start : lines.starts[line];
      const to = line === last ? t.end : lines.ends[line];
      if (to <= from) continue;
      const char = from - lines.starts[line];
      data.push(line - prevLine, line === prevLine ? char - prevChar : char, to - from, type, mods);
      prevLine = line;
      prevChar = char;
    }
  }
  return data;
}
