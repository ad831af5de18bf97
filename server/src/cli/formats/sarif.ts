import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../service';
import { ruleDocsUrl } from '../../service/docs';
import { arrayDocument, type ArrayDocument } from './jsonArray';
import type { FileResult } from './results';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0, for code-scanning dashboards: one run whose `results` array is
 * written a finding at a time (see {@link sarifElements}). Columns count
 * UTF-16 code units, as the run declares.
 */
export function sarifDocument(rules: readonly Rule[], version: string): ArrayDocument {
  return arrayDocument(
    (results) => ({
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
          results,
        },
      ],
    }),
    2,
  );
}

/** The SARIF results of one file, an element of `doc`'s array each. */
export function sarifElements(doc: ArrayDocument, r: FileResult, rules: readonly Rule[]): string[] {
  const index = ruleIndex(rules);
  const uri = r.filePath === '<stdin>' ? 'stdin' : path.isAbsolute(r.filePath) ? pathToFileURL(r.filePath).href : r.filePath.split(path.sep).join('/');
  return r.messages.map((m) =>
    doc.element({
      ruleId: m.ruleId ?? 'unreadable-input',
      ...(m.ruleId && index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
      level: LEVEL[m.severity],
      message: { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        },
      ],
    }),
  );
}

const indexes = new WeakMap<readonly Rule[], Map<string, number>>();
function ruleIndex(rules: readonly Rule[]): Map<string, number> {
  let index = indexes.get(rules);
  if (!index) indexes.set(rules, (index = new Map(rules.map((r, i) => [r.id, i]))));
  return index;
}
