import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, cable, diagnosticsOf, lintWith } from '../../../../test/support/lintHarness';

const draft = (tags: string) => cable`
  CONFIDENTIAL

  E.O. 12958: DECL: 05/14/2018
  TAGS: ${tags}
  SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

  RICE
  CONFIDENTIAL
`;

test('a doubled comma is flagged on the extra comma, and the fix removes it', () => {
  const text = draft('PREL,, PGOV, IZ');
  assert.deepEqual(lintWith('tags-malformed', text), [
    { ruleId: 'tags-malformed', severity: 'error', line: 4, column: 12, endLine: 4, endColumn: 13, text: ',', message: 'Empty TAGS entry (a doubled, leading or trailing comma): separate codes with a single comma.' },
  ]);
  const [d] = diagnosticsOf('tags-malformed', text);
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[3], 'TAGS: PREL, PGOV, IZ');
});

test('a trailing period and a lower-case code are flagged where they stand', () => {
  const seen = lintWith('tags-malformed', draft('PREL, pgov, IZ.'));
  assert.deepEqual(seen.map((s) => [s.line, s.column, s.text, s.message]), [
    [4, 13, 'pgov', "TAGS code 'pgov' is in lower case: write 'PGOV'."],
    [4, 21, '.', 'The TAGS line ends with a period, which the telegraphic system rejects: end it with the last code.'],
  ]);
});

test('a code of the wrong length, a parenthesised code and an unclosed name are flagged', () => {
  const seen = lintWith('tags-malformed', draft('PRELL, PGOV, (PREL), OVIP (RICE, CONDOLEEZZA'));
  assert.deepEqual(seen.map((s) => s.text), ['PRELL', '(PREL)', '(RICE, CONDOLEEZZA']);
  assert.match(seen[0].message, /has 5 characters .* nearest known: PREL/);
  assert.match(seen[1].message, /Only personal names go in parentheses/);
  assert.match(seen[2].message, /close the personal name/);
});

test('no subject TAG is flagged on the label; geographic first is only a hint', () => {
  assert.deepEqual(lintWith('tags-malformed', draft('IZ, NATO')).map((s) => [s.text, s.severity]), [['TAGS:', 'error']]);
  const hint = lintWith('tags-malformed', draft('IZ, PREL'));
  assert.deepEqual(hint.map((s) => [s.text, s.severity]), [['IZ', 'hint']]);
  assert.match(hint[0].message, /preferred order is subject codes, then geographic/);
});

test('well-formed TAGS lines of every era are left alone', () => {
  for (const tags of ['PGOV, PREL, PHUM, PREF, KDEM, RW, BY, BE', 'ETRD US UR', 'OVIP UR (KOSYGIN, ALEKSEY N) (PODGORNY, NIKOLAY V)', 'AORG, APER, UNESCO (ROBERTS, ARNOLD W)', 'PHUM, PGOV, PREL, SOCI, EAID, AID, UG']) {
    assert.deepEqual(lintWith('tags-malformed', draft(tags)), [], tags);
  }
});
