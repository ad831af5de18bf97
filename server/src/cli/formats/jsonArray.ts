/**
 * JSON documents written an element at a time: a report of ten thousand
 * files is a single JSON document, but it need not be built whole in memory.
 * The text is byte for byte what `JSON.stringify` gives for the whole value.
 */

/** A JSON document with one array written in pieces: the text before its first element, between two, after its last, and the whole document when it has none. */
export interface ArrayDocument {
  open: string;
  separator: string;
  close: string;
  empty: string;
  /** An element's text, at the array's place in the document. */
  element(value: unknown): string;
}

const HOLE = '\u0000cablewright-array\u0000';

/**
 * The document `wrap(array)` as `JSON.stringify(…, null, space)` prints it
 * (and a final newline), cut around `array`.
 */
export function arrayDocument(wrap: (array: unknown[]) => unknown, space?: number): ArrayDocument {
  const full = `${JSON.stringify(wrap([HOLE]), null, space)}\n`;
  const hole = JSON.stringify(HOLE);
  const at = full.indexOf(hole);
  const open = full.slice(0, at);
  // With indentation, the hole sits on a line of its own, indented as every element is.
  const indent = space ? open.slice(open.lastIndexOf('\n') + 1) : '';
  return {
    open,
    separator: space ? `,\n${indent}` : ',',
    close: full.slice(at + hole.length),
    empty: `${JSON.stringify(wrap([]), null, space)}\n`,
    element: space ? (value) => JSON.stringify(value, null, space).replace(/\n/g, `\n${indent}`) : (value) => JSON.stringify(value),
  };
}

/** Writes an {@link ArrayDocument} element by element. */
export class ArrayWriter {
  private started = false;
  constructor(
    private readonly doc: Pick<ArrayDocument, 'open' | 'separator' | 'close' | 'empty'>,
    private readonly write: (s: string) => void,
  ) {}

  /** One element's text, as {@link ArrayDocument.element} made it. */
  element(text: string): void {
    this.write(this.started ? this.doc.separator + text : this.doc.open + text);
    this.started = true;
  }

  end(): void {
    this.write(this.started ? this.doc.close : this.doc.empty);
  }
}
