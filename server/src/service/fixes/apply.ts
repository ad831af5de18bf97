/**
 * Applying fixes to a text: one fix, or every certain fix of a document
 * (fix-all), repeated until nothing fixable is left. Text outside the edited
 * ranges is never touched.
 */
import { analyze, type Analysis, type Diagnostic, type ServiceOptions } from '../analyze';
import type { Fix, TextEdit } from '../rules/types';

/** The result of applying edits: the new text, and which edits were applied or left out because they overlapped an earlier one. */
export interface Applied {
  text: string;
  applied: TextEdit[];
  skipped: TextEdit[];
}

const sameEdit = (a: TextEdit, b: TextEdit) => a.range.start === b.range.start && a.range.end === b.range.end && a.newText === b.newText;

/**
 * Whether two edits touch the same text. An insertion conflicts with a
 * replacement only strictly inside it, and with another insertion at the
 * same point (their order would be a guess).
 */
function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/**
 * Chooses fixes that can be applied together: whole fixes, in order, each
 * taken only if none of its edits overlaps an edit already taken (an edit
 * identical to one already taken is shared, not a conflict).
 */
export function compatibleEdits(fixes: Fix[]): { edits: TextEdit[]; taken: Fix[] } {
  const edits: TextEdit[] = [];
  const taken: Fix[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !edits.some((t) => sameEdit(t, e)));
    if (fresh.some((e) => edits.some((t) => overlap(t, e)))) continue;
    if (fresh.some((e, i) => fresh.some((f, j) => i < j && overlap(e, f)))) continue;
    edits.push(...fresh);
    taken.push(fix);
  }
  return { edits, taken };
}

/** Applies non-overlapping edits (as chosen by {@link compatibleEdits}) to `text`; an edit overlapping an earlier one is skipped. */
export function applyEdits(text: string, edits: TextEdit[]): Applied {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i)
    .map((x) => x.e);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    const start = Math.max(0, Math.min(e.range.start, text.length));
    const end = Math.max(start, Math.min(e.range.end, text.length));
    const last = applied.at(-1);
    if (start < at || (last && overlap(last, e))) {
      skipped.push(e);
      continue;
    }
    parts.push(text.slice(at, start), e.newText);
    at = end;
    applied.push(e);
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied, skipped };
}

/** The fix a diagnostic's problem can be fixed with unattended: its preferred fix, if it has one. */
export function certainFix(d: Diagnostic): Fix | undefined {
  return d.fixes.find((f) => f.preferred);
}

/** What {@link fixAll} did. */
export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all passes. */
  fixed: number;
  passes: number;
  /** The analysis of the fixed text. */
  analysis: Analysis;
}

/** Passes after which fix-all stops even if fixes remain (fixes that keep undoing each other would otherwise loop). */
const MAX_PASSES = 10;

/**
 * Applies every certain fix (see {@link certainFix}) of the diagnostics
 * `select` keeps, re-analyses, and repeats until no certain fix is left or
 * an applied pass changes nothing.
 */
export function fixAll(text: string, options: ServiceOptions = {}, select: (d: Diagnostic) => boolean = () => true, initial?: Analysis): FixAllResult {
  let analysis = initial ?? analyze(text, options);
  let current = text;
  let fixed = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const fixes = analysis.diagnostics.filter(select).map(certainFix).filter((f): f is Fix => !!f);
    if (fixes.length === 0) break;
    const { edits, taken } = compatibleEdits(fixes);
    const next = applyEdits(current, edits).text;
    passes++;
    if (next === current) break;
    fixed += taken.length;
    current = next;
    analysis = analyze(current, options, analysis);
  }
  return { text: current, fixed, passes, analysis };
}
