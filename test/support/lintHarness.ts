/**
 * Helpers for rule tests: run one rule on a text and see its findings as a
 * user would (1-based line and column, the text under the squiggle, the
 * message), and apply a fix to get the fixed text.
 */
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixAll, RULES, type Diagnostic, type Fix, type ServiceOptions } from '../../server/src/service';

/** A finding as the user sees it. */
export interface Seen {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text the finding underlines. */
  text: string;
  message: string;
}

/** Runs only `ruleId` on `text` (as a `.cable` file unless told otherwise). */
export function diagnosticsOf(ruleId: string, text: string, options: ServiceOptions = {}): Diagnostic[] {
  const rules = Object.fromEntries(RULES.map((r) => [r.id, r.id === ruleId ? (options.rules?.[r.id] ?? r.defaultSeverity) : 'off'] as const));
  return analyze(text, { assumeCable: true, ...options, rules }).diagnostics;
}

/** Runs only `ruleId` on `text` and returns what the user would see. */
export function lintWith(ruleId: string, text: string, options: ServiceOptions = {}): Seen[] {
  const { doc } = analyze(text, { assumeCable: true });
  return diagnosticsOf(ruleId, text, options).map((d) => {
    const s = doc.lines.positionAt(d.range.start);
    const e = doc.lines.positionAt(d.range.end);
    return {
      ruleId: d.ruleId,
      severity: d.severity,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      text: text.slice(d.range.start, d.range.end),
      message: d.message,
    };
  });
}

/** The text after applying one fix's edits (non-overlapping, applied from the end). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/**
 * A cable written inside a test: strips the leading newline and the common
 * indentation, so cables can be indented with the code.
 */
export function cable(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The text after applying one fix with the fix engine; its edits must not overlap one another. */
export function applied(text: string, fix: Fix): string {
  const r = applyEdits(text, fix.edits);
  assert.deepEqual(r.skipped, [], `the edits of '${fix.title}' overlap`);
  return r.text;
}

/**
 * Fix-all with only `ruleId` on (every rule when it is undefined): returns
 * the fixed text after checking that no certain fix of the rule is left and
 * that fix-all on its own output changes nothing (fixes do not fight).
 */
export function fixAllSettled(text: string, ruleId?: string, options: ServiceOptions = {}): string {
  const rules = ruleId ? Object.fromEntries(RULES.map((r) => [r.id, r.id === ruleId ? r.defaultSeverity : 'off'] as const)) : undefined;
  const opts: ServiceOptions = { assumeCable: true, ...options, ...(rules ? { rules } : {}) };
  const once = fixAll(text, opts);
  const left = once.analysis.diagnostics.filter((d) => d.fixes.some((f) => f.preferred));
  assert.deepEqual(left.map((d) => `${d.ruleId}: ${d.message}`), [], 'certain fixes are left after fix-all');
  const twice = fixAll(once.text, opts);
  assert.equal(twice.text, once.text, 'a second fix-all changed the text');
  return once.text;
}
