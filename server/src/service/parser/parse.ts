import type { Source } from '../text/source';
import type { Cable, LineKind, ParsedDocument, Segment } from '../model';
import { LineIndex } from '../text/lineIndex';
import { buildCable } from './cableBuilder';
import { codeAt } from '../text/chars';
import { EmailHeaders, lexLineFrom, lineTextStart, type LexedLine } from './lexer';
import { sameStateShifted, Segmenter, type CableRange, type SegmenterState } from './segmenter';

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

/** The segmenter's state just after it read `line` and handed over a cable: a point a later parse can resume from. */
export interface Checkpoint {
  line: number;
  state: SegmenterState;
}

/**
 * A parsed document with what a parse of its next version needs to reuse the
 * unchanged cables: the line range of each cable and a checkpoint after each.
 */
export interface ParseResult {
  doc: ParsedDocument;
  ranges: CableRange[];
  checkpoints: Checkpoint[];
  /** Which lines belong to an email header (these depend on the lines around them). */
  email: Uint8Array;
  options: ParseOptions;
  /**
   * What a deferred re-parse (`reparse` with `defer`) still owes its cables:
   * per cable, the offsets, lines and index to add to it (`settle` does).
   * Undefined when every cable is where it says it is.
   */
  moves?: CableMoves;
}

/** Per cable, how far it has yet to move: offsets, lines, index. */
export interface CableMoves {
  chars: Int32Array;
  lines: Int32Array;
  indices: Int32Array;
}

/**
 * Parses a file of cables. Never throws and runs in time linear in the text:
 * every line is lexed once, segmented once and built once.
 */
export function parse(text: Source, options: ParseOptions = {}): ParsedDocument {
  return parseResumable(text, options).doc;
}

/** {@link parse}, keeping what {@link reparse} needs; `lines`, when the caller keeps the text's line index (an editor does), spares making it again. */
export function parseResumable(text: Source, options: ParseOptions = {}, lines?: LineIndex): ParseResult {
  const steps = parseInSteps(text, options, 0, lines);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** {@link parseResumable}, pausing after every `every` lines read (none when `every` is 0), so that a host can do other work between steps. */
export function* parseInSteps(text: Source, options: ParseOptions, every: number, known?: LineIndex): Generator<void, ParseResult, void> {
  // A line index the caller keeps is used only if it indexes this very text.
  const lines = known?.text === text ? known : new LineIndex(text);
  // Email headers are marked as the lines are lexed.
  const run = new Run(text, lines, new EmailHeaders(text, lines.starts, lines.ends), options);
  yield* run.steps(0, undefined, undefined, every);
  return run.result();
}

/**
 * Where a resumed parse may stop: once it has handed over a cable after line
 * `after` with a segmenter state that the previous parse also had (shifted by
 * `lineDelta`), the rest of the file parses as before.
 */
export interface Resync {
  after: number;
  lineDelta: number;
  /** The previous parse's checkpoint at (old) line `line`, if any. */
  checkpointAt(line: number): Checkpoint | undefined;
  /** Called with the new checkpoint and the old one it matches; completes the result from the previous parse. */
  splice(run: Run, now: Checkpoint, before: Checkpoint): void;
}

/** One pass of the segmenter over (part of) a file, building cables as their segments close. */
export class Run {
  readonly lexed: LexedLine[];
  lineKinds: LineKind[];
  cables: Cable[] = [];
  ranges: CableRange[] = [];
  checkpoints: Checkpoint[] = [];
  /**
   * When the scan overwrites the kinds of a previous parse in place (see
   * `reparse`), the kind each line had before it was first lexed again, so
   * that the lines read ahead of the last cable built can be given theirs back.
   */
  overwritten: Map<number, LineKind> | undefined;

  /**
   * `lineKinds`, when given, holds the kinds of the lines before the first one
   * read (a re-parse). Both arrays grow line by line as lines are read, which
   * keeps them packed (copying them is then a block copy); a re-parse reads
   * few lines, far down the file: its `lexed` is sparse.
   */
  constructor(
    readonly text: Source,
    readonly lines: LineIndex,
    readonly email: EmailHeaders,
    readonly options: ParseOptions,
    lineKinds: LineKind[] = [],
  ) {
    this.lexed = [];
    this.lineKinds = lineKinds;
  }

  /**
   * Reads lines from `from` on. `resume` is the segmenter state after line
   * `from - 1` (every line it can look back at, from its floor, is lexed
   * again here); `resync` lets the pass stop early.
   */
  scan(from: number, resume: Checkpoint | undefined, resync: Resync | undefined): void {
    const steps = this.steps(from, resume, resync, 0);
    while (!steps.next().done);
  }

  /** {@link scan}, pausing after every `every` lines read when `every` is positive (a long text read in steps). */
  *steps(from: number, resume: Checkpoint | undefined, resync: Resync | undefined, every: number): Generator<void, void, void> {
    const { text, lines, lexed, lineKinds, cables, ranges } = this;
    const n = lines.lineCount;
    // Each cable is built as soon as its segment is final, and its lexed lines are let go: they die young,
    // which keeps a long file's memory flat and spares the garbage collector.
    const segmenter = new Segmenter(text, lexed, this.options.assumeCable ?? false, (r) => {
      cables.push(buildCable(text, lexed, r, cables.length, lineKinds));
      ranges.push(r);
      for (let j = r.segmentStart; j <= r.segmentEnd; j++) lexed[j] = BUILT;
    }, resume?.state);
    if (resume) for (let i = resume.state.floor; i < from; i++) this.lex(i);
    let emitted = segmenter.emittedCount;
    let pause = every > 0 ? from + every : n;
    for (let i = from; i < n; i++) {
      if (i === pause) {
        pause += every;
        yield;
      }
      this.lex(i);
      segmenter.push(i);
      if (segmenter.emittedCount === emitted) continue;
      emitted = segmenter.emittedCount;
      const now = { line: i, state: segmenter.snapshot() };
      this.checkpoints.push(now);
      if (resync && i > resync.after && now.state.floor > resync.after) {
        const before = resync.checkpointAt(i - resync.lineDelta);
        if (before && sameState(before, now, resync.lineDelta)) {
          resync.splice(this, now, before);
          return;
        }
      }
    }
    // The segmenter ends the file at the end of `lexed`, which a re-parse fills only from where it resumed.
    if (lexed.length < n) lexed.length = n;
    segmenter.finish();
  }

  private lex(i: number) {
    const { text, lines } = this;
    const start = lines.starts[i];
    const end = lines.ends[i];
    // A string is read in place (only lines that are more than blank, prose or an email header are sliced); a rope line by line.
    const s = typeof text === 'string' ? text : text.slice(start, end);
    const from = typeof text === 'string' ? start : 0;
    const to = from + end - start;
    const p = lineTextStart(s, from, to);
    const l = lexLineFrom(s, from, to, p, start, this.email.isHeader(i, codeAt(s, p)));
    this.lexed[i] = l;
    if (this.overwritten && !this.overwritten.has(i)) this.overwritten.set(i, this.lineKinds[i]);
    const k = l.items[0]?.k;
    this.lineKinds[i] = k === undefined ? 'blank' : k === 'stamp' ? 'release-stamp' : k === 'email' ? 'email-header' : 'outside';
  }

  result(): ParseResult {
    const { lines, cables, ranges } = this;
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
    outside(next, lines.lineCount - 1);
    const doc = { text: this.text, lines, lineKinds: this.lineKinds, segments, cables };
    return { doc, ranges, checkpoints: this.checkpoints, email: this.email.marks, options: this.options };
  }
}

function sameState(before: Checkpoint, now: Checkpoint, lineDelta: number): boolean {
  return now.line === before.line + lineDelta && sameStateShifted(before.state, now.state, lineDelta);
}
