import type { FileResult } from './results';

/** What a stylish block counted, for the total at the end. */
export interface StylishCounts {
  errors: number;
  warnings: number;
  fixable: number;
}

const painter = (color: boolean) => (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * ESLint's "stylish" look, a file at a time: a blank line, the file, one line
 * per message (fatal messages are left to standard error); nothing for a file
 * without messages.
 */
export function stylishBlock(r: FileResult, color: boolean): { text: string } & StylishCounts {
  const paint = painter(color);
  const messages = r.messages.filter((m) => !m.fatal);
  const counts = { errors: 0, warnings: 0, fixable: 0 };
  if (messages.length === 0) return { text: '', ...counts };
  const rows = messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message, m.ruleId ?? '']);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const out = ['', paint('4', r.filePath)];
  messages.forEach((m, i) => {
    const [pos, sev, msg, id] = rows[i];
    const sevText = sev.padEnd(w1);
    const sevPainted = m.severity === 'error' ? paint('31', sevText) : m.severity === 'warning' ? paint('33', sevText) : paint('36', sevText);
    out.push(`  ${paint('2', pos.padEnd(w0))}  ${sevPainted}  ${msg}  ${paint('2', id)}`);
    if (m.fixable) counts.fixable++;
    if (m.severity === 'error') counts.errors++;
    else counts.warnings++;
  });
  return { text: `${out.join('\n')}\n`, ...counts };
}

/** The total after the last block; nothing when there was no problem. */
export function stylishSummary(counts: StylishCounts, color: boolean): string {
  const paint = painter(color);
  const { errors, warnings, fixable } = counts;
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  return `\n${paint(errors ? '31;1' : '33;1', summary)}\n${fixable ? `${paint('2', `  ${fixable} of them can be fixed with the --fix option.`)}\n` : ''}`;
}
