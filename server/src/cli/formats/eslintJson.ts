import type { FileResult } from './results';

/** ESLint's JSON shape, so existing tools can read the report: severity 2 is an error, 1 anything milder. */
export function formatEslintJson(results: FileResult[]): string {
  return `${JSON.stringify(
    results.map((r) => ({
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
    })),
  )}\n`;
}
