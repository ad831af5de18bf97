import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, lintWith } from '../../../../test/support/lintHarness';

/** A two-page printed telegram from `fm`, with the page headers and text header given. */
const telegram = (page1: string, page2: string, textHeader = 'CONFIDENTIAL BRUSSELS 03953', fm = 'FM AMEMBASSY BRUSSELS') => cable`
  CONFIDENTIAL

  ${page1}
  O 081037Z APR 94 ZFF4
  ${fm}
  TO SECSTATE WASHDC NIACT IMMEDIATE 6354
  INFO AMEMBASSY KIGALI IMMEDIATE
  ${textHeader}
  E.O. 12356: DECL: OADR
  CONFIDENTIAL

  CONFIDENTIAL

  ${page2}
  TAGS: PGOV, PREL, PHUM, RW, BE
  SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

  1. CONFIDENTIAL - ENTIRE TEXT.

  2. THIS IS AN ACTION CABLE. URGENT ACTION REQUESTED IN PARA 4 BELOW.

  BLINKEN
  CONFIDENTIAL
`;

const messaging = (mrn: string, from: string) => cable`
  UNCLASSIFIED

  MRN:            ${mrn}
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  From:           ${from}
  Action:         WASHDC, SECSTATE IMMEDIATE
  E.O.:           13526
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  UNCLASSIFIED
`;

/** One section of a multi-section 2000s draft. */
const section = (textHeader: string) => cable`
  ${textHeader}

  E.O. 12958: DECL: 05/14/2018
  TAGS: PREL, PGOV, KDEM, IZ
  SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS BEFORE THE RECESS. END SUMMARY.

  KHALILZAD
  CONFIDENTIAL
`;

test("a page header with another station is flagged on the station, naming this cable's", () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 BRUSSE 03953 081041Z', 'PAGE 02 BRUSSA 03953 081041Z')), [
    { ruleId: 'header-mismatch', severity: 'warning', line: 14, column: 9, endLine: 14, endColumn: 15, text: 'BRUSSA', message: "Page header station 'BRUSSA' is not this cable's: a cable from AMEMBASSY BRUSSELS carries 'BRUSSE' on every page." },
  ]);
});

test('a page header with another serial is flagged on the serial, naming the text header', () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 BRUSSE 03953 081041Z', 'PAGE 02 BRUSSE 03954 081041Z')), [
    { ruleId: 'header-mismatch', severity: 'warning', line: 14, column: 16, endLine: 14, endColumn: 21, text: '03954', message: "Page header serial 03954 differs from the cable's serial 03953 in the text header." },
  ]);
});

test('serials are compared as numbers, so a dropped leading zero is not a mismatch', () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 BRUSSE 03953 081041Z', 'PAGE 02 BRUSSE 3953 081041Z')), []);
});

test('a skipped page is flagged on the page number', () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 BRUSSE 03953 081041Z', 'PAGE 03 BRUSSE 03953 081041Z')), [
    { ruleId: 'header-mismatch', severity: 'warning', line: 14, column: 6, endLine: 14, endColumn: 8, text: '03', message: 'Page 03 follows page 01: pages run in order, so this one should be 02.' },
  ]);
});

test('a first page other than 01 is flagged', () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 02 BRUSSE 03953 081041Z', 'PAGE 03 BRUSSE 03953 081041Z')).map((s) => [s.line, s.column, s.text, s.message]), [
    [3, 6, '02', 'The first page header is page 02: a cable starts on page 01, so a page is missing or out of place.'],
  ]);
});

test('a text header naming another post than FM is flagged on the post', () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 BRUSSE 03953 081041Z', 'PAGE 02 BRUSSE 03953 081041Z', 'CONFIDENTIAL KIGALI 03953')), [
    { ruleId: 'header-mismatch', severity: 'warning', line: 8, column: 14, endLine: 8, endColumn: 20, text: 'KIGALI', message: 'The text header names KIGALI but the cable is from AMEMBASSY BRUSSELS: the text header carries the originating post.' },
  ]);
});

test('an embassy header on a Department telegram is flagged on every station and on the text header', () => {
  const seen = lintWith('header-mismatch', telegram('PAGE 01 STATE 133602', 'PAGE 02 STATE 133602', 'CONFIDENTIAL STATE 133602', 'FM AMEMBASSY BRUSSELS'));
  assert.deepEqual(seen.map((s) => [s.line, s.column, s.text]), [[3, 9, 'STATE'], [8, 14, 'STATE'], [14, 9, 'STATE']]);
  assert.equal(seen[1].message, 'The text header names STATE but the cable is from AMEMBASSY BRUSSELS: the text header carries the originating post.');
});

test('consistent headers are left alone, including truncated stations of several words and STATE', () => {
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 BRUSSE 03953 081041Z', 'PAGE 02 BRUSSE 03953 081041Z')), []);
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 USUNN 01234 081041Z', 'PAGE 02 USUNN 01234 081041Z', 'CONFIDENTIAL USUN NEW YORK 01234', 'FM USMISSION USUN NEW YORK')), []);
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 DARES 01234 081041Z', 'PAGE 02 DARES 01234 081041Z', 'CONFIDENTIAL DAR ES SALAAM 01234', 'FM AMEMBASSY DAR ES SALAAM')), []);
  assert.deepEqual(lintWith('header-mismatch', telegram('PAGE 01 STATE 133602', 'PAGE 02 STATE 133602', 'CONFIDENTIAL STATE 133602', 'FM SECSTATE WASHDC')), []);
});

test('an MRN naming another post than From: is flagged on the MRN', () => {
  assert.deepEqual(lintWith('header-mismatch', messaging('10 BONN 1052', 'AMEMBASSY BERLIN')), [
    { ruleId: 'header-mismatch', severity: 'warning', line: 3, column: 17, endLine: 3, endColumn: 29, text: '10 BONN 1052', message: 'The MRN names BONN but the cable is from AMEMBASSY BERLIN: the MRN carries the originating post.' },
  ]);
});

test('an MRN agreeing with From: is left alone, spaces in the place or not', () => {
  assert.deepEqual(lintWith('header-mismatch', messaging('10 BERLIN 1052', 'AMEMBASSY BERLIN')), []);
  assert.deepEqual(lintWith('header-mismatch', messaging('11 PORT AU PRINCE 504', 'AMEMBASSY PORT AU PRINCE')), []);
  assert.deepEqual(lintWith('header-mismatch', messaging('10 STATE 1052', 'SECSTATE WASHDC')), []);
});

test('an impossible SECTION n OF m is flagged on the section', () => {
  assert.deepEqual(lintWith('header-mismatch', section('CONFIDENTIAL SECTION 03 OF 02 BAGHDAD 001234')), [
    { ruleId: 'header-mismatch', severity: 'warning', line: 1, column: 14, endLine: 1, endColumn: 30, text: 'SECTION 03 OF 02', message: 'SECTION 3 OF 2 is impossible: the section number runs from 1 to the number of sections.' },
  ]);
  assert.deepEqual(lintWith('header-mismatch', section('CONFIDENTIAL SECTION 00 OF 02 BAGHDAD 001234')).map((s) => s.message), ['SECTION 0 OF 2 is impossible: the section number runs from 1 to the number of sections.']);
});

test('sections of one telegram that disagree on their count are flagged on the later one', () => {
  const text = section('C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 001234') + '\n' + section('C O N F I D E N T I A L SECTION 02 OF 03 BAGHDAD 001234');
  assert.deepEqual(lintWith('header-mismatch', text).map((s) => [s.line, s.column, s.text, s.message]), [
    [12, 25, 'SECTION 02 OF 03', 'SECTION 2 OF 3 disagrees with the earlier SECTION 1 OF 2 of the same telegram on the number of sections.'],
  ]);
});

test('a section repeated in one file is flagged', () => {
  const text = section('CONFIDENTIAL SECTION 01 OF 02 BAGHDAD 001234') + '\n' + section('CONFIDENTIAL SECTION 01 OF 02 BAGHDAD 001234');
  assert.deepEqual(lintWith('header-mismatch', text).map((s) => [s.line, s.text, s.message]), [[12, 'SECTION 01 OF 02', 'SECTION 1 OF 2 appears twice for the same telegram.']]);
});

test('sections out of order are flagged', () => {
  const text = section('CONFIDENTIAL SECTION 02 OF 03 BAGHDAD 001234') + '\n' + section('CONFIDENTIAL SECTION 01 OF 03 BAGHDAD 001234');
  assert.deepEqual(lintWith('header-mismatch', text).map((s) => [s.line, s.text, s.message]), [[12, 'SECTION 01 OF 03', 'SECTION 1 OF 3 comes after section 2: sections run in order.']]);
});

test('sections in order, and sections of different telegrams, are left alone', () => {
  assert.deepEqual(lintWith('header-mismatch', section('CONFIDENTIAL SECTION 01 OF 02 BAGHDAD 001234') + '\n' + section('CONFIDENTIAL SECTION 02 OF 02 BAGHDAD 001234')), []);
  assert.deepEqual(lintWith('header-mismatch', section('CONFIDENTIAL SECTION 01 OF 02 BAGHDAD 001234') + '\n' + section('CONFIDENTIAL SECTION 01 OF 03 BAGHDAD 001235')), []);
});
