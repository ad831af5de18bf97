import type { Severity } from '../../service';

/** One message of a linted file, positioned for people (1-based lines and columns). */
export interface Message {
  /** Null for a file that could not be read. */
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** It has a certain fix, which `--fix` applies. */
  fixable: boolean;
  /** The file could not be read at all. */
  fatal?: boolean;
}

/** The lint result of one file. */
export interface FileResult {
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
}

export function countOf(messages: Message[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { errorCount, warningCount };
}
