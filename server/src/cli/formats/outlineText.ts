import type { LineIndex, OutlineNode } from '../../service';

/** An indented tree, a node a line: name, detail, and its line range. */
export function formatOutlineText(nodes: OutlineNode[], lines: LineIndex): string {
  const out: string[] = [];
  const walk = (n: OutlineNode, depth: number) => {
    const from = lines.lineAt(n.range.start) + 1;
    const to = lines.lineAt(n.range.end) + 1;
    const where = from === to ? `L${from}` : `L${from}-${to}`;
    out.push(`${'  '.repeat(depth)}${n.name}${n.detail ? `  [${n.detail}]` : ''}  (${where})`);
    for (const c of n.children) walk(c, depth + 1);
  };
  for (const n of nodes) walk(n, 0);
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Outline nodes with 1-based line and column positions, for JSON output. */
export function outlineJson(nodes: OutlineNode[], lines: LineIndex): unknown[] {
  const pos = (offset: number) => {
    const p = lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  const conv = (n: OutlineNode): unknown => ({
    name: n.name,
    detail: n.detail,
    kind: n.kind,
    range: { start: pos(n.range.start), end: pos(n.range.end) },
    selectionRange: { start: pos(n.selectionRange.start), end: pos(n.selectionRange.end) },
    children: n.children.map(conv),
  });
  return nodes.map(conv);
}
