import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../service';
import { ruleDocsUrl } from '../../service/docs';
import type { FileResult } from './results';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, for code-scanning dashboards. Columns count UTF-16 code units, as the run declares. */
export function formatSarif(results: FileResult[], rules: readonly Rule[], version: string): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const uri = (p: string) => (p === '<stdin>' ? 'stdin' : path.isAbsolute(p) ? pathToFileURL(p).href : p.split(path.sep).join('/'));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cablewright',
            version,
            informationUri: 'https://github.com/cablewright/cablewright',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId ?? 'unreadable-input',
            ...(m.ruleId && index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(r.filePath) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
