import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'classification-mismatch';
const SAME = 'every marking of a cable shows its one overall classification.';

test('a closing line that differs from the classification line of a draft is flagged on the closing line', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    RICE
    SECRET
  `;
  assert.deepEqual(lintWith(RULE, text), [
    {
      ruleId: RULE,
      severity: 'error',
      line: 10,
      column: 1,
      endLine: 10,
      endColumn: 7,
      text: 'SECRET',
      message: `The closing classification line says SECRET but the classification line says CONFIDENTIAL: ${SAME}`,
    },
  ]);
});

test('an overall classification below the highest portion mark is flagged on the classification line', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (S/NF) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.

    RICE
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[1, 1, 13, 'CONFIDENTIAL', 'The overall classification CONFIDENTIAL is lower than the highest portion mark, (S/NF) on paragraph 2: mark the cable SECRET or lower that portion.']],
  );
});

test('the portion named is the highest one, whether on the subject, a reference or a paragraph', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: (S) IRAQ: MINISTER ON ELECTION LAW
    REF: A. (S) BAGHDAD 1234 B. (C) STATE 56789

    Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (TS) COMMENT: WE DOUBT IT. END COMMENT.

    CROCKER
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => s.message),
    ['The overall classification CONFIDENTIAL is lower than the highest portion mark, (TS) on paragraph 2: mark the cable TOP SECRET or lower that portion.'],
  );
  const subjectOnly = text.replace('2. (TS)', '2. (C)').replace('A. (S)', 'A. (C)');
  assert.match(lintWith(RULE, subjectOnly)[0].message, /highest portion mark, \(S\) on the subject: mark the cable SECRET/);
  const refOnly = text.replace('2. (TS)', '2. (C)').replace('SUBJECT: (S)', 'SUBJECT: (C)');
  assert.match(lintWith(RULE, refOnly)[0].message, /highest portion mark, \(S\) on reference A: mark the cable SECRET/);
});

test('in a printed telegram the text header is the overall classification, and banners that differ are flagged one by one', () => {
  const text = cable`
    CONFIDENTIAL

    PAGE 01 KAMPAL 04180 251227Z
    ACTION AF-01
    INFO LOG-00 AID-01 EUR-01 CIAE-00 /041W
    ------------------4AB6A0 251228Z /38
    P 251212Z MAY 94
    FM AMEMBASSY KAMPALA
    TO SECSTATE WASHDC PRIORITY 0433
    INFO AMEMBASSY KIGALI
    BT
    SECRET KAMPALA 004180

    E.O. 12356: DECL: OADR
    TAGS: PREL, PHUM, RW, UG
    SUBJECT: RWANDAN AMBASSADOR MAKES CONTACT WITH GOR

    1. RWANDAN AMBASSADOR CLAVER KANYARUSHOKI ASKED TO
    MEET WITH THE AMBASSADOR ON MAY 18.
    CONFIDENTIAL

    CONFIDENTIAL

    PAGE 02 KAMPAL 04180 251227Z
    2. HE SAID THE ARMY WOULD TALK.
    BRAZEAL
    CONFIDENTIAL
    NNNN
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text, s.message]),
    [
      [1, 1, 'CONFIDENTIAL', `The classification line says CONFIDENTIAL but the text header says SECRET: ${SAME}`],
      [20, 1, 'CONFIDENTIAL', `A page banner says CONFIDENTIAL but the text header says SECRET: ${SAME}`],
      [22, 1, 'CONFIDENTIAL', `A page banner says CONFIDENTIAL but the text header says SECRET: ${SAME}`],
      [27, 1, 'CONFIDENTIAL', `The closing classification line says CONFIDENTIAL but the text header says SECRET: ${SAME}`],
    ],
  );
});

test('a messaging-system cable bannered UNCLASSIFIED with a (C) paragraph is flagged on its top banner', () => {
  const text = cable`
    UNCLASSIFIED

    MRN: 11 CAIRO 1234
    Date/DTG: Mar 03, 2011 / 031406Z MAR 11
    From: AMEMBASSY CAIRO
    Action: WASHDC, SECSTATE IMMEDIATE
    E.O.: 13526
    TAGS: PGOV, PREL, EG
    Captions: SIPDIS
    Subject: Egypt: Army Council Meets Opposition

    1. (U) The Supreme Council met opposition leaders on March 2.

    2. (C) Embassy contacts said the council will name a new cabinet.

    Signature: Scobey

    UNCLASSIFIED
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[1, 1, 13, 'UNCLASSIFIED', 'The overall classification UNCLASSIFIED is lower than the highest portion mark, (C) on paragraph 2: mark the cable CONFIDENTIAL or lower that portion.']],
  );
});

test('a classification statement that differs from the text header is flagged', () => {
  const text = cable`
    SECRET

    PAGE 01 BRUSSE 03953 081041Z
    ACTION EUR-01
    INFO LOG-00 AF-01 AID-01 /054W
    -----3984BC 081042Z /38
    O 081037Z APR 94 ZFF4
    FM AMEMBASSY BRUSSELS
    TO SECSTATE WASHDC NIACT IMMEDIATE 6354
    SECRET BRUSSELS 03953
    E.O. 12356: DECL: OADR
    TAGS: PGOV, PREL, PHUM, RW, BE
    SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE
    REF: A) JOHNSON MCCULLEY TELCON OF 4/8

    CONFIDENTIAL - ENTIRE TEXT.

    2. THIS IS AN ACTION CABLE. URGENT ACTION REQUESTED IN PARA 4 BELOW.

    BLINKEN
    SECRET
    NNNN
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[16, 1, 13, 'CONFIDENTIAL', `The classification statement says CONFIDENTIAL but the text header says SECRET: ${SAME}`]],
  );
});

test('UNCLASSIFIED and SENSITIVE BUT UNCLASSIFIED markings do not contradict each other', () => {
  const drafts = {
    'UNCLASSIFIED//SBU above, UNCLASSIFIED below': cable`
      UNCLASSIFIED//SBU

      E.O. 12958: N/A
      TAGS: PGOV, KDEM, IZ
      SUBJECT: IRAQ: ELECTION COMMISSION ON BALLOTS

      1. (SBU) THE COMMISSION PRINTED 15 MILLION BALLOTS.

      RICE
      UNCLASSIFIED
    `,
    'an UNCLASSIFIED banner with a SENSITIVE caption and (SBU) paragraphs': cable`
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

      2. (SBU) We are viewing this as an opportunity.

      Signature: Murphy

      UNCLASSIFIED
    `,
  };
  for (const [what, text] of Object.entries(drafts)) assert.deepEqual(lintWith(RULE, text), [], what);
});

test("a released copy's bare UNCLASSIFIED banners beside its CONFIDENTIAL markings are release status, not a contradiction", () => {
  const text = cable`
    UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05791111 Date: 11/30/2015
    RELEASE IN PART B1
    Classified by DAS, A/GIS, IPS, Dept of State. Reason: 1.4(B), 1.4(D). Declassify on: 03/26/2039

    CONFIDENTIAL

    MRN: 11 CAIRO 1234
    Date/DTG: Mar 03, 2011 / 031406Z MAR 11
    From: AMEMBASSY CAIRO
    Action: WASHDC, SECSTATE IMMEDIATE
    E.O.: 13526
    TAGS: PGOV, PREL, EG
    Captions: SIPDIS
    Subject: Egypt: Army Council Meets Opposition

    1. (C) The Supreme Council met opposition leaders on March 2.

    2. (U) Embassy contacts confirmed the meeting.

    UNCLASSIFIED
    UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05791111 Date: 11/30/2015

    3. (C) Comment: The council is buying time. End Comment.

    Signature: Scobey

    CONFIDENTIAL
    UNCLASSIFIED
    UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05791111 Date: 11/30/2015
  `;
  assert.deepEqual(lintWith(RULE, text), []);
});

test('consistent markings, equal portions, marks that name no level and unmarked cables are left alone', () => {
  const texts = {
    'a telegram marked CONFIDENTIAL throughout, with its statement': cable`
      CONFIDENTIAL

      PAGE 01 BRUSSE 03953 081041Z
      ACTION EUR-01
      INFO LOG-00 AF-01 AID-01 /054W
      -----3984BC 081042Z /38
      O 081037Z APR 94 ZFF4
      FM AMEMBASSY BRUSSELS
      TO SECSTATE WASHDC NIACT IMMEDIATE 6354
      CONFIDENTIAL BRUSSELS 03953
      E.O. 12356: DECL: OADR
      TAGS: PGOV, PREL, PHUM, RW, BE
      SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

      CONFIDENTIAL - ENTIRE TEXT.

      2. THIS IS AN ACTION CABLE.
      CONFIDENTIAL

      CONFIDENTIAL

      PAGE 02 BRUSSE 03953 081041Z
      3. BUJUMBURA AND KIGALI MINIMIZE CONSIDERED.
      BLINKEN
      CONFIDENTIAL
      NNNN
    `,
    'a draft whose portions reach but do not pass the overall level, and one mark of no level': cable`
      SECRET

      E.O. 12958: DECL: 05/14/2018
      TAGS: PREL, PGOV, IZ
      SUBJECT: (C) IRAQ: MINISTER ON ELECTION LAW

      1. (S) THE MINISTER SAID THE LAW WOULD PASS.

      2. (XYZ) THE KURDS ARE WAITING.

      RICE
      SECRET
    `,
    'a draft with no marking at all (classification-missing reports it)': cable`
      E.O. 12958: DECL: 05/14/2018
      TAGS: PREL, PGOV, IZ
      SUBJECT: IRAQ: MINISTER ON ELECTION LAW

      1. (S) THE MINISTER SAID THE LAW WOULD PASS.

      RICE
    `,
  };
  for (const [what, text] of Object.entries(texts)) assert.deepEqual(lintWith(RULE, text), [], what);
});

test('an overall classification below a portion mark, and the markings that disagree with it, share one fix raising them all to the portion', () => {
  const text = cable`
    UNCLASSIFIED

    MRN: 11 CAIRO 1234
    Date/DTG: Mar 03, 2011 / 031406Z MAR 11
    From: AMEMBASSY CAIRO
    Action: WASHDC, SECSTATE IMMEDIATE
    E.O.: 13526
    TAGS: PGOV, PREL, EG
    Captions: SIPDIS
    Subject: Egypt: Army Council Meets Opposition

    1. (U) The Supreme Council met opposition leaders on March 2.

    2. (C) Embassy contacts said the council will name a new cabinet.

    Signature: Scobey

    CONFIDENTIAL
  `;
  const found = diagnosticsOf(RULE, text);
  assert.deepEqual(found.map((d) => d.fixes.map((f) => [f.title, f.preferred])), [
    [['Raise the classification to CONFIDENTIAL', true]],
    [['Raise the classification to CONFIDENTIAL', true]],
  ]);
  const fixed = applied(text, found[0].fixes[0]);
  assert.equal(fixed, text.replace(/^UNCLASSIFIED/, 'CONFIDENTIAL'));
  assert.deepEqual(lintWith(RULE, fixed), []);
  assert.equal(fixAllSettled(text, RULE), fixed);
});

test('markings that disagree with no portion mark to settle which is right get no fix', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. THE MINISTER SAID THE LAW WOULD PASS.

    RICE
    SECRET
  `;
  assert.deepEqual(diagnosticsOf(RULE, text).map((d) => d.fixes), [[]]);
});
