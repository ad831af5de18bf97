/**
 * What the property tests share: fast-check's parameters (seed and number of
 * runs from the environment, as `npm run fuzz` sets them), the real and
 * golden cables they start from, and the mutations they make to them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type fc from 'fast-check';

const seedEnv = process.env.CABLEWRIGHT_FC_SEED;
const SEED = seedEnv === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : seedEnv ? Number(seedEnv) : 20240611;
const RUNS_FACTOR = Math.max(0.01, Number(process.env.CABLEWRIGHT_FC_RUNS ?? '1') || 1);

/** `n` runs, scaled by `CABLEWRIGHT_FC_RUNS`, at least one. */
export const runs = (n: number): number => Math.max(1, Math.round(n * RUNS_FACTOR));

/** fast-check's parameters for a property of `numRuns` runs, with the seed of `CABLEWRIGHT_FC_SEED` (a number or `random`). */
export const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs(numRuns), includeErrorInReport: true });

export const REAL_DIR = `${CABLEWRIGHT_ROOT}/test/fixtures/real`;
const GOLDEN_DIR = `${CABLEWRIGHT_ROOT}/test/fixtures/golden`;
const readTexts = (dir: string, ext: RegExp) =>
  (existsSync(dir) ? readdirSync(dir) : [])
    .filter((f) => ext.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));

/** The real released cables and the golden fixtures' inputs (named `golden/…`). */
export const REAL: { name: string; text: string }[] = [...readTexts(REAL_DIR, /\.txt$/), ...readTexts(GOLDEN_DIR, /\.(txt|cable|tel)$/).map((f) => ({ ...f, name: `golden/${f.name}` }))];
/** Every line of {@link REAL}, for mutations that insert a real line. */
export const REAL_LINES: string[] = REAL.flatMap((f) => f.text.split(/\r\n|\r|\n/));

/** A change to a text; each test's generator chooses which it makes. */
export type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'insert'; at: number; line: number }
  | { op: 'defect'; at: number; line: number }
  | { op: 'splice'; at: number; remove: number; insert: string }
  | { op: 'case'; at: number; count: number; upper: boolean }
  | { op: 'cut'; at: number };

/**
 * Applies mutations to a text; line mutations keep each line's own break.
 * `insert` takes a line of {@link REAL_LINES}, `defect` one of `defects`.
 */
export function mutate(text: string, mutations: Mutation[], defects: readonly string[] = []): string {
  let t = text;
  for (const m of mutations) {
    const lines = t.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
    const n = Math.max(1, lines.length);
    const at = m.at % n;
    switch (m.op) {
      case 'delete': lines.splice(at, m.count); break;
      case 'duplicate': lines.splice(at, 0, ...lines.slice(at, at + m.count)); break;
      case 'swap': {
        const o = m.other % n;
        if (lines.length > 1) [lines[at], lines[o]] = [lines[o], lines[at]];
        break;
      }
      case 'insert': lines.splice(at, 0, `${REAL_LINES[m.line % REAL_LINES.length]}\n`); break;
      case 'defect': if (defects.length > 0) lines.splice(at, 0, `${defects[m.line % defects.length]}\n`); break;
      case 'case':
        for (let i = at; i < Math.min(lines.length, at + m.count); i++) lines[i] = m.upper ? lines[i].toUpperCase() : lines[i].toLowerCase();
        break;
      case 'splice': {
        const p = m.at % (t.length + 1);
        t = t.slice(0, p) + m.insert + t.slice(p + m.remove);
        continue;
      }
      case 'cut':
        t = t.slice(0, m.at % (t.length + 1));
        continue;
    }
    t = lines.join('');
  }
  return t;
}
