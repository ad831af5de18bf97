import type { Source } from './source';
import type { Span } from '../model';

/** The span of `needle` inside `within` of `text`, or `within` itself when it is not there. */
export function spanOf(text: Source, within: Span, needle: string): Span {
  const at = text.slice(within.start, within.end).indexOf(needle);
  return at < 0 ? within : { start: within.start + at, end: within.start + at + needle.length };
}

/** The span of the whole line holding `offset`, without its line break. */
export function lineSpanAt(text: Source, offset: number): Span {
  let start = offset;
  while (start > 0 && text.charAt(start - 1) !== '\n' && text.charAt(start - 1) !== '\r') start--;
  let end = offset;
  while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r') end++;
  return { start, end };
}
