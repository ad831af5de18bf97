import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, applyFix, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

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

/** The one fix every tags-malformed finding of `text` offers, checked to be the same on each. */
function normalForm(text: string) {
  const found = diagnosticsOf('tags-malformed', text);
  const normal = found.map((d) => d.fixes.find((f) => f.title === 'Normalise the TAGS line'));
  assert.ok(normal[0], 'no normal-form fix');
  for (const n of normal) assert.deepEqual(n, normal[0]);
  return normal[0];
}

test('every finding of the line offers one preferred fix that writes the whole line in normal form', () => {
  const text = draft('iz, PREL,, pgov, OVIP (RICE, CONDOLEEZZA), NATO, KDEM.');
  const fix = normalForm(text);
  assert.equal(fix.preferred, true);
  assert.equal(applied(text, fix).split('\n')[3], 'TAGS: PREL, PGOV, OVIP (RICE, CONDOLEEZZA), KDEM, NATO, IZ');
  assert.equal(fixAllSettled(text, 'tags-malformed'), applied(text, fix));
  assert.deepEqual(lintWith('tags-malformed', applied(text, fix)), []);
});

test('when the order is all that is wrong, the normal form is offered but not preferred', () => {
  const text = draft('IZ, PREL');
  const fix = normalForm(text);
  assert.equal(fix.preferred, false);
  assert.equal(applied(text, fix).split('\n')[3], 'TAGS: PREL, IZ');
  assert.equal(fixAllSettled(text, 'tags-malformed'), text);
});

test("codes are ordered by their kind in the cable's era; unknown codes by their shape, keeping their relative order", () => {
  // 1994: CH is China in FIPS 10 (geographic); PRLE is unknown but shaped like a subject code, KXYZ like a program code.
  const text = draft('CH, XX, PRLE, NATOO, KXYZ, pgov').replace('E.O. 12958: DECL: 05/14/2018', 'E.O. 12356: DECL: OADR').replace('CONFIDENTIAL\n', 'CONFIDENTIAL\n\nO 081037Z APR 94\n');
  assert.equal(applied(text, normalForm(text)).split('\n')[5], 'TAGS: PRLE, PGOV, KXYZ, NATOO, CH, XX');
});

test('a name with no code before it goes last, after the last code as names do', () => {
  const text = draft('(RICE, CONDOLEEZZA), OVIP,, IZ');
  assert.equal(fixAllSettled(text, 'tags-malformed').split('\n')[3], 'TAGS: OVIP, IZ (RICE, CONDOLEEZZA)');
});

test('a TAGS value continued on the next line keeps its line break, each line keeping as many entries', () => {
  const text = draft('RW, PGOV, PREL,\n      phum, BE.');
  const fixed = applied(text, normalForm(text));
  assert.deepEqual(fixed.split('\n').slice(3, 5), ['TAGS: PGOV, PREL, PHUM,', '    RW, BE']);
  assert.equal(fixAllSettled(text, 'tags-malformed'), fixed);
});

test('a continued value split by a page break keeps the page break where it is', () => {
  const text = cable`
    CONFIDENTIAL

    PAGE 01 BRUSSE 03953 081041Z
    O 081037Z APR 94 ZFF4
    FM AMEMBASSY BRUSSELS
    TO SECSTATE WASHDC NIACT IMMEDIATE 6354
    CONFIDENTIAL BRUSSELS 03953
    E.O. 12356: DECL: OADR
    TAGS: RW, PGOV, PREL,
    CONFIDENTIAL
    PAGE 02 BRUSSE 03953 081041Z
    phum, BE.
    SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

    1. THE MINISTER SPOKE.

    BLINKEN
    CONFIDENTIAL
  `;
  const fixed = fixAllSettled(text, 'tags-malformed');
  assert.deepEqual(fixed.split('\n').slice(8, 12), ['TAGS: PGOV, PREL, PHUM,', 'CONFIDENTIAL', 'PAGE 02 BRUSSE 03953 081041Z', 'RW, BE']);
});

test('a name broken over two lines is kept whole, and the value is joined into one line', () => {
  const text = draft('IZ, OVIP (RICE,\n    CONDOLEEZZA), PREL.');
  const fixed = applied(text, normalForm(text));
  assert.deepEqual(fixed.split('\n').slice(3, 5), ['TAGS: OVIP (RICE, CONDOLEEZZA), PREL, IZ', 'SUBJECT: IRAQ: MINISTER ON ELECTION LAW']);
  assert.equal(fixAllSettled(text, 'tags-malformed'), fixed);
});

test('with an unclosed name the line is not rewritten: each finding keeps its own fix', () => {
  const text = draft('PREL,, PGOV, OVIP (RICE, CONDOLEEZZA');
  const found = diagnosticsOf('tags-malformed', text);
  assert.deepEqual(found.map((d) => d.fixes.map((f) => [f.title, f.preferred])), [[['Remove the extra comma', true]], []]);
  assert.equal(fixAllSettled(text, 'tags-malformed').split('\n')[3], 'TAGS: PREL, PGOV, OVIP (RICE, CONDOLEEZZA');
});

test('a code of the wrong length offers its nearest codes, the only one close enough preferred', () => {
  const text = draft('PRELL, PGOV');
  const [d] = diagnosticsOf('tags-malformed', text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Replace with PREL', true]]);
  assert.equal(fixAllSettled(text, 'tags-malformed').split('\n')[3], 'TAGS: PREL, PGOV');
});
