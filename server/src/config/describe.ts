import { RULES } from '../service';
import type { ResolvedConfig } from './types';

/**
 * A readable account of a resolved configuration, for `cablewright
 * print-config PATH` and the editor's "Show active configuration": the files
 * and overrides that applied, every rule's severity (and its default when it
 * differs) with its options, the extra tables, the assumed year, the baseline
 * and the problems (positions 1-based).
 */
export function describeConfig(resolved: ResolvedConfig): string {
  const { options } = resolved;
  const out: string[] = [];
  out.push(resolved.files.length > 0 ? 'Configuration files (nearest last):' : 'Configuration files: none (built-in defaults and editor settings)');
  for (const f of resolved.files) out.push(`  ${f}`);
  if (resolved.overrides.length > 0) {
    out.push('Overrides applied:');
    for (const o of resolved.overrides) out.push(`  ${o.file} overrides[${o.index}]: ${o.files.join(', ')}`);
  }
  out.push('Rules:');
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const rule of RULES) {
    const setting = options.rules[rule.id];
    const ruleOptions = options.ruleOptions?.[rule.id];
    const notes = [setting === rule.defaultSeverity ? '' : `(default ${rule.defaultSeverity})`, ruleOptions ? `options ${JSON.stringify(ruleOptions)}` : ''].filter((n) => n !== '');
    out.push(`  ${rule.id.padEnd(width)}  ${setting.padEnd(7)}${notes.length > 0 ? `  ${notes.join('  ')}` : ''}`.trimEnd());
  }
  out.push(resolved.tables.length > 0 ? 'Extra tables:' : 'Extra tables: none');
  for (const t of resolved.tables) out.push(`  ${t.kind.padEnd(5)}  ${t.file}  (${t.rows} ${t.rows === 1 ? 'row' : 'rows'})`);
  out.push(`assumeYear: ${options.assumeYear ?? 'none (an undated cable is judged by the TAGS of every era)'}`);
  out.push(`baseline: ${resolved.baseline ?? 'none'}`);
  if (resolved.problems.length > 0) {
    out.push('Problems:');
    for (const p of resolved.problems) out.push(`  ${p.file}:${p.line + 1}:${p.character + 1}  ${p.severity}  ${p.message}`);
  }
  return `${out.join('\n')}\n`;
}
