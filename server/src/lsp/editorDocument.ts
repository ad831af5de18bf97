/**
 * A document as the editor holds it: the `TextDocument` of
 * `vscode-languageserver-textdocument`, kept as a rope. That library's
 * document rebuilds its whole text at every content change, and the first
 * read of the new string copies it all: on a 5 MB file, most of a
 * keystroke's time and a new 10 MB string per keystroke for the garbage
 * collector. Here a change replaces a chunk of a few thousand characters and
 * moves the line offsets; the analysis reads the rope directly.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { fullText, LineIndex, Rope, type ChangedRegion } from '../service';

export class EditorDocument implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    /** The text, read by the analysis. */
    public source: Rope,
    /** Its lines, kept up to date at each change (positions in changes refer to the text before them). */
    public lines: LineIndex,
  ) {}

  /** A document of `content`; `chunkSize` is the rope's (tests use small ones). */
  static create(uri: string, languageId: string, version: number, content: string, chunkSize?: number): EditorDocument {
    const rope = Rope.of(content, chunkSize);
    return new EditorDocument(uri, languageId, version, rope, indexOf(rope, content));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  /** The whole text (joined anew at each call), or a range of it. */
  getText(range?: Range): string {
    if (!range) return fullText(this.source);
    return this.source.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position.line, position.character);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const l = Math.min(line, this.lines.lineCount - 1);
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lines.ends[l] - this.lines.starts[l] } };
  }

  getEOLCharacters(line: number): string {
    const { starts, ends, lineCount } = this.lines;
    if (line < 0 || line >= lineCount) return '';
    return this.source.slice(ends[line], line + 1 < lineCount ? starts[line + 1] : this.source.length);
  }

  /**
   * Applies content changes in order, as `TextDocument.update` does, and
   * returns where each one changed the text (undefined for a change that
   * replaced the whole text).
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): (ChangedRegion | undefined)[] {
    const regions: (ChangedRegion | undefined)[] = [];
    for (const change of changes) {
      if ('range' in change) {
        // A range given end first is taken the right way round, as the library does.
        const a = this.offsetAt(change.range.start);
        const b = this.offsetAt(change.range.end);
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        this.source = this.source.edited(start, end, change.text);
        this.lines = LineIndex.edited(this.lines, this.source, start, end, start + change.text.length);
        regions.push({ start, oldEnd: end, newEnd: start + change.text.length });
      } else {
        this.source = Rope.of(change.text, this.source.chunkSize);
        this.lines = indexOf(this.source, change.text);
        regions.push(undefined);
      }
    }
    this.version = version;
    return regions;
  }
}

/** The line index of `rope`, read from `text`, the string it was made of: the rope is not joined again. */
function indexOf(rope: Rope, text: string): LineIndex {
  return new LineIndex(rope, new LineIndex(text));
}
