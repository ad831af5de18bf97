import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, cable, diagnosticsOf, lintWith } from '../../../../test/support/lintHarness';

const telegram = (dtg: string, to: string, info: string) => cable`
  CONFIDENTIAL

  PAGE 01 BRUSSE 03953 081041Z
  -----3984BC 081042Z /38
  ${dtg}
  FM AMEMBASSY BRUSSELS
  ${to}
  ${info}
  CONFIDENTIAL BRUSSELS 03953
  E.O. 12356: DECL: OADR
  TAGS: PGOV, PREL, PHUM, RW, BE
  SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

  1. CONFIDENTIAL - ENTIRE TEXT.

  2. BUJUMBURA AND KIGALI MINIMIZE CONSIDERED.

  BLINKEN
  CONFIDENTIAL
`;

const messaging = (action: string, info: string) => cable`
  UNCLASSIFIED

  MRN:            10 BERLIN 1052
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  From:           AMEMBASSY BERLIN
  Action:         ${action}
  E.O.:           13526
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  Info:           ${info}
  UNCLASSIFIED
`;

test('a prosign that is not Z, O, P or R is flagged on the prosign', () => {
  assert.deepEqual(lintWith('precedence-unknown', telegram('X 081037Z APR 94 ZFF4', 'TO SECSTATE WASHDC IMMEDIATE 6354', 'INFO AMEMBASSY KIGALI IMMEDIATE')), [
    { ruleId: 'precedence-unknown', severity: 'error', line: 5, column: 1, endLine: 5, endColumn: 2, text: 'X', message: "'X' is not a precedence prosign: use Z (FLASH), O (IMMEDIATE), P (PRIORITY) or R (ROUTINE)." },
  ]);
});

test('a misspelt precedence before the serial is flagged, and the fix spells it right', () => {
  const text = telegram('O 081037Z APR 94 ZFF4', 'TO SECSTATE WASHDC IMMEDAITE 6354', 'INFO AMEMBASSY KIGALI IMMEDIATE');
  assert.deepEqual(lintWith('precedence-unknown', text), [
    { ruleId: 'precedence-unknown', severity: 'error', line: 7, column: 20, endLine: 7, endColumn: 29, text: 'IMMEDAITE', message: "'IMMEDAITE' is not a precedence: use FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE (perhaps IMMEDIATE)." },
  ]);
  const [d] = diagnosticsOf('precedence-unknown', text);
  assert.equal(d.fixes.length, 1);
  assert.equal(d.fixes[0].title, 'Replace with IMMEDIATE');
  assert.equal(d.fixes[0].preferred, true);
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[6], 'TO SECSTATE WASHDC IMMEDIATE 6354');
});

test('misspelt precedences of several INFO addressees on one line are each flagged and fixed', () => {
  const text = telegram('O 081037Z APR 94', 'TO SECSTATE WASHDC IMMEDIATE 6354', 'INFO AMEMBASSY KIGALI PRIORTY AMEMBASSY PARIS ROUTNE');
  assert.deepEqual(lintWith('precedence-unknown', text).map((s) => [s.line, s.column, s.text, s.message]), [
    [8, 23, 'PRIORTY', "'PRIORTY' is not a precedence: use FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE (perhaps PRIORITY)."],
    [8, 47, 'ROUTNE', "'ROUTNE' is not a precedence: use FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE (perhaps ROUTINE)."],
  ]);
  const both = { title: 'both', edits: diagnosticsOf('precedence-unknown', text).flatMap((d) => d.fixes[0].edits) };
  const fixed = applyFix(text, both);
  assert.equal(fixed.split('\n')[7], 'INFO AMEMBASSY KIGALI PRIORITY AMEMBASSY PARIS ROUTINE');
});

test('NIACT without IMMEDIATE is flagged on NIACT, with no fix', () => {
  const text = telegram('O 081037Z APR 94', 'TO SECSTATE WASHDC NIACT 6354', 'INFO AMEMBASSY KIGALI IMMEDIATE');
  assert.deepEqual(lintWith('precedence-unknown', text), [
    { ruleId: 'precedence-unknown', severity: 'error', line: 7, column: 20, endLine: 7, endColumn: 25, text: 'NIACT', message: 'NIACT stands only before IMMEDIATE: write NIACT IMMEDIATE.' },
  ]);
  assert.deepEqual(diagnosticsOf('precedence-unknown', text)[0].fixes, []);
});

test('a TO addressee above the DTG prosign is flagged on its precedence, naming the right prosign', () => {
  assert.deepEqual(lintWith('precedence-unknown', telegram('P 081037Z APR 94', 'TO SECSTATE WASHDC NIACT IMMEDIATE 6354', 'INFO AMEMBASSY KIGALI PRIORITY')), [
    {
      ruleId: 'precedence-unknown', severity: 'error', line: 7, column: 20, endLine: 7, endColumn: 35, text: 'NIACT IMMEDIATE',
      message: "SECSTATE WASHDC is addressed NIACT IMMEDIATE, above the DTG's prosign P (PRIORITY): the prosign gives the highest action precedence, so it should be O.",
    },
  ]);
  assert.deepEqual(lintWith('precedence-unknown', telegram('P 081037Z APR 94', 'TO SECSTATE WASHDC FLASH 6354', 'INFO AMEMBASSY KIGALI PRIORITY')).map((s) => [s.text, s.message]), [
    ['FLASH', "SECSTATE WASHDC is addressed FLASH, above the DTG's prosign P (PRIORITY): the prosign gives the highest action precedence, so it should be Z."],
  ]);
});

test('NIACT IMMEDIATE under prosign O, as in BRUSSELS 03953, is left alone', () => {
  assert.deepEqual(lintWith('precedence-unknown', telegram('O 081037Z APR 94 ZFF4', 'TO SECSTATE WASHDC NIACT IMMEDIATE 6354', 'INFO AMEMBASSY KIGALI IMMEDIATE AMEMBASSY BUJUMBURA IMMEDIATE')), []);
});

test('INFO addressees above the prosign and dual-precedence prosigns are left alone', () => {
  // The prosign gives the action precedence: INFO addressees are not compared with it.
  assert.deepEqual(lintWith('precedence-unknown', telegram('R 081037Z APR 94', 'TO SECSTATE WASHDC ROUTINE 6354', 'INFO AMEMBASSY KIGALI IMMEDIATE')), []);
  assert.deepEqual(lintWith('precedence-unknown', telegram('O R 081037Z APR 94', 'TO SECSTATE WASHDC IMMEDIATE 6354', 'INFO AMEMBASSY KIGALI ROUTINE')), []);
});

test('precedences fused to office suffixes of military addressees are left alone', () => {
  const info = 'INFO JCS WASHDC//J4//J5//IMMEDIATE SECDEF WASHDC//OASD/ISP//IMMEDIATE USEUCOM VAIHINGEN GE//J3/J4//BATTLE STAFF//IMMEDIATE';
  assert.deepEqual(lintWith('precedence-unknown', telegram('O 081037Z APR 94 ZFF4', 'TO SECSTATE WASHDC NIACT IMMEDIATE 6354', info)), []);
});

test('messaging-system Action and Info lists with their precedences are left alone', () => {
  assert.deepEqual(lintWith('precedence-unknown', messaging('WASHDC, SECSTATE NIACT IMMEDIATE; LONDON, AMEMBASSY ROUTINE', 'Mellott, Joseph ROUTINE; McHale, Judith A ROUTINE')), []);
});
