import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from './parse';

const NBSP = '\u00a0';

/** A draft whose subject, TO line and first paragraph each hold one no-break space (as pasted from a word processor). */
const DRAFT = [
  'UNCLASSIFIED',
  'FM AMEMBASSY PARIS',
  `TO SECSTATE WASHDC IMMEDIATE 1234`,
  `INFO AMEMBASSY${NBSP}LONDON`,
  'E.O. 12958: N/A',
  'TAGS: PREL, FR',
  `SUBJECT: FRENCH${NBSP}ELECTIONS`,
  '',
  `1. THE FIRST ROUND${NBSP}IS ON SUNDAY.`,
  '',
  'UNCLASSIFIED',
  '',
].join('\n');

describe('cable builder: whitespace in values', () => {
  const [cable] = parse(DRAFT, { assumeCable: true }).cables;

  test('a lone no-break space in a field value reads as a space, as a run of blanks does', () => {
    assert.equal(cable.subject?.value, 'FRENCH ELECTIONS');
  });

  test('a designation with a no-break space is the designation with a space', () => {
    assert.deepEqual(
      cable.info.map((a) => a.designation),
      ['AMEMBASSY LONDON'],
    );
  });

  test("a paragraph's preview has a space where the text has a no-break space", () => {
    assert.equal(cable.paragraphs[0].preview, 'THE FIRST ROUND IS ON SUNDAY.');
  });
});
