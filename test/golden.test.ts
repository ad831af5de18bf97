/**
 * Golden tests: each cable file in test/fixtures/golden has its expected
 * diagnostics, outline and extraction beside it in `expected/`; the real
 * released cables in test/fixtures/real have their diagnostics and their
 * hand-checked extraction. `UPDATE_GOLDEN=1 npm test` rewrites the golden
 * expectations and the real cables' diagnostics (review the diff); the real
 * cables' extraction is only written with `UPDATE_REAL=1`, because it was
 * checked by hand.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { formatOutlineText } from '../server/src/cli/formats/outlineText';
import { decode } from '../server/src/cli/encoding';
import { isDraftFile } from '../server/src/cli/inputs';
import { analyze, extractRecords, outline } from '../server/src/service';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const UPDATE_REAL = process.env.UPDATE_REAL === '1';

function inputsOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => statSync(path.join(dir, f)).isFile() && /\.(cable|tel|txt)$/.test(f))
    .sort();
}

/** What the user sees of a file: its diagnostics (1-based), outline and extraction. */
function observe(dir: string, name: string) {
  const r = decode(readFileSync(path.join(dir, name)));
  assert.ok(r.ok, `${name} is readable`);
  const { doc, diagnostics } = analyze(r.text, { assumeCable: isDraftFile({ path: name, stdin: false }) });
  const pos = (o: number) => doc.lines.positionAt(o);
  const diags = diagnostics.map((d) => {
    const s = pos(d.range.start);
    const e = pos(d.range.end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, ruleId: d.ruleId, severity: d.severity, message: d.message };
  });
  return {
    diagnostics: `${JSON.stringify(diags, null, 2)}\n`,
    outline: formatOutlineText(outline(doc), doc.lines),
    extract: `${JSON.stringify(extractRecords(doc, name), null, 2)}\n`,
  };
}

function expectFile(file: string, actual: string, update: boolean) {
  if (update || !existsSync(file)) {
    if (!update) assert.fail(`${path.relative(CABLEWRIGHT_ROOT, file)} is missing: run UPDATE_GOLDEN=1 npm test and review it`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${path.relative(CABLEWRIGHT_ROOT, file)} differs (UPDATE_GOLDEN=1 rewrites it; review the diff)`);
}

describe('golden fixtures', () => {
  const dir = path.join(CABLEWRIGHT_ROOT, 'test/fixtures/golden');
  for (const name of inputsOf(dir)) {
    test(name, () => {
      const seen = observe(dir, name);
      const base = path.join(dir, 'expected', name.replace(/\.[^.]+$/, ''));
      expectFile(`${base}.diagnostics.json`, seen.diagnostics, UPDATE);
      expectFile(`${base}.outline.txt`, seen.outline, UPDATE);
      expectFile(`${base}.extract.json`, seen.extract, UPDATE);
    });
  }
});

describe('real released cables', () => {
  const dir = path.join(CABLEWRIGHT_ROOT, 'test/fixtures/real');
  for (const name of inputsOf(dir)) {
    test(name, () => {
      const seen = observe(dir, name);
      const base = path.join(dir, 'expected', name.replace(/\.[^.]+$/, ''));
      expectFile(`${base}.extract.json`, seen.extract, UPDATE_REAL);
      expectFile(`${base}.diagnostics.json`, seen.diagnostics, UPDATE);
    });
  }
});
