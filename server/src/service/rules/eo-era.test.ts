import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

/** A printed embassy telegram: the date comes from its DTG line. */
const telegram = (dtg: string, eo: string) => cable`
  CONFIDENTIAL

  PAGE 01 BRUSSE 03953 081041Z
  ${dtg}
  FM AMEMBASSY BRUSSELS
  TO SECSTATE WASHDC NIACT IMMEDIATE 6354
  INFO AMEMBASSY KIGALI IMMEDIATE
  CONFIDENTIAL BRUSSELS 03953
  E.O. ${eo}
  TAGS: PGOV, PREL, PHUM, RW, BE
  SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

  1. CONFIDENTIAL - ENTIRE TEXT.

  BLINKEN
  CONFIDENTIAL
`;

/** A messaging-system cable; `dateLine` is its Date/DTG field, or another field when it shows none. */
const messaging = (mrn: string, dateLine: string, eo: string) => cable`
  UNCLASSIFIED

  MRN:            ${mrn}
  ${dateLine}
  From:           AMEMBASSY BERLIN
  Action:         WASHDC, SECSTATE IMMEDIATE
  E.O.:           ${eo}
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  UNCLASSIFIED
`;

test('E.O. 13526 on a 1994 cable is flagged on the order, and the fix cites E.O. 12356', () => {
  const text = telegram('O 081037Z APR 94 ZFF4', '13526: DECL: OADR');
  assert.deepEqual(lintWith('eo-era', text), [
    {
      ruleId: 'eo-era', severity: 'error', line: 9, column: 6, endLine: 9, endColumn: 11, text: '13526',
      message: 'E.O. 13526 was not in force on 8 Apr 1994 (it was in force from 27 Jun 2010): cables of that date cite E.O. 12356 (E.O. 12356: DECL: OADR).',
    },
  ]);
  const [d] = diagnosticsOf('eo-era', text);
  assert.equal(d.fixes[0].title, 'Cite E.O. 12356');
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[8], 'E.O. 12356: DECL: OADR');
});

test('E.O. 12356 on a 2005 cable is flagged, giving the years it was in force', () => {
  const text = telegram('O 141523Z MAY 05', '12356: DECL: OADR');
  assert.deepEqual(lintWith('eo-era', text).map((s) => [s.line, s.column, s.text, s.message]), [
    [9, 6, '12356', 'E.O. 12356 was not in force on 14 May 2005 (it was in force from 1 Aug 1982 to 13 Oct 1995): cables of that date cite E.O. 12958 (E.O. 12958: DECL: 10/14/2005).'],
  ]);
  assert.equal(applyFix(text, diagnosticsOf('eo-era', text)[0].fixes[0]).split('\n')[8], 'E.O. 12958: DECL: OADR');
});

test('E.O. 11652 after the change to E.O. 12065 is flagged', () => {
  assert.deepEqual(lintWith('eo-era', telegram('R 071729Z JUN 81', '11652: GDS')).map((s) => [s.text, s.message]), [
    ['11652', 'E.O. 11652 was not in force on 7 Jun 1981 (it was in force from 1 Jun 1972 to 30 Nov 1978): cables of that date cite E.O. 12065 (E.O. 12065: GDS 12/31/84).'],
  ]);
});

test('an order cited before any order cables cite was in force is flagged, with no fix', () => {
  const text = telegram('R 071729Z JUN 70', '11652: GDS');
  assert.deepEqual(lintWith('eo-era', text).map((s) => [s.text, s.message]), [
    ['11652', 'E.O. 11652 was not in force on 7 Jun 1970 (it was in force from 1 Jun 1972 to 30 Nov 1978): no order cited by cables was in force then.'],
  ]);
  assert.deepEqual(diagnosticsOf('eo-era', text)[0].fixes, []);
});

test('a cable a few weeks after a change of order may still cite the old one', () => {
  // E.O. 12958 took over on 14 Oct 1995; drafts on the old form went out for some weeks.
  assert.deepEqual(lintWith('eo-era', telegram('O 151200Z NOV 95', '12356: DECL: OADR')), []);
  assert.deepEqual(lintWith('eo-era', telegram('O 151200Z JAN 96', '12356: DECL: OADR')).map((s) => s.text), ['12356']);
});

test('a cable a few weeks before a change of order may already cite the new one', () => {
  assert.deepEqual(lintWith('eo-era', telegram('O 201530Z SEP 95', '12958: DECL: 09/20/2005')), []);
  assert.deepEqual(lintWith('eo-era', telegram('O 201530Z AUG 95', '12958: DECL: 08/20/2005')).map((s) => [s.text, s.message]), [
    ['12958', 'E.O. 12958 was not in force on 20 Aug 1995 (it was in force from 14 Oct 1995 to 26 Jun 2010): cables of that date cite E.O. 12356 (E.O. 12356: DECL: OADR).'],
  ]);
});

test('a messaging cable of April 2010 citing E.O. 13526 is flagged; one of June 2010 is within the overlap', () => {
  assert.deepEqual(lintWith('eo-era', messaging('10 BERLIN 1052', 'Date/DTG:       Apr 20, 2010 / 201406Z APR 10', '13526')), [
    {
      ruleId: 'eo-era', severity: 'error', line: 7, column: 17, endLine: 7, endColumn: 22, text: '13526',
      message: 'E.O. 13526 was not in force on 20 Apr 2010 (it was in force from 27 Jun 2010): cables of that date cite E.O. 12958 (E.O. 12958: DECL: 10/14/2005).',
    },
  ]);
  assert.deepEqual(lintWith('eo-era', messaging('10 BERLIN 1052', 'Date/DTG:       Jun 01, 2010 / 011406Z JUN 10', '13526')), []);
  assert.deepEqual(lintWith('eo-era', messaging('10 BERLIN 1052', 'Date/DTG:       Aug 03, 2010 / 031406Z AUG 10', '13526')), []);
});

test('a cable with only an MRN year is judged by the whole year', () => {
  const noDate = 'Drafted By:     BERLIN:Armstrong, Bruce W.';
  // 2010 saw both E.O. 12958 and E.O. 13526 in force.
  assert.deepEqual(lintWith('eo-era', messaging('10 BERLIN 1052', noDate, '13526')), []);
  assert.deepEqual(lintWith('eo-era', messaging('10 BERLIN 1052', noDate, '12958')), []);
  const text = messaging('09 BERLIN 1052', noDate, '13526');
  const seen = lintWith('eo-era', text);
  assert.deepEqual(seen.map((s) => [s.line, s.column, s.text, s.severity]), [[7, 17, '13526', 'error']]);
  assert.match(seen[0].message, /^E\.O\. 13526 was not in force .*2009.*: cables of that date cite E\.O\. 12958 /);
  assert.equal(applyFix(text, diagnosticsOf('eo-era', text)[0].fixes[0]).split('\n')[6], 'E.O.:           12958');
});

test('DECL: OADR under E.O. 12958 after 1996 is only information', () => {
  assert.deepEqual(lintWith('eo-era', telegram('O 151200Z JAN 98', '12958: DECL: OADR')), [
    {
      ruleId: 'eo-era', severity: 'info', line: 9, column: 13, endLine: 9, endColumn: 23, text: 'DECL: OADR',
      message: 'DECL: OADR belongs to E.O. 12356; under E.O. 12958 it appears only in transitional cables, not in 1998: give a declassification date or an exemption (25X1...).',
    },
  ]);
  assert.deepEqual(lintWith('eo-era', telegram('O 151200Z JAN 96', '12958: DECL: OADR')), []);
});

test('orders in force on the date are left alone, from E.O. 11652 to E.O. 13526', () => {
  assert.deepEqual(lintWith('eo-era', telegram('R 071729Z JUN 75', '11652: GDS')), []);
  assert.deepEqual(lintWith('eo-era', telegram('R 071729Z JUN 80', '12065: GDS 6/7/86')), []);
  assert.deepEqual(lintWith('eo-era', telegram('O 081037Z APR 94 ZFF4', '12356: DECL: OADR')), []);
  assert.deepEqual(lintWith('eo-era', telegram('O 141523Z MAY 05', '12958: DECL: 05/14/2015')), []);
  assert.deepEqual(lintWith('eo-era', telegram('O 141523Z MAY 2012', '13526: DECL: 2022/05/14')), []);
});

test('a cable with no readable date is not judged', () => {
  assert.deepEqual(lintWith('eo-era', telegram('O 081037Z QXR 94', '13526: DECL: OADR')), []);
});

test('the fix is preferred when the value is one the order in force allows, so the number is all that is wrong', () => {
  const fixesOf = (dtg: string, eo: string) => diagnosticsOf('eo-era', telegram(dtg, eo)).map((d) => d.fixes.map((f) => [f.title, f.preferred]));
  assert.deepEqual(fixesOf('O 081037Z APR 94 ZFF4', '13526: DECL: OADR'), [[['Cite E.O. 12356', true]]]);
  assert.deepEqual(fixesOf('O 081037Z APR 94 ZFF4', '12958: DECL: 10/14/2005'), [[['Cite E.O. 12356', true]]]);
  assert.deepEqual(fixesOf('R 071729Z JUN 81', '11652: GDS'), [[['Cite E.O. 12065', true]]]);
  // 1.6X1 belongs to E.O. 12958 alone: the date may be what is wrong.
  assert.deepEqual(fixesOf('O 081037Z APR 94 ZFF4', '12958: DECL: 1.6X1'), [[['Cite E.O. 12356', false]]]);
  assert.equal(fixAllSettled(telegram('O 081037Z APR 94 ZFF4', '13526: DECL: OADR'), 'eo-era').split('\n')[8], 'E.O. 12356: DECL: OADR');
  assert.equal(fixAllSettled(messaging('09 BERLIN 1052', 'Drafted By:     BERLIN:Armstrong, Bruce W.', '13526'), 'eo-era').split('\n')[6], 'E.O.:           12958');
});
