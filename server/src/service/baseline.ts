/**
 * Baselines for archives: a transcription must not be edited to silence a
 * finding, so the findings of today are recorded, and later only new ones are
 * reported. A finding is recorded by rule, cable and the text it flags, never
 * by line, so it survives lines moving; the same finding twice is counted.
 */
import type { Diagnostic } from './analyze';
import type { Cable, ParsedDocument } from './model';

/** One recorded finding (with how many times it occurs in its file). */
export interface BaselineEntry {
  /** The file, as the baseline names it (relative to the baseline file, with `/`). */
  file: string;
  rule: string;
  /** Which cable of the file: see {@link cableKey}. */
  cable: string;
  /** The text the finding flags (whitespace runs as one space, at most 200 characters). */
  text: string;
  count: number;
}

/** The contents of a baseline file. */
export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/**
 * What names a cable inside its file, whatever moves around it: its MRN, or
 * its text header's post and serial, or its DTG, or its subject; a cable
 * with none of these is named by its position.
 */
export function cableKey(c: Cable): string {
  if (c.mrn) return `MRN ${c.mrn.year ?? ''} ${c.mrn.post} ${c.mrn.serial}`.replace(/\s+/g, ' ');
  if (c.textHeader?.post && c.textHeader.serial) return `${c.textHeader.post} ${c.textHeader.serial}${c.section ? ` SECTION ${c.section.part}` : ''}`;
  if (c.dtg) return `DTG ${[c.dtg.day, c.dtg.hour, c.dtg.minute, c.dtg.month, c.dtg.year].join(' ')}`;
  if (c.subject?.value) return `SUBJECT ${c.subject.value.replace(/\s+/g, ' ').trim()}`;
  return `CABLE ${c.index + 1}`;
}

const keyOf = (file: string, rule: string, cable: string, text: string) => `${file}\u0000${rule}\u0000${cable}\u0000${text}`;

function flagged(doc: ParsedDocument, d: Diagnostic): string {
  return doc.text.slice(d.range.start, Math.min(d.range.end, d.range.start + 400)).replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The baseline entries of one file's findings. */
export function baselineEntries(file: string, doc: ParsedDocument, diagnostics: readonly Diagnostic[]): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    const cable = cableKey(doc.cables[d.cableIndex]);
    const text = flagged(doc, d);
    const key = keyOf(file, d.ruleId, cable, text);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { file, rule: d.ruleId, cable, text, count: 1 });
  }
  return [...counts.values()];
}

/** The findings of one file that its baseline does not account for (each entry accounts for as many findings as its count). */
export function newFindings(file: string, doc: ParsedDocument, diagnostics: readonly Diagnostic[], baseline: Baseline): Diagnostic[] {
  const left = new Map<string, number>();
  for (const e of baseline.entries) {
    if (e.file !== file) continue;
    const key = keyOf(e.file, e.rule, e.cable, e.text);
    left.set(key, (left.get(key) ?? 0) + e.count);
  }
  if (left.size === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    const key = keyOf(file, d.ruleId, cableKey(doc.cables[d.cableIndex]), flagged(doc, d));
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

/** Reads a baseline file's text; what is wrong with it is an error message. */
export function parseBaseline(text: string): { ok: true; baseline: Baseline } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${(e as Error).message})` };
  }
  const b = raw as Partial<Baseline> | null;
  if (!b || b.version !== 1 || !Array.isArray(b.entries)) return { ok: false, reason: 'not a cablewright baseline (expected { "version": 1, "entries": [...] })' };
  const entries = b.entries.filter(
    (e): e is BaselineEntry => !!e && typeof e.file === 'string' && typeof e.rule === 'string' && typeof e.cable === 'string' && typeof e.text === 'string' && Number.isInteger(e.count) && e.count > 0,
  );
  if (entries.length !== b.entries.length) return { ok: false, reason: `${b.entries.length - entries.length} entries lack file, rule, cable, text or a positive count` };
  return { ok: true, baseline: { version: 1, entries } };
}

/** A baseline file's text: entries sorted, one per line, so that a baseline under version control diffs well. */
export function formatBaseline(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.cable.localeCompare(b.cable) || a.rule.localeCompare(b.rule) || a.text.localeCompare(b.text));
  return `{\n  "version": 1,\n  "entries": [\n${sorted.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]\n}\n`;
}
