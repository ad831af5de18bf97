/**
 * Code actions: a quick fix for each fix of a diagnostic under the cursor,
 * "fix all problems of this kind" for a rule with several certain fixes in
 * the document, and `source.fixAll.cablewright` (fix all on save). The
 * document-wide actions are computed on resolve when the client can resolve
 * them, since a code action request comes with every cursor move.
 */
import type { CodeAction, CodeActionKind, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { certainFix, changedRegion, fixAll, fullText, type Analysis, type Diagnostic, type ServiceOptions, type Span } from '../service';
import { toLspDiagnostic, toRange } from './convert';

/** The kind of the fix-all source action: VS Code runs it on save with `"editor.codeActionsOnSave": { "source.fixAll.cablewright": "explicit" }`. */
export const FIX_ALL_KIND = 'source.fixAll.cablewright';
const QUICKFIX: CodeActionKind = 'quickfix';

/** What an unresolved document-wide action carries to its resolution. */
export interface FixAllData {
  uri: string;
  version: number;
  /** Only this rule's problems; all rules when absent. */
  ruleId?: string;
}

/** Whether an action of `kind` is one the client asked for (`only` narrows by kind prefix). */
function wanted(kind: string, only: string[] | undefined): boolean {
  if (!only) return kind === QUICKFIX;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The code actions for `range` of a document. */
export function codeActions(
  uri: string,
  version: number,
  analysis: Analysis,
  options: ServiceOptions,
  range: Span,
  only: string[] | undefined,
  canResolve: boolean,
): CodeAction[] {
  const lines = analysis.doc.lines;
  const out: CodeAction[] = [];
  const fixAllAction = (title: string, kind: string, data: FixAllData, diagnostics: Diagnostic[]): CodeAction => {
    const action: CodeAction = { title, kind, data, ...(diagnostics.length ? { diagnostics: diagnostics.map((d) => toLspDiagnostic(lines, d)) } : {}) };
    return canResolve ? action : resolveFixAll(action, analysis, options);
  };
  if (wanted(QUICKFIX, only)) {
    const here = analysis.diagnostics.filter((d) => d.range.end >= range.start && d.range.start <= range.end);
    for (const d of here) {
      for (const fix of d.fixes) {
        const edits: TextEdit[] = fix.edits.map((e) => ({ range: toRange(lines, e.range), newText: e.newText }));
        out.push({ title: fix.title, kind: QUICKFIX, diagnostics: [toLspDiagnostic(lines, d)], isPreferred: fix.preferred ?? false, edit: { changes: { [uri]: edits } } });
      }
    }
    const rules = [...new Set(here.filter((d) => certainFix(d)).map((d) => d.ruleId))];
    for (const ruleId of rules) {
      const all = analysis.diagnostics.filter((d) => d.ruleId === ruleId && certainFix(d));
      if (all.length < 2) continue;
      out.push(fixAllAction(`Fix all ${all.length} '${ruleId}' problems in this document`, QUICKFIX, { uri, version, ruleId }, here.filter((d) => d.ruleId === ruleId)));
    }
  }
  if (only && wanted(FIX_ALL_KIND, only) && analysis.diagnostics.some((d) => certainFix(d))) {
    out.push(fixAllAction('Fix all cablewright problems that have a certain fix', FIX_ALL_KIND, { uri, version }, []));
  }
  return out;
}

/**
 * Gives a document-wide action its edit: every certain fix (of one rule, or
 * all) applied until none is left, as one edit of the region that changed.
 */
export function resolveFixAll(action: CodeAction, analysis: Analysis, options: ServiceOptions): CodeAction {
  const data = action.data as FixAllData;
  const before = fullText(analysis.doc.text);
  const select = data.ruleId ? (d: Diagnostic) => d.ruleId === data.ruleId : () => true;
  const after = fixAll(before, options, select, analysis).text;
  const region = changedRegion(before, after);
  if (!region) return { ...action, edit: { changes: { [data.uri]: [] } } };
  // No LSP position lies between the CR and the LF of a line break: an end of the region there moves past the break.
  const insideCrlf = (at: number) => before.charCodeAt(at - 1) === 13 && before.charCodeAt(at) === 10;
  const start = insideCrlf(region.start) ? region.start - 1 : region.start;
  const grow = insideCrlf(region.oldEnd) ? 1 : 0;
  const edit: WorkspaceEdit = {
    changes: { [data.uri]: [{ range: toRange(analysis.doc.lines, { start, end: region.oldEnd + grow }), newText: after.slice(start, region.newEnd + grow) }] },
  };
  return { ...action, edit };
}
