import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../parser/parse';
import type { TextEdit } from '../rules/types';
import { applyEdits } from './apply';
import { renumberParagraphs } from './renumber';

/** Renumbers cable `index` of `text`; checks its edits do not overlap and that renumbering the result changes nothing more. */
function renumber(text: string, index = 0) {
  const doc = parse(text, { assumeCable: true });
  const r = renumberParagraphs(doc, doc.cables[index]);
  assertDisjoint(r.edits);
  const fixed = applyEdits(text, r.edits);
  assert.equal(fixed.skipped.length, 0);
  return { ...r, text: fixed.text, lines: fixed.text.split('\n'), shown: (s: { start: number; end: number }) => text.slice(s.start, s.end) };
}

function assertDisjoint(edits: TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  sorted.forEach((e, i) => i > 0 && assert.ok(sorted[i - 1].range.end <= e.range.start, `edits overlap at ${e.range.start}`));
}

/** Renumbering every cable of the result again changes nothing. */
function assertSettled(text: string): void {
  const doc = parse(text, { assumeCable: true });
  for (const c of doc.cables) assert.deepEqual(renumberParagraphs(doc, c).edits, [], `cable ${c.index} is renumbered again`);
}

const draft = (body: string[]) =>
  [
    'CONFIDENTIAL',
    '',
    'E.O. 12958: DECL: 05/14/2018',
    'TAGS: PREL, PGOV, IZ',
    'SUBJECT: IRAQ: MINISTER ON ELECTION LAW',
    'REF: A. BAGHDAD 1234 B. STATE 56789',
    '',
    ...body,
    '',
    'CROCKER',
    'CONFIDENTIAL',
    '',
  ].join('\n');

describe('renumberParagraphs', () => {
  test('numbers the paragraphs 1, 2, 3... and updates the references that clearly point at them', () => {
    const text = draft(
      [
        '1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS (PARAS 3-5). END SUMMARY.',
        '',
        '3. (C) HE LISTED THREE CONDITIONS, SEE PARA 4 BELOW AND PARAGRAPHS 5 AND 6.',
        '',
        '4. (C) THE SPEAKER DISAGREED.',
        '',
        '5. (C) THE KURDS ARE WAITING. AS IN PARA 4 OF THIS CABLE.',
        '',
        '6. (C) COMMENT: WE DOUBT IT (PARA 3 ABOVE). END COMMENT.',
      ],
    );
    const r = renumber(text);
    assert.equal(r.title, 'Renumber paragraphs 1-5, with the 5 references to them');
    assert.deepEqual(r.references, { updated: 5, elsewhere: [], ambiguous: [] });
    assert.equal(r.certain, true);
    assert.deepEqual(r.lines.slice(7, 16), [
      '1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS (PARAS 2-4). END SUMMARY.',
      '',
      '2. (C) HE LISTED THREE CONDITIONS, SEE PARA 3 BELOW AND PARAGRAPHS 4 AND 5.',
      '',
      '3. (C) THE SPEAKER DISAGREED.',
      '',
      '4. (C) THE KURDS ARE WAITING. AS IN PARA 3 OF THIS CABLE.',
      '',
      '5. (C) COMMENT: WE DOUBT IT (PARA 2 ABOVE). END COMMENT.',
    ]);
    assertSettled(r.text);
  });

  test("leaves references into other cables and documents, and says so in the title", () => {
    const text = draft(
      [
        '1. (C) AS REPORTED REF A PARA 3, THE MINISTER SPOKE. REFTEL PARA 3 HAS MORE; SO DOES PARA 3 OF REF B,',
        'STATE 56789 PARA 3, AND OPERATIVE PARAGRAPH 3 OF THE RESOLUTION. PARA 3 REFTEL ALSO.',
        '',
        '3. (C) WE WILL REPORT (PARA 3 ABOVE AND PARA 9).',
      ],
    );
    const r = renumber(text);
    assert.equal(r.title, "Renumber paragraphs 1-2, with the reference to them (6 references to other cables' paragraphs left as they are)");
    assert.deepEqual(r.references.elsewhere.map(r.shown), ['PARA 3', 'PARA 3', 'PARA 3', 'PARA 3', 'PARAGRAPH 3', 'PARA 3']);
    assert.equal(r.lines[7], '1. (C) AS REPORTED REF A PARA 3, THE MINISTER SPOKE. REFTEL PARA 3 HAS MORE; SO DOES PARA 3 OF REF B,');
    assert.equal(r.lines[8], 'STATE 56789 PARA 3, AND OPERATIVE PARAGRAPH 3 OF THE RESOLUTION. PARA 3 REFTEL ALSO.');
    assert.equal(r.lines[10], '2. (C) WE WILL REPORT (PARA 2 ABOVE AND PARA 9).');
  });

  test('leaves a reference to a number two paragraphs carry, and a range that no longer runs in order', () => {
    const text = draft(['1. (C) SEE PARA 2 AND PARAS 2-3.', '', '2. (C) ONE.', '', '2. (C) TWO.', '', '3. (C) THREE, UNLIKE PARA 1.']);
    const r = renumber(text);
    assert.equal(r.title, 'Renumber paragraphs 1-4 (2 ambiguous references left as they are)');
    assert.deepEqual(r.references.ambiguous.map(r.shown), ['PARA 2', 'PARAS 2-3']);
    assert.deepEqual([r.lines[7], r.lines[11], r.lines[13]], ['1. (C) SEE PARA 2 AND PARAS 2-3.', '3. (C) TWO.', '4. (C) THREE, UNLIKE PARA 1.']);
  });

  test('relabels lettered and numbered subparagraphs in sequence, in the style they are written', () => {
    const text = draft(['1. (C) HE LISTED:', '', '(B) (C) A CENSUS;', '(C) (C) OPEN LISTS, WITH:', '(1) A REGISTER;', '(3) MONITORS.', '', '2. (C) HE ADDED:', '', 'A. ONE;', 'C. TWO.']);
    const r = renumber(text);
    assert.equal(r.title, 'Renumber the subparagraphs in sequence');
    assert.deepEqual(r.lines.slice(9, 18), ['(A) (C) A CENSUS;', '(B) (C) OPEN LISTS, WITH:', '(1) A REGISTER;', '(2) MONITORS.', '', '2. (C) HE ADDED:', '', 'A. ONE;', 'B. TWO.']);
    assertSettled(r.text);
  });

  test('a reference to a subparagraph of a paragraph whose letters move is left; one whose letters stay is updated', () => {
    const text = draft(['1. (C) SEE PARA 3(B) AND PARA 4.A.', '', '3. (C) LIST:', 'A. ONE;', 'C. TWO.', '', '4. (C) LIST:', 'A. ONE;', 'B. TWO.']);
    const r = renumber(text);
    assert.equal(r.title, 'Renumber paragraphs 1-3 and their subparagraphs, with the reference to them (1 ambiguous reference left as it is)');
    assert.equal(r.lines[7], '1. (C) SEE PARA 3(B) AND PARA 3.A.');
  });

  test('numbered paragraphs inside quoted matter make the renumbering uncertain, and their references point into the quoted text', () => {
    const text = draft(['1. (C) THE NOTE READS:', 'BEGIN TEXT:', '1. THE GOVERNMENT WILL ACT (SEE PARA 2).', '2. IT WILL ACT SOON.', 'END TEXT.', '', '2. (C) WE WILL REPORT.']);
    const r = renumber(text);
    assert.equal(r.certain, false);
    assert.equal(r.title, "Renumber paragraphs 1-4 (1 reference to another cable's paragraph left as it is)");
    assert.equal(r.lines[9], '2. THE GOVERNMENT WILL ACT (SEE PARA 2).');
  });

  test('a number written with a leading zero keeps its width, in the paragraph and in references to it', () => {
    const r = renumber(draft(['01. (C) SEE PARA 03 BELOW.', '', '03. (C) THREE.']));
    assert.deepEqual([r.lines[7], r.lines[9]], ['01. (C) SEE PARA 02 BELOW.', '02. (C) THREE.']);
  });

  test('a two-digit number that becomes one digit is written with one', () => {
    const body = Array.from({ length: 9 }, (_, i) => [`${i + 1}. (C) PARAGRAPH.`, '']).flat();
    const r = renumber(draft([...body, '11. (C) SEE PARA 11.']));
    assert.equal(r.lines[25], '10. (C) SEE PARA 10.');
  });

  test('an up-to-date cable needs no edits', () => {
    const r = renumber(draft(['1. (C) SEE PARA 2.', '', '2. (C) LIST:', 'A. ONE;', 'B. TWO.']));
    assert.deepEqual(r.edits, []);
  });

  const section = (part: number, numbers: number[], extra = '') =>
    [
      `C O N F I D E N T I A L SECTION 0${part} OF 02 BAGHDAD 001234`,
      '',
      'E.O. 12958: DECL: 05/14/2018',
      'TAGS: PREL, PGOV, IZ',
      'SUBJECT: IRAQ: MINISTER ON ELECTION LAW',
      '',
      ...numbers.flatMap((n) => [`${n}. (C) PARAGRAPH.${extra}`, '']),
      '',
    ].join('\n');

  test('section 2 carries on where section 1 ends once section 1 is renumbered, so renumbering both gives one sequence', () => {
    const text = section(1, [1, 2, 2]) + section(2, [4, 5]);
    const doc = parse(text, { assumeCable: true });
    assert.equal(doc.cables.length, 2);
    const one = renumberParagraphs(doc, doc.cables[0]);
    const two = renumberParagraphs(doc, doc.cables[1]);
    assert.equal(one.title, 'Renumber paragraphs 1-3');
    assert.deepEqual(two.edits, []);
    const restarted = section(1, [1, 2, 2]) + section(2, [1, 2]);
    const doc2 = parse(restarted, { assumeCable: true });
    const edits = [...renumberParagraphs(doc2, doc2.cables[0]).edits, ...renumberParagraphs(doc2, doc2.cables[1]).edits];
    assertDisjoint(edits);
    const fixed = applyEdits(restarted, edits).text;
    assert.deepEqual(fixed.match(/^\d+\./gm), ['1.', '2.', '3.', '4.', '5.']);
    assert.equal(renumberParagraphs(doc2, doc2.cables[1]).title, 'Renumber paragraphs 4-5');
    assertSettled(fixed);
  });

  test("a section's renumbering updates the other sections' references to its paragraphs", () => {
    const text = section(1, [1, 3]) + section(2, [3], ' SEE PARA 3 ABOVE.').replace('3. (C)', '4. (C)');
    const doc = parse(text, { assumeCable: true });
    const r = renumberParagraphs(doc, doc.cables[0]);
    assert.equal(r.title, 'Renumber paragraphs 1-2, with the reference to them');
    assert.match(applyEdits(text, r.edits).text, /^4\. \(C\) PARAGRAPH\. SEE PARA 2 ABOVE\.$/m);
  });
});
