import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'tags-missing';
const missing = (where: string, example = 'PREL, PGOV') => `This cable has no TAGS line: every cable since 1 March 1973 carries one, e.g. 'TAGS: ${example}' ${where}.`;

test('a draft without TAGS is flagged on its E.O. line', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) THE MINISTER SAID THE LAW WOULD PASS.

    RICE
    CONFIDENTIAL
  `;
  assert.deepEqual(lintWith(RULE, text), [
    { ruleId: RULE, severity: 'error', line: 3, column: 1, endLine: 3, endColumn: 29, text: 'E.O. 12958: DECL: 05/14/2018', message: missing('after the E.O. line') },
  ]);
});

test('a draft without E.O. and TAGS lines is flagged on its SUBJECT line', () => {
  const text = cable`
    CONFIDENTIAL

    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) THE MINISTER SAID THE LAW WOULD PASS.

    RICE
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[3, 1, 40, 'SUBJECT: IRAQ: MINISTER ON ELECTION LAW', missing('before the SUBJECT line')]],
  );
});

const telegram = (dtg: string, tags: string) => cable`
  CONFIDENTIAL

  PAGE 01 MOSCOW 02124 141530Z
  ACTION EUR-12
  INFO OCT-01 ISO-00 SS-15 /028 W
  ------------------ 081487 141530Z
  R ${dtg}
  FM AMEMBASSY MOSCOW
  TO SECSTATE WASHDC 4521
  INFO AMEMBASSY BONN
  C O N F I D E N T I A L MOSCOW 2124
  E.O. 11652: GDS
  ${tags}
  SUBJECT: BREZHNEV SPEECH ON EUROPEAN SECURITY
  1. SOVIET PRESS TODAY CARRIES TASS REPORT ON BREZHNEV SPEECH.
  2. EMBASSY COMMENT FOLLOWS SEPTEL.
  DUBS
  CONFIDENTIAL
  NNNN
`;

test('a printed telegram sent on or after 1 March 1973 without TAGS is flagged on its E.O. line', () => {
  for (const dtg of ['011522Z MAR 73', '141522Z FEB 77']) {
    assert.deepEqual(
      lintWith(RULE, telegram(dtg, '')).map((s) => [s.line, s.text, s.message]),
      [[12, 'E.O. 11652: GDS', missing('after the E.O. line', 'PFOR, PINT')]],
      dtg,
    );
  }
});

test('a telegram sent before TAGS became mandatory on 1 March 1973 is left alone', () => {
  for (const dtg of ['141522Z FEB 73', '281522Z FEB 73', '141522Z OCT 72']) assert.deepEqual(lintWith(RULE, telegram(dtg, '')), [], dtg);
});

test('a telegram whose header shows only the text header is flagged there', () => {
  const text = cable`
    PAGE 01 KAMPAL 04180 251227Z
    ACTION AF-01
    INFO LOG-00 AID-01 EUR-01 CIAE-00 /041W
    ------------------4AB6A0 251228Z /38
    P 251212Z MAY 94
    FM AMEMBASSY KAMPALA
    TO SECSTATE WASHDC PRIORITY 0433
    CONFIDENTIAL KAMPALA 004180
    1. RWANDAN AMBASSADOR CLAVER KANYARUSHOKI ASKED TO
    MEET WITH THE AMBASSADOR ON MAY 18.
    BRAZEAL
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text, s.message]),
    [[8, 1, 'CONFIDENTIAL KAMPALA 004180', missing('in the header')]],
  );
});

const messaging = (drop?: RegExp) =>
  cable`
    UNCLASSIFIED

    MRN: 10 BERLIN 1052
    Date/DTG: Aug 03, 2010 / 031406Z AUG 10
    From: AMEMBASSY BERLIN
    Action: WASHDC, SECSTATE IMMEDIATE
    E.O.: 13526
    TAGS: AMGT, KCOM, KPAO, GM
    Captions: SENSITIVE, SIPDIS
    Subject: PA Germany Restructuring

    1. (SBU) PA Germany has taken a huge budget hit.

    Signature: Murphy

    UNCLASSIFIED
  `
    .split('\n')
    .filter((l) => !drop?.test(l))
    .join('\n');

test('a messaging-system cable without a TAGS field is flagged on its E.O. field, or on its MRN when that is missing too', () => {
  assert.deepEqual(
    lintWith(RULE, messaging(/^TAGS:/)).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[7, 1, 12, 'E.O.: 13526', missing('after the E.O. line')]],
  );
  assert.deepEqual(
    lintWith(RULE, messaging(/^(TAGS|E\.O\.|Subject):/)).map((s) => [s.line, s.text, s.message]),
    [[3, 'MRN: 10 BERLIN 1052', missing('in the header')]],
  );
});

test('cables with a TAGS line, even one OCR ran into a page header, and fragments without a header are left alone', () => {
  const texts = {
    'a telegram with TAGS': telegram('141522Z FEB 77', 'TAGS: PFOR, UR'),
    'a messaging-system cable with TAGS': messaging(),
    'TAGS run into a page header': cable`
      CONFIDENTIAL

      PAGE 01 BRUSSE 03953 081041Z ACTION EUR-01

      -----3984BC 081042Z /38 O 081037Z APR 94 ZFF4

      FM AMEMBASSY BRUSSELS TO SECSTATE WASHDC NIACT IMMEDIATE 6354

      CONFIDENTIAL BRUSSELS 03953

      E.O. 12356: DECL: OADR CONFIDENTIAL

      CONFIDENTIAL

      PAGE 02 BRUSSE 03953 081041Z TAGS: PGOV, PREL, PHUM, PREF, KDEM, RW, BY, BE SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

      2. THIS IS AN ACTION CABLE. URGENT ACTION REQUESTED IN PARA 4 BELOW.

      BLINKEN

      CONFIDENTIAL
    `,
    'a fragment of body text': cable`
      CONFIDENTIAL

      1. (C) THE MINISTER SAID THE LAW WOULD PASS.

      2. (C) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.

      RICE
      CONFIDENTIAL
    `,
  };
  for (const [what, text] of Object.entries(texts)) assert.deepEqual(lintWith(RULE, text), [], what);
});
