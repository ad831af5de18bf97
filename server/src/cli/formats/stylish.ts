import type { FileResult } from './results';

/** ESLint's "stylish" look: a block per file, one line per message, a total at the end. */
export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push('', paint('4', r.filePath));
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message, m.ruleId ?? '']);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    r.messages.forEach((m, i) => {
      const [pos, sev, msg, id] = rows[i];
      const sevText = sev.padEnd(w1);
      const sevPainted = m.severity === 'error' ? paint('31', sevText) : m.severity === 'warning' ? paint('33', sevText) : paint('36', sevText);
      out.push(`  ${paint('2', pos.padEnd(w0))}  ${sevPainted}  ${msg}  ${paint('2', id)}`);
      if (m.fixable) fixable++;
    });
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out.push('', paint(errors ? '31;1' : '33;1', summary));
  if (fixable) out.push(paint('2', `  ${fixable} of them can be fixed with the --fix option.`));
  return `${out.join('\n')}\n`;
}
