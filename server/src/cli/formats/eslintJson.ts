import { arrayDocument } from './jsonArray';
import type { FileResult } from './results';

/** ESLint's JSON shape, so existing tools can read the report: an array with an element per file. */
export const ESLINT_JSON = arrayDocument((files) => files);

/** One file's element of the ESLint JSON array: severity 2 is an error, 1 anything milder. */
export function eslintElement(r: FileResult): string {
  return ESLINT_JSON.element({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity === 'error' ? 2 : 1,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.fatal ? { fatal: true } : {}),
    })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fatalErrorCount: r.messages.filter((m) => m.fatal).length,
    fixableErrorCount: r.messages.filter((m) => m.fixable && m.severity === 'error').length,
    fixableWarningCount: r.messages.filter((m) => m.fixable && m.severity !== 'error').length,
  });
}
