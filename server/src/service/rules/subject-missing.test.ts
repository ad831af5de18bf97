import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'subject-missing';
const missing = (where: string) => `This cable has no SUBJECT line: add 'SUBJECT: ' and a one-line title ${where}.`;

test('a draft without SUBJECT is flagged on its TAGS line', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ

    1. (C) THE MINISTER SAID THE LAW WOULD PASS.

    RICE
    CONFIDENTIAL
  `;
  assert.deepEqual(lintWith(RULE, text), [
    { ruleId: RULE, severity: 'error', line: 4, column: 1, endLine: 4, endColumn: 21, text: 'TAGS: PREL, PGOV, IZ', message: missing('after the TAGS line') },
  ]);
});

test('a draft without TAGS and SUBJECT is flagged on its E.O. line', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018

    1. (C) THE MINISTER SAID THE LAW WOULD PASS.

    RICE
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[3, 1, 29, 'E.O. 12958: DECL: 05/14/2018', missing('after the E.O. and TAGS lines')]],
  );
});

const telegram = (dtg: string, subject: string) => cable`
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
  TAGS: PFOR, UR
  ${subject}
  1. SOVIET PRESS TODAY CARRIES TASS REPORT ON BREZHNEV SPEECH.
  2. EMBASSY COMMENT FOLLOWS SEPTEL.
  DUBS
  CONFIDENTIAL
  NNNN
`;

test('a printed telegram of 1 March 1973 or later without SUBJECT is flagged on its TAGS line', () => {
  for (const dtg of ['011522Z MAR 73', '141522Z FEB 77']) {
    assert.deepEqual(
      lintWith(RULE, telegram(dtg, '')).map((s) => [s.line, s.column, s.text, s.message]),
      [[13, 1, 'TAGS: PFOR, UR', missing('after the TAGS line')]],
      dtg,
    );
  }
});

test('a telegram sent before SUBJECT became mandatory on 1 March 1973 is left alone', () => {
  for (const dtg of ['281522Z FEB 73', '141522Z OCT 72']) assert.deepEqual(lintWith(RULE, telegram(dtg, '')), [], dtg);
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
    lintWith(RULE, text).map((s) => [s.line, s.text, s.message]),
    [[8, 'CONFIDENTIAL KAMPALA 004180', missing('after the E.O. and TAGS lines')]],
  );
});

test("a messaging-system cable without a Subject field is flagged on its TAGS field; the forwarding email's Subject does not count", () => {
  const text = cable`
    From: SMART Core [mailto:svcSMARTBTSRctSPrec@state.gov]
    Sent: Tuesday, August 03, 2010 10:08 AM
    To: Ackerman, Steven G
    Subject: PA Germany Restructuring

    UNCLASSIFIED

    MRN: 10 BERLIN 1052
    Date/DTG: Aug 03, 2010 / 031406Z AUG 10
    From: AMEMBASSY BERLIN
    Action: WASHDC, SECSTATE IMMEDIATE
    E.O.: 13526
    TAGS: AMGT, KCOM, KPAO, GM
    Captions: SENSITIVE, SIPDIS

    1. (SBU) PA Germany has taken a huge budget hit.

    Signature: Murphy

    UNCLASSIFIED
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[13, 1, 27, 'TAGS: AMGT, KCOM, KPAO, GM', missing('after the TAGS line')]],
  );
});

test('mixed-case, wrapped and run-together subjects, and fragments without a header, are left alone', () => {
  const texts = {
    'a telegram with a SUBJECT': telegram('141522Z FEB 77', 'SUBJECT: BREZHNEV SPEECH ON EUROPEAN SECURITY'),
    'a messaging-system Subject in mixed case': cable`
      UNCLASSIFIED

      MRN: 10 BERLIN 1052
      Date/DTG: Aug 03, 2010 / 031406Z AUG 10
      From: AMEMBASSY BERLIN
      Action: WASHDC, SECSTATE IMMEDIATE
      E.O.: 13526
      TAGS: AMGT, KCOM, KPAO, GM
      Subject: PA Germany Restructuring

      As you know, PA Germany has taken a huge budget hit.

      Signature: Murphy

      UNCLASSIFIED
    `,
    'a subject wrapped over two lines': cable`
      CONFIDENTIAL

      E.O. 12356: DECL: OADR
      TAGS: PREL, PHUM, RW, UG
      SUBJECT: RWANDAN AMBASSADOR MAKES CONTACT WITH GOR
      ARMY COMMANDERS IN RWANDA

      1. RWANDAN AMBASSADOR CLAVER KANYARUSHOKI ASKED TO MEET.

      BRAZEAL
      CONFIDENTIAL
    `,
    'TAGS and SUBJECT run into a page header': cable`
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

      RICE
      CONFIDENTIAL
    `,
  };
  for (const [what, text] of Object.entries(texts)) assert.deepEqual(lintWith(RULE, text), [], what);
});
