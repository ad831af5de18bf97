/**
 * Property tests of the fixes (fast-check), on real cables and on mutated
 * ones: fix-all never throws and settles, the edits it applies never overlap,
 * text outside them is untouched, and fix-all on its own output changes
 * nothing.
 *
 * As in property.test.ts, every property runs with a fixed seed; set
 * CABLEWRIGHT_FC_SEED to try another (or `random`) and CABLEWRIGHT_FC_RUNS to
 * multiply the number of runs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, compatibleEdits, fixAll, type Analysis, type Fix, type TextEdit } from '../server/src/service';
import { mutate, params, REAL, REAL_DIR, type Mutation } from './support/propertyTesting';

/** Lines a cable's fixes care about, to insert into real cables: broken TAGS, E.O. lines, numbering, blocks, markings, DTGs. */
const DEFECTS = [
  'TAGS: iz, PREL,, pgov.', 'TAGS: RW, PGOV, PREL,', 'phum, BE.', 'TAGS: PRLE, OVIP (RICE, CONDOLEEZZA), KDEM', 'E.0. 12356: DECL: ODAR.',
  'E.O. 12598: 05/14/2018', 'E.O. 13526: DECL: OADR', 'O 081037 JNU 94', 'O 0810372 APR 94', '3. (S) SEE PARA 5 BELOW AND REF A PARA 2.',
  '7. (C) PARAS 2-4 ABOVE.', 'C. (C) A LETTER OUT OF PLACE.', '1. (C) BEGIN TEXT: THE NOTE SAYS QUOTE WE AGREE.', 'BEGIN SUMMARY', 'UNCLASSIFIED',
  'SECRET//NOFORN', 'C O N F I D E N T I A L SECTION 02 OF 03 BAGHDAD 001234', 'CONFIDENTIAL SECTION 01 OF 03', 'AMEMBASSY BRSSELS IMMEDIATE',
  'INFO AMEMBASSY KIGALLI IMMEDIATE', '2. THE STRAßE IS 1½ KM FROM THE CAFé.', '4. (TS) A PARAGRAPH ABOVE THE REST.',
];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('defect' as const), at: fc.nat(), line: fc.nat() }) },
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), remove: fc.integer({ min: 0, max: 8 }), insert: fc.string({ unit: fc.constantFrom('A', 'Z', '1', '0', '.', ',', ' ', '\n', '(', ')', '2', 'é'), maxLength: 6 }) }),
  fc.record({ op: fc.constant('case' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }), upper: fc.boolean() }),
);


const mutatedReal = fc.tuple(fc.nat({ max: REAL.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([f, ms]) => mutate(REAL[f].text, ms, DEFECTS));

function overlapping(edits: TextEdit[]): [TextEdit, TextEdit] | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    const bothInsertions = a.range.start === a.range.end && b.range.start === b.range.end;
    if (bothInsertions ? a.range.start === b.range.start : b.range.start < a.range.end) return [a, b];
  }
  return undefined;
}

/** Every fix's edits lie in the text and do not overlap one another. */
function checkFixes(a: Analysis): void {
  const len = a.doc.text.length;
  for (const d of a.diagnostics) {
    for (const f of d.fixes) {
      for (const e of f.edits) assert.ok(0 <= e.range.start && e.range.start <= e.range.end && e.range.end <= len, `${d.ruleId}: '${f.title}' edits outside the text`);
      const clash = overlapping(f.edits);
      assert.equal(clash, undefined, `${d.ruleId}: the edits of '${f.title}' overlap: ${JSON.stringify(clash)}`);
    }
  }
}

/** The certain fixes fix-all would take in one pass do not overlap, and applying them leaves every other character as it was. */
function checkOnePass(text: string, a: Analysis): void {
  const certain = a.diagnostics.map((d) => d.fixes.find((f) => f.preferred)).filter((f): f is Fix => !!f);
  const { edits } = compatibleEdits(certain);
  assert.equal(overlapping(edits), undefined, 'the edits chosen together overlap');
  const applied = applyEdits(text, edits);
  assert.deepEqual(applied.skipped, [], 'edits were skipped');
  // Walk the result: outside the edits, it is the original text.
  const sorted = [...edits].sort((x, y) => x.range.start - y.range.start || x.range.end - y.range.end);
  let from = 0;
  let out = 0;
  for (const e of sorted) {
    const kept = text.slice(from, e.range.start);
    assert.equal(applied.text.slice(out, out + kept.length), kept, `text before offset ${e.range.start} changed`);
    out += kept.length;
    assert.equal(applied.text.slice(out, out + e.newText.length), e.newText);
    out += e.newText.length;
    from = e.range.end;
  }
  assert.equal(applied.text.slice(out), text.slice(from), 'text after the last edit changed');
}

/** Fix-all settles: it does not throw, leaves no certain fix, and changes nothing when run on its own output. */
function checkFixAll(text: string, assumeCable: boolean): void {
  const a = analyze(text, { assumeCable });
  checkFixes(a);
  checkOnePass(text, a);
  const once = fixAll(text, { assumeCable }, undefined, a);
  checkFixes(once.analysis);
  const left = once.analysis.diagnostics.filter((d) => d.fixes.some((f) => f.preferred));
  assert.deepEqual(left.map((d) => `${d.ruleId}: ${d.message}`), [], 'certain fixes are left after fix-all');
  const internal = once.analysis.diagnostics.filter((d) => d.message.startsWith('Internal error in rule'));
  assert.deepEqual(internal.map((d) => d.message), [], 'a rule threw');
  const twice = fixAll(once.text, { assumeCable });
  assert.equal(twice.text, once.text, 'fix-all on its own output changed it');
}

describe('fix properties', () => {
  test('the fixtures are there', () => {
    assert.ok(REAL.length >= 10, `only ${REAL.length} real cables in ${REAL_DIR}`);
  });

  test('every real cable: fix-all settles, and its edits keep to themselves', () => {
    for (const f of REAL) {
      for (const assumeCable of [false, true]) {
        try {
          checkFixAll(f.text, assumeCable);
        } catch (e) {
          (e as Error).message = `${f.name} (assumeCable ${assumeCable}): ${(e as Error).message}`;
          throw e;
        }
      }
    }
  });

  test('mutated real cables: fix-all settles, and its edits keep to themselves', () => {
    fc.assert(fc.property(mutatedReal, fc.boolean(), (text, assumeCable) => checkFixAll(text, assumeCable)), params(300));
  });
});
