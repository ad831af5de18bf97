import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinReference } from '../data/builtin';
import { parse } from '../parser/parse';
import { applyEdits } from './apply';
import { normaliseTags } from './tags';

const draft = (tags: string) => `CONFIDENTIAL\n\nE.O. 12958: DECL: 05/14/2018\nTAGS: ${tags}\nSUBJECT: TEST\n\n1. (C) TEXT.\n\nRICE\nCONFIDENTIAL\n`;

/** The text with its TAGS value in normal form. */
function normalised(text: string): string {
  const doc = parse(text, { assumeCable: true });
  const edits = normaliseTags(doc.cables[0], text, builtinReference(), undefined);
  assert.ok(edits, 'no normal form');
  return applyEdits(text, edits).text;
}

test('the normal form is a fixed point: normalising it again changes nothing', () => {
  for (const tags of [
    'iz, PREL,, pgov.',
    '(RICE, CONDOLEEZZA), OVIP,, IZ',
    'OVIP UR (KOSYGIN, ALEKSEY N) (PODGORNY, NIKOLAY V), pfor',
    'US, NATO, KDEM, PREL,',
    ',, XX, PRLE, NATOO, KXYZ, pgov...',
    'RW, PGOV, PREL,\n      phum, BE.',
    'IZ, OVIP (RICE,\n    CONDOLEEZZA), PREL.',
  ]) {
    const once = normalised(draft(tags));
    assert.equal(normalised(once), once, tags);
  }
});

test('no entry is dropped: every code and name of the value is still there, once', () => {
  const tags = 'iz, PREL,, pgov, OVIP (RICE, CONDOLEEZZA), NATO, KDEM, (SMITH, JOHN), PREL.';
  const value = normalised(draft(tags)).split('\n')[3].slice('TAGS: '.length);
  const words = (s: string) => s.toUpperCase().match(/[A-Z]+/g)!.sort();
  assert.deepEqual(words(value), words(tags));
});
