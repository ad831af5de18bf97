import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, compatibleEdits, fixAll } from './apply';

const edit = (start: number, end: number, newText: string) => ({ range: { start, end }, newText });

describe('applyEdits', () => {
  test('applies edits in text order whatever their order in the list, leaving the rest byte for byte', () => {
    const r = applyEdits('TAGS: PREL,, PGOV.\r\n', [edit(17, 18, ''), edit(10, 11, '')]);
    assert.equal(r.text, 'TAGS: PREL, PGOV\r\n');
    assert.equal(r.skipped.length, 0);
  });

  test('skips an edit that overlaps one before it, and two insertions at one point', () => {
    const r = applyEdits('abcdef', [edit(1, 4, 'X'), edit(2, 3, 'Y'), edit(5, 5, '1'), edit(5, 5, '2')]);
    assert.equal(r.text, 'aXe1f');
    assert.deepEqual(r.skipped, [edit(2, 3, 'Y'), edit(5, 5, '2')]);
  });

  test('an insertion at the edge of a replacement is no conflict', () => {
    assert.equal(applyEdits('abc', [edit(1, 2, 'B'), edit(1, 1, '>'), edit(2, 2, '<')]).text, 'a>B<c');
  });
});

describe('compatibleEdits', () => {
  test('takes whole fixes only, and shares an edit two fixes both make', () => {
    const same = edit(0, 4, 'TAGS');
    const { edits, taken } = compatibleEdits([
      { title: 'a', edits: [same] },
      { title: 'b', edits: [same, edit(6, 7, '')] },
      { title: 'c', edits: [edit(8, 9, 'x'), edit(2, 3, 'y')] },
    ]);
    assert.deepEqual(taken.map((f) => f.title), ['a', 'b']);
    assert.deepEqual(edits, [same, edit(6, 7, '')]);
  });
});

describe('fixAll', () => {
  test('applies the preferred fixes until none is left, and a second run changes nothing', () => {
    const text = ['CONFIDENTIAL', '', 'E.0. 12958: DECL: 1/1/2010', 'TAGS: PREL,, PGOV', 'SUBJECT: TEST', '', '1. (C) TEXT.', '', 'CONFIDENTIAL', ''].join('\n');
    const once = fixAll(text, { assumeCable: true });
    assert.match(once.text, /^E\.O\. 12958/m);
    assert.match(once.text, /^TAGS: PREL, PGOV$/m);
    assert.ok(once.fixed >= 2);
    assert.equal(once.analysis.diagnostics.filter((d) => d.fixes.some((f) => f.preferred)).length, 0);
    const twice = fixAll(once.text, { assumeCable: true });
    assert.equal(twice.text, once.text);
    assert.equal(twice.fixed, 0);
  });
});
