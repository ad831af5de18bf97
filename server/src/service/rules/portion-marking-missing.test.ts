import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'portion-marking-missing';

test('an unmarked paragraph among marked ones is flagged on its number, with a mark of the overall level as example', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. THE KURDS ARE WAITING.

    3. (C) COMMENT: WE DOUBT IT. END COMMENT.

    RICE
    CONFIDENTIAL
  `;
  assert.deepEqual(lintWith(RULE, text), [
    {
      ruleId: RULE,
      severity: 'warning',
      line: 9,
      column: 1,
      endLine: 9,
      endColumn: 2,
      text: '2',
      message: "Paragraph 2 has no portion mark, though other paragraphs of this cable are marked: add one after the number, e.g. '2. (C)'.",
    },
  ]);
});

test('without an overall classification the example mark is (U)', () => {
  const text = cable`
    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) THE MINISTER SAID THE LAW WOULD PASS.

    2. THE KURDS ARE WAITING.

    RICE
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.text, s.message]),
    [[7, '2', "Paragraph 2 has no portion mark, though other paragraphs of this cable are marked: add one after the number, e.g. '2. (U)'."]],
  );
});

test('in a messaging-system cable an unmarked paragraph and a mark that names no level are both flagged; an OCR quote before a mark is tolerated', () => {
  const text = cable`
    UNCLASSIFIED

    MRN: 11 RABAT 1210
    Date/DTG: Nov 26, 2011 / 261556Z NOV 11
    From: AMEMBASSY RABAT
    Action: WASHDC, SECSTATE ROUTINE
    E.O.: 13526
    TAGS: PGOV, PHUM, PREL, KDEM, MO
    Captions: SENSITIVE
    Subject: Morocco Elections: Provisional Results Show PJD in a Big Win

    1. (SBU) Summary: The PJD is poised to win a significant plurality. End Summary.

    Preliminary Results

    2. '(SBU) As of 1400 local time on November 26, the tallying was still ongoing:

    A. Party of Justice and Development (PJD): 80 seats
    B. Istiqlal Party (IP): 45 seats

    Ten smaller parties combined to win 15 seats.

    3. The MOI also confirmed an overall turnout figure of 45 percent.

    4. (CO) Comment: The PJD will lead the coalition talks. End Comment.

    Signature: Kaplan

    UNCLASSIFIED
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [
      [23, 1, 2, '3', "Paragraph 3 has no portion mark, though other paragraphs of this cable are marked: add one after the number, e.g. '3. (SBU)'."],
      [25, 4, 8, '(CO)', "Paragraph 4's portion mark (CO) names no classification level: use (U), (SBU), (C), (S) or (TS)."],
    ],
  );
});

test('in a printed telegram whose paragraph runs across a page break, only the unmarked paragraph is flagged', () => {
  const text = cable`
    CONFIDENTIAL

    PAGE 01 KAMPAL 04180 251227Z
    ACTION AF-01
    INFO LOG-00 AID-01 EUR-01 CIAE-00 /041W
    ------------------4AB6A0 251228Z /38
    P 251212Z MAY 94
    FM AMEMBASSY KAMPALA
    TO SECSTATE WASHDC PRIORITY 0433
    CONFIDENTIAL KAMPALA 004180
    E.O. 12356: DECL: OADR
    TAGS: PREL, PHUM, RW, UG
    SUBJECT: RWANDAN AMBASSADOR MAKES CONTACT WITH GOR
    1. (C) RWANDAN AMBASSADOR CLAVER KANYARUSHOKI ASKED TO
    MEET WITH THE AMBASSADOR ON MAY 18.
    CONFIDENTIAL

    CONFIDENTIAL

    PAGE 02 KAMPAL 04180 251227Z
    KANYARUSHOKI SAID THE ARMY WOULD TALK.
    2. HE ASKED FOR U.S. HELP.
    3. (U) DEPARTMENT PLEASE PASS TO KIGALI.
    BRAZEAL
    CONFIDENTIAL
    NNNN
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.text, s.message]),
    [[22, '2', "Paragraph 2 has no portion mark, though other paragraphs of this cable are marked: add one after the number, e.g. '2. (C)'."]],
  );
});

test('cables that do not portion-mark, unnumbered text and unmarked subparagraphs are left alone', () => {
  const texts = {
    'a 1978 telegram with no portion marks at all': cable`
      PAGE 01 STATE 042975
      ORIGIN NODS-00
      INFO OCT-01 ISO-00 /001 R
      DRAFTED BY PM/ISP:JHHAWES
      APPROVED BY THE DEPUTY SECRETARY
      ------------------081487 172331Z /61
      O 172244Z FEB 78 ZFF6
      FM SECSTATE WASHDC
      TO AMEMBASSY LONDON IMMEDIATE
      S E C R E T STATE 042975
      NODIS
      E.O. 11652: GDS
      TAGS: PARM, NATO
      SUBJECT: PREPARATIONS FOR NAC CONSULTATION ON SALT
      1. FOLLOWING UP ON BILATERAL CONSULTATIONS JANUARY 30-31
      IN LONDON AND BONN, WE HAVE PROPOSED A NAC SESSION.
      2. WE ARE ALSO INTERESTED IN ENGAGING THE REST OF THE ALLIES.
      VANCE
      SECRET
    `,
    'a statement before the numbers, and subparagraphs without their own marks': cable`
      CONFIDENTIAL

      E.O. 12958: DECL: 05/14/2018
      TAGS: PREL, PGOV, IZ
      SUBJECT: IRAQ: MINISTER ON ELECTION LAW

      CONFIDENTIAL - ENTIRE TEXT.

      1. (C) HE LISTED THREE CONDITIONS:

      A. A CENSUS IN KIRKUK;
      B. OPEN LISTS.

      2. (C) THE SPEAKER DISAGREED.

      RICE
      CONFIDENTIAL
    `,
  };
  for (const [what, text] of Object.entries(texts)) assert.deepEqual(lintWith(RULE, text), [], what);
});
