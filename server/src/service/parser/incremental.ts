/**
 * Re-parsing the next version of a document without re-reading what did not
 * change. The parse resumes from the last checkpoint before the edit and stops
 * as soon as, past the edit, it hands over a cable in the very state the
 * previous parse was in at the same (shifted) line: from there on the previous
 * cables are reused, moved by the edit's length. The result is the one a full
 * parse would give (the property tests hold it to that).
 */
import type { Cable } from '../model';
import { LineIndex } from '../text/lineIndex';
import { findEmailHeaders } from './lexer';
import { Run, type Checkpoint, type ParseResult } from './parse';
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
export function changedRegion(before: string, after: string): ChangedRegion | undefined {
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

/** Parses `text`, the next version of `prev`'s text, reusing the cables the change left alone. */
export function reparse(prev: ParseResult, text: string): { result: ParseResult; reuse: Reuse } {
  const old = prev.doc;
  const change = changedRegion(old.text, text);
  const lines = new LineIndex(text);
  const n = lines.lineCount;
  const lineDelta = n - old.lines.lineCount;
  const charDelta = text.length - old.text.length;
  if (!change) return { result: prev, reuse: { prefix: old.cables.length, suffixNew: old.cables.length, suffixOld: old.cables.length, charDelta: 0, lineDelta: 0 } };

  // Lines `first` to `last` read differently; every line after `last` is the old line `lineDelta` above it.
  const email = findEmailHeaders(text, lines.starts, lines.ends);
  let first = lines.lineAt(change.start);
  let last = lines.lineAt(change.newEnd);
  for (let i = 0; i < first; i++) {
    if (email[i] !== prev.email[i]) {
      first = i;
      break;
    }
  }
  for (let i = n - 1; i > last; i--) {
    if (email[i] !== prev.email[i - lineDelta]) {
      last = i;
      break;
    }
  }

  const run = new Run(text, lines, email, prev.options);
  const k = lastBefore(prev.checkpoints, first);
  const resume = k >= 0 ? prev.checkpoints[k] : undefined;
  const prefix = resume ? resume.state.emitted : 0;
  if (resume) {
    for (let c = 0; c < prefix; c++) {
      run.cables.push(old.cables[c]);
      run.ranges.push(prev.ranges[c]);
    }
    for (let i = 0; i < resume.state.floor; i++) run.lineKinds[i] = old.lineKinds[i];
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
        r.cables.push(shiftCable(old.cables[c], charDelta, lineDelta, indexDelta));
        r.ranges.push(shiftRange(prev.ranges[c], lineDelta));
      }
      for (let i = now.state.floor; i < n; i++) r.lineKinds[i] = old.lineKinds[i - lineDelta];
      for (let c = atLine(prev.checkpoints, before.line) + 1; c < prev.checkpoints.length; c++) {
        const cp = prev.checkpoints[c];
        r.checkpoints.push({ line: cp.line + lineDelta, state: shiftState(cp.state, lineDelta, indexDelta) });
      }
      reuse.suffixNew = newFrom;
      reuse.suffixOld = oldFrom;
    },
  });
  if (reuse.suffixNew < 0) {
    reuse.suffixNew = run.cables.length;
    reuse.suffixOld = old.cables.length;
  }
  return { result: run.result(), reuse };
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
