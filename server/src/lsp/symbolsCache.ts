/**
 * Document symbols kept from one version of a document to the next. An
 * outline is asked for again after most edits, and a file of a thousand
 * cables has a thousand cable symbols with their children: hundreds of
 * kilobytes of JSON, of which an edit changes one cable's. A cable the edit
 * did not touch is the same object in the next version's model (moved, if
 * text above it changed); while its symbol's name, detail and positions are
 * the same, so is everything inside it, and its symbol and JSON are reused.
 */
import type { DocumentSymbol } from 'vscode-languageserver/node';
import type { Cable, LineIndex, OutlineNode } from '../service';
import { toSymbols } from './convert';
import { keptList, spanIsAt } from './keptJson';

export class SymbolsCache {
  /** Those of the last version converted only. */
  private kept = new Map<Cable, DocumentSymbol>();

  /** The symbols of `nodes`, the outline of `cables` (one node per cable, in order), as a {@link keptList}. */
  convert(lines: LineIndex, cables: readonly Cable[], nodes: readonly OutlineNode[]): DocumentSymbol[] {
    const now = new Map<Cable, DocumentSymbol>();
    const out = nodes.map((n, i) => {
      const cable = cables[i];
      const known = cable && this.kept.get(cable);
      const symbol = known && known.name === n.name && known.detail === (n.detail || undefined) && spanIsAt(lines, n.range, known.range) && sameSelection(known, lines, n) ? known : toSymbols(lines, [n])[0];
      if (cable) now.set(cable, symbol);
      return symbol;
    });
    this.kept = now;
    return keptList(out);
  }
}

function sameSelection(known: DocumentSymbol, lines: LineIndex, n: OutlineNode): boolean {
  // toSymbols gives the whole range as the selection when the node's selection is not inside it.
  const inside = n.selectionRange.start >= n.range.start && n.selectionRange.end <= n.range.end;
  return spanIsAt(lines, inside ? n.selectionRange : n.range, known.selectionRange);
}
