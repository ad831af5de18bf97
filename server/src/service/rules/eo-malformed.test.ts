import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

/** A 2000s draft with the E.O. line given whole. */
const draft = (eoLine: string) => cable`
  CONFIDENTIAL
  SECTION 01 OF 02 BAGHDAD 001234

  ${eoLine}
  TAGS: PREL, PGOV, KDEM, IZ
  SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS BEFORE THE RECESS. END SUMMARY.

  KHALILZAD
  CONFIDENTIAL
`;

const messaging = (eo: string) => cable`
  UNCLASSIFIED

  MRN:            10 BERLIN 1052
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  From:           AMEMBASSY BERLIN
  Action:         WASHDC, SECSTATE IMMEDIATE
  E.O.:           ${eo}
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  UNCLASSIFIED
`;

test('the OCR label E.0. is a warning, and the fix writes E.O.', () => {
  const text = draft('E.0. 12356: DECL: OADR');
  assert.deepEqual(lintWith('eo-malformed', text), [
    { ruleId: 'eo-malformed', severity: 'warning', line: 4, column: 1, endLine: 4, endColumn: 5, text: 'E.0.', message: "The E.O. label reads 'E.0.': write 'E.O.'." },
  ]);
  const [d] = diagnosticsOf('eo-malformed', text);
  assert.equal(d.fixes[0].preferred, true);
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[3], 'E.O. 12356: DECL: OADR');
});

test('the OCR labels E. D. and EO are flagged too; E. O. with spaces is accepted', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E. D. 12356: DECL: OADR')).map((s) => [s.text, s.message]), [['E. D.', "The E.O. label reads 'E. D.': write 'E.O.'."]]);
  assert.deepEqual(lintWith('eo-malformed', draft('EO 12356: DECL: OADR')).map((s) => [s.text, s.message]), [['EO', "The E.O. label reads 'EO': write 'E.O.'."]]);
  assert.deepEqual(lintWith('eo-malformed', draft('E. O. 12356: DECL: OADR')), []);
});

test('an order cables never cite is flagged on the number, listing the five', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12345: DECL: OADR')), [
    { ruleId: 'eo-malformed', severity: 'error', line: 4, column: 6, endLine: 4, endColumn: 11, text: '12345', message: 'E.O. 12345 is not an order cables cite: use 11652, 12065, 12356, 12958, 13526.' },
  ]);
  assert.deepEqual(lintWith('eo-malformed', messaging('13256')).map((s) => [s.line, s.column, s.text]), [[7, 17, '13256']]);
});

test('an E.O. line with a colon but no order is flagged on the whole line', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O.: DECL: OADR')), [
    {
      ruleId: 'eo-malformed', severity: 'error', line: 4, column: 1, endLine: 4, endColumn: 17, text: 'E.O.: DECL: OADR',
      message: "The E.O. line names no executive order: write the order and its value, e.g. 'E.O. 13526: DECL: 2020/06/30' or 'E.O. 12356: DECL: OADR'.",
    },
  ]);
});

test('an empty messaging E.O.: field names no order', () => {
  assert.deepEqual(lintWith('eo-malformed', messaging('')).map((s) => [s.line, s.column, s.text]), [[7, 1, 'E.O.:']]);
});

test('a draft E.O. line with an order but no value is flagged, naming what the order allows', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12356:')), [
    { ruleId: 'eo-malformed', severity: 'error', line: 4, column: 1, endLine: 4, endColumn: 12, text: 'E.O. 12356:', message: 'The E.O. 12356 line gives no declassification value: add DECL: OADR or DECL: and a date, or N/A on an unclassified cable.' },
  ]);
});

test('a messaging-system E.O.: field with the order alone is left alone', () => {
  assert.deepEqual(lintWith('eo-malformed', messaging('13526')), []);
  assert.deepEqual(lintWith('eo-malformed', messaging('13526 DECL: 08/03/2020')), []);
});

test("a value of another order's scheme is flagged on the value", () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12356: GDS')), [
    { ruleId: 'eo-malformed', severity: 'error', line: 4, column: 13, endLine: 4, endColumn: 16, text: 'GDS', message: "'GDS' is not a declassification value E.O. 12356 allows: use DECL: OADR or DECL: and a date, or N/A." },
  ]);
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12958: DECL: SOMEDAY')).map((s) => [s.text, s.message]), [
    ['DECL: SOMEDAY', "'DECL: SOMEDAY' is not a declassification value E.O. 12958 allows: use DECL: and a date, DECL: 1.6X1-8 or 25X1-9, or N/A."],
  ]);
});

test('exemption categories out of range are flagged: XGDS5 under 11652, RDS-4 under 12065', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 11652: XGDS5')).map((s) => [s.text, s.message]), [
    ['XGDS5', "'XGDS5' is not a declassification value E.O. 11652 allows: use GDS, ADS or XGDS1-4 (with DECLAS and a date or event where it applies), or N/A."],
  ]);
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12065: RDS-4 12/31/98')).map((s) => [s.text, s.message]), [
    ['RDS-4 12/31/98', "'RDS-4 12/31/98' is not a declassification value E.O. 12065 allows: use GDS, RDS-1 to RDS-3 or XDS-1 to XDS-4, followed by a date, or N/A."],
  ]);
});

test('a DECL date with month 13 or day 32 is flagged as holding no valid date', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12958: DECL: 13/14/2018')), [
    { ruleId: 'eo-malformed', severity: 'error', line: 4, column: 13, endLine: 4, endColumn: 29, text: 'DECL: 13/14/2018', message: "'DECL: 13/14/2018' holds no valid date: write it MM/DD/YYYY (or YYYY/MM/DD)." },
  ]);
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12958: DECL: 05/32/2018')).map((s) => s.text), ['DECL: 05/32/2018']);
});

test('well-formed E.O. lines of every order are left alone', () => {
  for (const eo of [
    'E.O. 11652: GDS',
    'E.O. 11652: XGDS1, DECLAS 12-31-84',
    'E.O. 11652: ADS, DECLAS 12-31-74',
    'E.O. 11652: N/A',
    'E.O. 12065: GDS 12/31/84',
    'E.O. 12065: RDS-2,3 6/15/99',
    'E.O. 12356: DECL: OADR',
    'E.O. 12356: N/A',
    'E.O. 12958: DECL: 05/14/2018',
    'E.O. 12958: DECL: 1.6X1, 1.6X6',
    'E.O. 12958: DECL: 25X1',
    'E.O. 12958 AS AMENDED: DECL: 05/14/2018',
    'E.O. 13526: DECL: 2020/06/30',
    'E.O. 13526: DECL: 25X1, 50X2-WMD',
    'E.O. 13526: N/A',
    'E.O. l2356: DECL: OADR',
  ]) {
    assert.deepEqual(lintWith('eo-malformed', draft(eo)), [], eo);
  }
});

test('the E.O. line of BRUSSELS 03953, with a banner run onto it, is left alone', () => {
  assert.deepEqual(lintWith('eo-malformed', draft('E.O. 12356: DECL: OADR CONFIDENTIAL')), []);
});

const fixesOf = (text: string) => diagnosticsOf('eo-malformed', text).map((d) => d.fixes.map((f) => [f.title, f.preferred]));

test('a mistyped order one edit from an order is fixed, preferred when the value fits it and it is in force', () => {
  assert.deepEqual(fixesOf(draft('E.O. 12598: DECL: 05/14/2018')), [[['Cite E.O. 12958', true]]]);
  assert.deepEqual(fixesOf(messaging('13562')), [[['Cite E.O. 13526', true]]]);
  // 13256 is one edit from both 13526 and 12356: no fix.
  assert.deepEqual(fixesOf(messaging('13256')), [[]]);
  assert.deepEqual(fixesOf(draft('E.O. 12536: DECL: 2018/05/14')), [[['Cite E.O. 12356', true]]]);
  // A value the order does not allow leaves the intent open.
  assert.deepEqual(fixesOf(draft('E.O. 12598: GDS')), [[['Cite E.O. 12958', false]]]);
  assert.deepEqual(fixesOf(draft('E.O. 12345: DECL: OADR')), [[]]);
  assert.equal(fixAllSettled(draft('E.O. 12598: DECL: 05/14/2018'), 'eo-malformed').split('\n')[3], 'E.O. 12958: DECL: 05/14/2018');
});

test('OADR misspelt or without DECL:, and a date without DECL:, are written in the form the order allows', () => {
  assert.deepEqual(fixesOf(draft('E.O. 12356: DECL: ODAR')), [[['Write DECL: OADR', true]]]);
  assert.deepEqual(fixesOf(draft('E.O. 12356: 0ADR')), [[['Write DECL: OADR', true]]]);
  assert.deepEqual(fixesOf(draft('E.O. 12958: 05/14/2018')), [[['Write DECL: 05/14/2018', true]]]);
  assert.deepEqual(fixesOf(draft('E.O. 12356: GDS')), [[]]);
  assert.deepEqual(fixesOf(draft('E.O. 13526: DECL: ODAR')), [[]]);
  const text = draft('E.0. 12356: DECL: ODAR.');
  assert.equal(fixAllSettled(text, 'eo-malformed').split('\n')[3], 'E.O. 12356: DECL: OADR');
});
