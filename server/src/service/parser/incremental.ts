/**
 * Re-parsing the next version of a document without re-reading what did not
 * change. The parse resumes from the last checkpoint before the edit and stops
 * as soon as, past the edit, it hands over a cable in the very state the
 * previous parse was in at the same (shifted) line: from there on the previous
 * cables are reused, moved by the edit's length. The result is the one a full
 * parse would give (the property tests hold it to that).
 */
import type { Source } from '../text/source';
import type { Cable } from '../model';
import { LineIndex } from '../text/lineIndex';
import { EmailHeaders, findEmailHeaders, isStamp } from './lexer';
import { Run, type CableMoves, type Checkpoint, type ParseResult } from './parse';
import { shiftRange, type SegmenterState } from './segmenter';

/** The part of a text that changed: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface ChangedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Which cables of a re-parse are the previous parse's: the first `prefix` as they were, and from `suffixNew` on those from `suffixOld` on, moved. */
export interface Reuse {
  prefix: number;
  suffixNew: number;
  suffixOld: number;
  charDelta: number;
  lineDelta: number;
}

/** The region where two texts differ (the longest common prefix and suffix left out), or undefined when they are equal. */
export function changedRegion(before: Source, after: Source): ChangedRegion | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  // Equality of whole blocks is a native comparison, far faster than a loop over characters; the blocks shrink to one character.
  let start = 0;
  for (let block = 4096; block >= 1; block >>= 3) {
    while (start + block <= max && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  }
  let tail = 0;
  const room = max - start;
  for (let block = 4096; block >= 1; block >>= 3) {
    while (tail + block <= room && before.slice(before.length - tail - block, before.length - tail) === after.slice(after.length - tail - block, after.length - tail)) tail += block;
  }
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** How {@link reparse} may work. */
export interface ReparseOptions {
  /**
   * Where the texts differ, when the caller knows it (an editor's content
   * changes): spares comparing the whole texts. It must cover every
   * difference; a region that does not fit the texts' lengths is ignored.
   */
  change?: ChangedRegion;
  /**
   * Leave the cables after the edit where they were and record their moves
   * (`ParseResult.moves`) instead of copying them: a keystroke then costs
   * the edit, not the file. The previous result is given up: its cables are
   * the new result's, and {@link settle} moves them in place. Only a caller
   * that owns the previous result and never reads it again may ask this.
   */
  defer?: boolean;
  /**
   * The new text's line index, when the caller keeps one (an editor's
   * document does): spares making it again. Used only if it indexes that
   * very text.
   */
  lines?: LineIndex;
}

/** Lines past an email header's first line that deciding about it can read (Sent: is looked for 24 lines down). */
const EMAIL_REACH = 26;

/** Parses `text`, the next version of `prev`'s text, reusing the cables the change left alone. */
export function reparse(prev: ParseResult, text: Source, how: ReparseOptions = {}): { result: ParseResult; reuse: Reuse } {
  const old = prev.doc;
  const given = fits(how.change, old.text, text) && !(empty(how.change) && text !== old.text) ? how.change : undefined;
  const change = given ?? changedRegion(old.text, text);
  const defer = how.defer ?? false;
  const charDelta = text.length - old.text.length;
  if (!change || empty(change)) return { result: prev, reuse: { prefix: old.cables.length, suffixNew: old.cables.length, suffixOld: old.cables.length, charDelta: 0, lineDelta: 0 } };
  const lines = how.lines?.text === text ? how.lines : LineIndex.edited(old.lines, text, change.start, change.oldEnd, change.newEnd);
  const n = lines.lineCount;
  const lineDelta = n - old.lines.lineCount;

  // Lines `first` to `last` read differently; every line after `last` is the old line `lineDelta` above it.
  let first = lines.lineAt(change.start);
  let last = lines.lineAt(change.newEnd);
  const marks = emailMarks(prev, text, lines, first, last, lineDelta);
  const email = marks.email;
  first = Math.min(first, marks.first);
  last = Math.max(last, marks.last);

  const k = lastBefore(prev.checkpoints, first);
  const resume = k >= 0 ? prev.checkpoints[k] : undefined;
  const prefix = resume ? resume.state.emitted : 0;
  const pending = prev.moves;
  // The kinds of the lines above the first one read again are the old ones (a copy of a few arrays, not a loop).
  // When the previous result is given up and the edit kept the line count, every line keeps its number: the old
  // kinds are overwritten in place where lines are read again, and the rest stay as they are.
  const inPlace = defer && lineDelta === 0;
  const run = new Run(text, lines, new EmailHeaders(text, lines.starts, lines.ends, email), prev.options, inPlace ? old.lineKinds : old.lineKinds.slice(0, resume ? resume.state.floor : 0));
  if (inPlace) run.overwritten = new Map();
  if (resume) {
    for (let c = 0; c < prefix; c++) {
      // Without `defer`, a cable still waiting for its move from an earlier deferred parse is moved now (a copy).
      run.cables.push(!defer && pending && moved(pending, c) ? shiftCable(old.cables[c], pending.chars[c], pending.lines[c], pending.indices[c]) : old.cables[c]);
      run.ranges.push(prev.ranges[c]);
    }
    for (let c = 0; c <= k; c++) run.checkpoints.push(prev.checkpoints[c]);
  }

  const reuse: Reuse = { prefix, suffixNew: -1, suffixOld: -1, charDelta, lineDelta };
  run.scan(resume ? resume.line + 1 : 0, resume, {
    after: last,
    lineDelta,
    checkpointAt: (line) => prev.checkpoints[atLine(prev.checkpoints, line)],
    splice(r, now, before) {
      const oldFrom = before.state.emitted;
      const newFrom = now.state.emitted;
      const indexDelta = newFrom - oldFrom;
      for (let c = oldFrom; c < old.cables.length; c++) {
        const cable = old.cables[c];
        if (defer) r.cables.push(cable);
        else if (pending) r.cables.push(shiftCable(cable, charDelta + pending.chars[c], lineDelta + pending.lines[c], indexDelta + pending.indices[c]));
        else r.cables.push(shiftCable(cable, charDelta, lineDelta, indexDelta));
        r.ranges.push(lineDelta === 0 ? prev.ranges[c] : shiftRange(prev.ranges[c], lineDelta));
      }
      // The kinds of the lines the resumed scan read past the last cable it built are the old ones too.
      if (r.overwritten) {
        for (const [line, kind] of r.overwritten) if (line >= now.state.floor) r.lineKinds[line] = kind;
      } else {
        r.lineKinds.length = now.state.floor;
        r.lineKinds = r.lineKinds.concat(old.lineKinds.slice(now.state.floor - lineDelta));
      }
      for (let c = atLine(prev.checkpoints, before.line) + 1; c < prev.checkpoints.length; c++) {
        const cp = prev.checkpoints[c];
        r.checkpoints.push(lineDelta === 0 && indexDelta === 0 ? cp : { line: cp.line + lineDelta, state: shiftState(cp.state, lineDelta, indexDelta) });
      }
      reuse.suffixNew = newFrom;
      reuse.suffixOld = oldFrom;
    },
  });
  if (reuse.suffixNew < 0) {
    reuse.suffixNew = run.cables.length;
    reuse.suffixOld = old.cables.length;
  }
  const result = run.result();
  if (defer) result.moves = movesAfter(pending, reuse, result.doc.cables.length);
  return { result, reuse };
}

/** Whether a change region the caller gave fits the two texts. */
function fits(change: ChangedRegion | undefined, before: Source, after: Source): change is ChangedRegion {
  return (
    change !== undefined &&
    change.start >= 0 && change.start <= change.oldEnd && change.start <= change.newEnd &&
    change.oldEnd <= before.length && change.newEnd <= after.length &&
    before.length - change.oldEnd === after.length - change.newEnd
  );
}

function empty(c: ChangedRegion): boolean {
  return c.start === c.oldEnd && c.start === c.newEnd;
}

function moved(m: CableMoves, c: number): boolean {
  return m.chars[c] !== 0 || m.lines[c] !== 0 || m.indices[c] !== 0;
}

/** The moves still owed to the cables of a deferred re-parse: those of the previous parse, plus the edit's for the cables after it. */
function movesAfter(pending: CableMoves | undefined, reuse: Reuse, count: number): CableMoves | undefined {
  const { prefix, suffixNew, suffixOld, charDelta, lineDelta } = reuse;
  const indexDelta = suffixNew - suffixOld;
  if (!pending && charDelta === 0 && lineDelta === 0 && indexDelta === 0) return undefined;
  const m: CableMoves = { chars: new Int32Array(count), lines: new Int32Array(count), indices: new Int32Array(count) };
  if (pending) {
    m.chars.set(pending.chars.subarray(0, prefix));
    m.lines.set(pending.lines.subarray(0, prefix));
    m.indices.set(pending.indices.subarray(0, prefix));
  }
  for (let c = suffixNew, o = suffixOld; c < count; c++, o++) {
    m.chars[c] = charDelta + (pending ? pending.chars[o] : 0);
    m.lines[c] = lineDelta + (pending ? pending.lines[o] : 0);
    m.indices[c] = indexDelta + (pending ? pending.indices[o] : 0);
  }
  return m;
}

/**
 * Moves the cables of a deferred re-parse (see {@link ReparseOptions.defer})
 * to where they are in its text, in place; `only`, when given, lists the
 * cables to move now (the others keep waiting). Afterwards they are what a
 * parse from scratch gives.
 */
export function settle(result: ParseResult, only?: Iterable<number>): void {
  const m = result.moves;
  if (!m) return;
  const cables = result.doc.cables;
  const move = (c: number) => {
    if (!moved(m, c)) return;
    moveInPlace(cables[c], m.chars[c], m.lines[c], m.indices[c]);
    m.chars[c] = 0;
    m.lines[c] = 0;
    m.indices[c] = 0;
  };
  if (only) {
    for (const c of only) move(c);
    return;
  }
  for (let c = 0; c < cables.length; c++) move(c);
  result.moves = undefined;
}

/**
 * The email-header marks of the new text, worked out near the edit only.
 * Whether a line belongs to an email header depends on the lines a little
 * above and below it (see `findEmailHeaders`): the marks are read again from
 * a line the old reading looked at afresh, well above the edit, down to a
 * line past it that both readings look at afresh; outside that window they
 * are the old marks. `first` and `last` widen to the lines whose mark changed.
 */
function emailMarks(prev: ParseResult, text: Source, lines: LineIndex, first: number, last: number, lineDelta: number): { email: Uint8Array; first: number; last: number } {
  const oldText = prev.doc.text;
  const oldLines = prev.doc.lines;
  const n = lines.lineCount;
  // A line the scan looks at afresh when it is outside every header (unmarked) and neither blank nor a release
  // stamp (a header runs over those at a page break).
  const plain = (t: Source, l: LineIndex, i: number) => {
    const u = t.slice(l.starts[i], l.ends[i]).trim();
    return u !== '' && !isStamp(u);
  };
  let s = Math.max(0, first - EMAIL_REACH);
  while (s > 0 && !(prev.email[s] === 0 && plain(oldText, oldLines, s))) s--;
  let span = 128;
  for (;;) {
    const e = Math.min(n, last + span);
    const window = findEmailHeaders(text, lines.starts.subarray(s, e), lines.ends.subarray(s, e));
    // The first line past the edit that both readings look at afresh: from there on they agree. Near the
    // window's end the window's reading may lack lines it would read, unless the window ends with the text.
    const until = e === n ? n : e - EMAIL_REACH;
    let t = -1;
    for (let i = last + 1; i < until; i++) {
      if (window[i - s] === 0 && prev.email[i - lineDelta] === 0 && plain(text, lines, i)) {
        t = i;
        break;
      }
    }
    if (t < 0 && e < n) {
      span *= 4;
      continue;
    }
    const upTo = t < 0 ? n : t;
    const email = new Uint8Array(n);
    email.set(prev.email.subarray(0, s));
    email.set(window.subarray(0, upTo - s), s);
    if (t >= 0) email.set(prev.email.subarray(t - lineDelta), t);
    let f = first;
    let l = last;
    for (let i = s; i < first; i++) {
      if (email[i] !== prev.email[i]) {
        f = i;
        break;
      }
    }
    for (let i = upTo - 1; i > last; i--) {
      if (email[i] !== prev.email[i - lineDelta]) {
        l = i;
        break;
      }
    }
    return { email, first: f, last: l };
  }
}

/** Index of the last checkpoint before line `line`, or -1. */
function lastBefore(cps: Checkpoint[], line: number): number {
  let lo = 0;
  let hi = cps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the checkpoint at line `line`, or -1. */
function atLine(cps: Checkpoint[], line: number): number {
  const i = lastBefore(cps, line + 1);
  return i >= 0 && cps[i].line === line ? i : -1;
}

function shiftState(s: SegmenterState, lineDelta: number, indexDelta: number): SegmenterState {
  const at = (x: number | undefined) => (x === undefined ? undefined : x + lineDelta);
  return {
    cur: s.cur && { ...s.cur, start: s.cur.start + lineDelta, segmentStart: s.cur.segmentStart + lineDelta, lastContent: s.cur.lastContent + lineDelta },
    pendingOutside: at(s.pendingOutside),
    seenContent: s.seenContent,
    fallbackCandidate: s.fallbackCandidate,
    waiting: s.waiting && shiftRange(s.waiting, lineDelta),
    floor: s.floor + lineDelta,
    emitted: s.emitted + indexDelta,
  };
}

/**
 * A copy of a cable moved down the text: every `start`/`end` offset by
 * `charDelta`, its lines by `lineDelta`, its index by `indexDelta`. An object
 * the cable holds twice (a subject is also one of its fields) is copied once.
 */
export function shiftCable(cable: Cable, charDelta: number, lineDelta: number, indexDelta: number): Cable {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length);
      copies.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    const from = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const key in from) {
      const value = from[key];
      if (typeof value === 'number') out[key] = key === 'start' || key === 'end' ? value + charDelta : value;
      else if (typeof value !== 'object' || value === null) out[key] = value;
      else out[key] = copy(value);
    }
    return out;
  };
  const out = copy(cable) as Cable;
  out.startLine += lineDelta;
  out.endLine += lineDelta;
  out.index += indexDelta;
  return out;
}

/**
 * {@link shiftCable} in place: the cable's objects themselves are moved. An
 * object the cable holds twice is moved once.
 */
function moveInPlace(cable: Cable, charDelta: number, lineDelta: number, indexDelta: number): void {
  const seen = new Set<object>();
  const visit = (v: object) => {
    if (seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'object' && x !== null) visit(x);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    for (const key in o) {
      const x = o[key];
      if (typeof x === 'number') {
        if (key === 'start' || key === 'end') o[key] = x + charDelta;
      } else if (typeof x === 'object' && x !== null) visit(x);
    }
  };
  if (charDelta !== 0) visit(cable);
  cable.startLine += lineDelta;
  cable.endLine += lineDelta;
  cable.index += indexDelta;
}

/**
 * What two re-parses in a row reused, as one: `first` took version A to B,
 * `then` B to C; the result takes A to C. A cable counts as reused only when
 * both kept it on the same side of their edits (a cable between two edits is
 * counted as parsed again).
 */
export function composeReuse(first: Reuse, then: Reuse): Reuse {
  const prefix = Math.min(first.prefix, then.prefix);
  // The first cable of C whose whole run after it maps, through B, to A's cables after the first edit.
  const suffixNew = Math.max(then.suffixNew, first.suffixNew - then.suffixOld + then.suffixNew, prefix);
  const inB = suffixNew - then.suffixNew + then.suffixOld;
  const suffixOld = inB - first.suffixNew + first.suffixOld;
  return { prefix: Math.min(prefix, suffixNew), suffixNew, suffixOld, charDelta: first.charDelta + then.charDelta, lineDelta: first.lineDelta + then.lineDelta };
}
