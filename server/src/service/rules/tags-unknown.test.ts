import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'tags-unknown';

const telegram1975 = (tags: string) => cable`
  LIMITED OFFICIAL USE

  PAGE 01 STATE 133602
  ORIGIN IO-10
  INFO OCT-01 EUR-12 EA-06 ISO-00 /147 R
  DRAFTED BY IO/CMD:RAPOOLE:CB
  APPROVED BY IO:RDMOREY
  --------------------- 092911
  R 071729Z JUN 75
  FM SECSTATE WASHDC
  TO AMEMBASSY BONN
  INFO AMEMBASSY PEKING
  LIMITED OFFICIAL USE STATE 133602
  E.O. 11652: GDS
  TAGS: ${tags}
  SUBJECT: CONSULTATIONS ON DEALING WITH REFERENCES TO CERDS
  1. SUMMARY AND INTRODUCTION. WE ARE INCREASINGLY CONCERNED.
  KISSINGER
  LIMITED OFFICIAL USE
`;

const messaging = (mrn: string, date: string, tags: string) => cable`
  UNCLASSIFIED

  MRN: ${mrn}
  Date/DTG: ${date}
  From: AMEMBASSY BERN
  Action: WASHDC, SECSTATE ROUTINE
  E.O.: 13526
  TAGS: ${tags}
  Captions: SENSITIVE, SIPDIS
  Subject: Sanctions and Trade

  1. (SBU) The Federal Council adopted the EU sanctions packages.

  Signature: McMullen

  UNCLASSIFIED
`;

const undatedDraft = (tags: string) => cable`
  CONFIDENTIAL

  E.O. 12958: DECL: 05/14/2018
  TAGS: ${tags}
  SUBJECT: GERMANY: CHANCELLOR ON NATO ENLARGEMENT

  1. (C) THE CHANCELLOR SAID NATO SHOULD WAIT.

  RICE
  CONFIDENTIAL
`;

test('GM in a 1975 telegram is flagged: the 1974 handbook has no GM, and the message says what GM means in later tables', () => {
  const text = telegram1975('PFOR, CH, GM, EGEN');
  assert.deepEqual(lintWith(RULE, text), [
    {
      ruleId: RULE,
      severity: 'warning',
      line: 15,
      column: 17,
      endLine: 15,
      endColumn: 19,
      text: 'GM',
      message:
        "TAGS code 'GM' is not in the subject, program, organisation or geographic tables of the 1974 TAGS handbook (FIPS 10 country codes); it is Germany (unified) in the fips-1990s-2000s table and Gambia in the current-genc table; in this cable's table: GA (Gambia), GE (Germany (East)) or GW (Germany (West)).",
    },
  ]);
  const [d] = diagnosticsOf(RULE, text);
  assert.deepEqual(
    d.fixes.map((f) => [f.title, f.preferred]),
    [
      ['Replace with GA', false],
      ['Replace with GE', false],
      ['Replace with GW', false],
    ],
  );
});

test('CH is China in a 1975 telegram and GM is Germany in a 2010 messaging-system cable, so neither is flagged', () => {
  assert.deepEqual(lintWith(RULE, telegram1975('PFOR, CH, UR, EGEN')), []);
  assert.deepEqual(lintWith(RULE, messaging('10 BERLIN 1052', 'Aug 03, 2010 / 031406Z AUG 10', 'AMGT, KCOM, KPAO, GM, CH')), []);
});

test('a GENC code in a 2010 cable is flagged, naming the table it belongs to', () => {
  const seen = lintWith(RULE, messaging('10 BERLIN 1052', 'Aug 03, 2010 / 031406Z AUG 10', 'AMGT, KPAO, GM, DE'));
  assert.deepEqual(
    seen.map((s) => [s.line, s.column, s.text]),
    [[8, 23, 'DE']],
  );
  assert.match(seen[0].message, /^TAGS code 'DE' is not in .* tables of FIPS 10-4 country codes \(cables of 3 Oct 1990 to 2012\); it is Germany in the current-genc table; in this cable's table: GM \(Germany \(unified\)\), GE \(Germany \(East\)\) or GW \(Germany \(West\)\)\.$/);
});

test('in a 2022 cable CH (Switzerland) and GM (Gambia) are known, but the FIPS codes IZ and UK are flagged', () => {
  const seen = lintWith(RULE, messaging('22 BERN 123', 'Mar 14, 2022 / 141406Z MAR 22', 'PREL, ETRD, CH, GM, IZ, UK'));
  assert.deepEqual(
    seen.map((s) => [s.line, s.column, s.endColumn, s.text]),
    [
      [8, 27, 29, 'IZ'],
      [8, 31, 33, 'UK'],
    ],
  );
  assert.match(seen[0].message, /^TAGS code 'IZ' is not in .* tables of the current 5 FAH-3 GENC-based codes \(cables of 2020 on\); it is Iraq in the 1974-handbook table; in this cable's table: IQ \(Iraq\)/);
  assert.match(seen[1].message, /^TAGS code 'UK' .*; it is United Kingdom in the 1974-handbook table; in this cable's table: GB \(United Kingdom\); nearest: /);
});

test('a cable of 2013-2019 is judged against both FIPS and GENC codes', () => {
  assert.deepEqual(lintWith(RULE, messaging('15 BERN 123', 'Mar 14, 2015 / 141406Z MAR 15', 'PREL, GM, DE, CH, SZ')), []);
});

test('an undated cable is judged against every era: only a code of no era is flagged', () => {
  const text = undatedDraft('PREL, GM, CH, BY, ZZ, NATO');
  const seen = lintWith(RULE, text);
  assert.deepEqual(
    seen.map((s) => [s.line, s.column, s.text]),
    [[4, 25, 'ZZ']],
  );
  assert.match(seen[0].message, /^TAGS code 'ZZ' is not in .*\(the cable shows no date\); nearest: AZ \(Azerbaijan\), BZ \(Belize\) or CZ /);
});

test('with an assumed year of 1975, an undated cable is judged by the 1974 handbook', () => {
  const seen = lintWith(RULE, undatedDraft('PREL, GM, CH, NATO'), { assumeYear: 1975 });
  assert.deepEqual(
    seen.map((s) => s.text),
    ['GM'],
  );
  assert.match(seen[0].message, /of the 1974 TAGS handbook \(FIPS 10 country codes\); it is Germany \(unified\) in the fips-1990s-2000s table/);
});

test('a misspelt subject code is flagged with the nearest codes, and the first fix puts the right code in', () => {
  const text = undatedDraft('PRLE, GM, NATO');
  const seen = lintWith(RULE, text);
  assert.deepEqual(
    seen.map((s) => [s.line, s.column, s.endColumn, s.text]),
    [[4, 7, 11, 'PRLE']],
  );
  assert.match(seen[0].message, /^TAGS code 'PRLE' is not in .*; nearest: PREL \(External political relations\)\.$/);
  const [d] = diagnosticsOf(RULE, text);
  assert.equal(d.fixes[0].title, 'Replace with PREL');
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[3], 'TAGS: PREL, GM, NATO');
});

test("a visitor's name written bare after OVIP is flagged, with advice to put it in parentheses", () => {
  const seen = lintWith(RULE, telegram1975('OVIP RICE, PFOR, UN'));
  assert.deepEqual(
    seen.map((s) => [s.line, s.column, s.text]),
    [[15, 12, 'RICE']],
  );
  assert.match(seen[0].message, /^TAGS code 'RICE' is not in .*; a visitor's name goes in parentheses, as OVIP \(SURNAME, GIVEN\)\.$/);
});

test('known codes in lower case, codes of the wrong length, personal names and organisation codes are not reported as unknown', () => {
  for (const tags of ['pgov, PREL, iz', 'PRELL, PGOV, IZ', 'OVIP (RICE, CONDOLEEZZA), PREL, IZ', 'AORG, APER, UNESCO (ROBERTS, ARNOLD W)', 'PARM, NATO', 'PGOV, PREL, PHUM, PREF, KDEM, RW, BY, BE']) {
    assert.deepEqual(lintWith(RULE, undatedDraft(tags)), [], tags);
  }
});

test('the fix is preferred only for the one nearest code, one edit from a code of four letters', () => {
  const fixesOf = (tags: string) => diagnosticsOf(RULE, undatedDraft(tags)).map((d) => d.fixes.map((f) => [f.title, f.preferred]));
  assert.deepEqual(fixesOf('PRLE, IZ'), [[['Replace with PREL', true]]]);
  assert.deepEqual(fixesOf('PG0V, IZ'), [[['Replace with PGOV', true]]]);
  // After OVIP a word is more likely a visitor's name written bare.
  assert.deepEqual(fixesOf('OVIP PRLE, IZ'), [[['Replace with PREL', false]]]);
  // Two letters are one edit from many codes: the choice is the user's.
  assert.deepEqual(fixesOf('PREL, QQ'), [[['Replace with AQ', false], ['Replace with BQ', false], ['Replace with EQ', false]]]);
  const text = undatedDraft('PRLE, ECNO, IZ');
  assert.equal(fixAllSettled(text, RULE).split('\n')[3], 'TAGS: PREL, ECON, IZ');
});
