import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, lintWith } from '../../../../test/support/lintHarness';

const header = {
  full: ['FM AMEMBASSY KAMPALA', 'TO SECSTATE WASHDC PRIORITY 0433', 'INFO USMISSION GENEVA'],
  noTo: ['FM AMEMBASSY KAMPALA', 'INFO USMISSION GENEVA', 'AMEMBASSY DAR ES SALAAM'],
  noFm: ['TO SECSTATE WASHDC PRIORITY 0433', 'INFO USMISSION GENEVA', 'AMEMBASSY DAR ES SALAAM'],
};

/** A printed 1994 telegram with three address lines. */
const telegram = ([a, b, c]: string[]) => cable`
  CONFIDENTIAL

  PAGE 01 KAMPAL 04180 251227Z
  4AB6A0 251228Z /38
  P 251212Z MAY 94
  ${a}
  ${b}
  ${c}
  CONFIDENTIAL KAMPALA 004180
  E.O. 12356: DECL: OADR
  TAGS: PREL, PHUM, RW, UG
  SUBJECT: RWANDA: MUSEVENI ON THE RPF ADVANCE

  1. CONFIDENTIAL - ENTIRE TEXT.

  CARSON
  CONFIDENTIAL
`;

const messaging = (a: string, b: string) => cable`
  UNCLASSIFIED

  MRN:            10 BERLIN 1052
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  ${a}
  ${b}
  E.O.:           13526
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  UNCLASSIFIED
`;

test('FM with INFO but no TO is flagged on FM', () => {
  assert.deepEqual(lintWith('addressee-missing', telegram(header.noTo)), [
    { ruleId: 'addressee-missing', severity: 'error', line: 6, column: 1, endLine: 6, endColumn: 3, text: 'FM', message: 'FM AMEMBASSY KAMPALA has no TO line: name the action addressees after TO, each with its precedence.' },
  ]);
});

test('TO without FM is flagged on TO', () => {
  assert.deepEqual(lintWith('addressee-missing', telegram(header.noFm)), [
    { ruleId: 'addressee-missing', severity: 'error', line: 6, column: 1, endLine: 6, endColumn: 3, text: 'TO', message: 'TO without FM: name the originator on an FM line before the addressees (FM AMEMBASSY ...).' },
  ]);
});

test('an FM label with no originator after it counts as no FM', () => {
  assert.deepEqual(lintWith('addressee-missing', telegram(['FM', 'TO SECSTATE WASHDC PRIORITY 0433', 'INFO USMISSION GENEVA'])).map((s) => [s.line, s.text]), [[7, 'TO']]);
});

test('a full FM/TO/INFO header is left alone, on separate lines or run together as OCR leaves it', () => {
  assert.deepEqual(lintWith('addressee-missing', telegram(header.full)), []);
  assert.deepEqual(lintWith('addressee-missing', telegram(['FM AMEMBASSY KAMPALA TO SECSTATE WASHDC PRIORITY 0433 INFO USMISSION GENEVA', 'AMEMBASSY CAIRO', 'AMEMBASSY PARIS'])), []);
});

test('a messaging From: without Action: is flagged on the From: label', () => {
  assert.deepEqual(lintWith('addressee-missing', messaging('From:           AMEMBASSY BERLIN', 'Info:           Mellott, Joseph ROUTINE')), [
    { ruleId: 'addressee-missing', severity: 'error', line: 5, column: 1, endLine: 5, endColumn: 6, text: 'From:', message: 'From: AMEMBASSY BERLIN has no Action: line: name the action addressees.' },
  ]);
});

test('a messaging Action: without From: is flagged on the Action: label', () => {
  assert.deepEqual(lintWith('addressee-missing', messaging('Action:         WASHDC, SECSTATE IMMEDIATE', 'Info:           Mellott, Joseph ROUTINE')), [
    { ruleId: 'addressee-missing', severity: 'error', line: 5, column: 1, endLine: 5, endColumn: 8, text: 'Action:', message: 'Action: addressees but no From: line: name the originating post.' },
  ]);
});

test('a messaging cable with From: and Action: is left alone', () => {
  assert.deepEqual(lintWith('addressee-missing', messaging('From:           AMEMBASSY BERLIN', 'Action:         WASHDC, SECSTATE IMMEDIATE')), []);
});

test('a draft without any address lines is left alone', () => {
  const draft = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, KDEM, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    KHALILZAD
    CONFIDENTIAL
  `;
  assert.deepEqual(lintWith('addressee-missing', draft), []);
});

test('a Department draft addressed by precedence first (ROUTINE ALDAC) needs no FM', () => {
  const draft = cable`
    UNCLASSIFIED

    ROUTINE ALDAC, DAMASCUS

    E.O. 13526: N/A
    TAGS: AMGT, APER
    SUBJECT: 2011 Promotions into and within the Senior Foreign Service

    1. The Department is pleased to announce the promotions.

    CLINTON
    UNCLASSIFIED
  `;
  assert.deepEqual(lintWith('addressee-missing', draft), []);
});
