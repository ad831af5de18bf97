import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'portion-exceeds-overall';

test('a paragraph marked above the overall classification is flagged on its portion mark', () => {
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
  assert.deepEqual(lintWith(RULE, text), [
    {
      ruleId: RULE,
      severity: 'error',
      line: 9,
      column: 4,
      endLine: 9,
      endColumn: 10,
      text: '(S/NF)',
      message: "Paragraph 2 is marked (S/NF), above the cable's overall CONFIDENTIAL: mark it (C) or lower, or raise the overall classification to SECRET.",
    },
  ]);
});

test('the subject, a lettered reference and a subparagraph are each flagged, and named in the message', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: (S) IRAQ: MINISTER ON ELECTION LAW
    REF: A. (S) BAGHDAD 1234 B. (C) STATE 56789

    Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (C) HE ADDED:

    A. (C) THE KURDS WOULD VOTE FOR IT;
    B. (S/NF) THE SADRISTS WOULD NOT.

    3. (TS) COMMENT: WE DOUBT IT. END COMMENT.

    CROCKER
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text, s.message]),
    [
      [5, 10, '(S)', "The subject is marked (S), above the cable's overall CONFIDENTIAL: mark it (C) or lower, or raise the overall classification to SECRET."],
      [6, 9, '(S)', "Reference A is marked (S), above the cable's overall CONFIDENTIAL: mark it (C) or lower, or raise the overall classification to SECRET."],
      [15, 4, '(S/NF)', "Subparagraph B of paragraph 2 is marked (S/NF), above the cable's overall CONFIDENTIAL: mark it (C) or lower, or raise the overall classification to SECRET."],
      [17, 4, '(TS)', "Paragraph 3 is marked (TS), above the cable's overall CONFIDENTIAL: mark it (C) or lower, or raise the overall classification to TOP SECRET."],
    ],
  );
});

test('a portion-marked paragraph of a printed telegram is judged against its text header', () => {
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
    2. (S) HE SAID THE ARMY WOULD TALK.
    BRAZEAL
    CONFIDENTIAL
    NNNN
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text, s.message]),
    [[21, 4, '(S)', "Paragraph 2 is marked (S), above the cable's overall CONFIDENTIAL: mark it (C) or lower, or raise the overall classification to SECRET."]],
  );
});

const messaging = (captions: string) => cable`
  UNCLASSIFIED

  MRN: 10 BERLIN 1052
  Date/DTG: Aug 03, 2010 / 031406Z AUG 10
  From: AMEMBASSY BERLIN
  Action: WASHDC, SECSTATE IMMEDIATE
  E.O.: 13526
  TAGS: AMGT, KCOM, KPAO, GM
  Captions: ${captions}
  Subject: PA Germany Restructuring

  1. (SBU) PA Germany has taken a huge budget hit.

  2. (U) We are viewing this as an opportunity.

  Signature: Murphy

  UNCLASSIFIED
`;

test('an (SBU) paragraph in a messaging-system cable marked only UNCLASSIFIED is flagged', () => {
  assert.deepEqual(
    lintWith(RULE, messaging('SIPDIS')).map((s) => [s.line, s.column, s.text, s.message]),
    [[12, 4, '(SBU)', "Paragraph 1 is marked (SBU), above the cable's overall UNCLASSIFIED: mark it (U) or lower, or raise the overall classification to SENSITIVE BUT UNCLASSIFIED."]],
  );
});

test('a SENSITIVE caption makes an UNCLASSIFIED messaging-system cable SBU, so its (SBU) paragraphs are in order', () => {
  assert.deepEqual(lintWith(RULE, messaging('SENSITIVE, SIPDIS')), []);
});

test('portions at or below the overall level, marks of no level and cables without an overall level are left alone', () => {
  const texts = {
    'an UNCLASSIFIED//SBU draft with (SBU) and (U) paragraphs': cable`
      UNCLASSIFIED//SBU

      E.O. 12958: N/A
      TAGS: PGOV, KDEM, IZ
      SUBJECT: (U) IRAQ: ELECTION COMMISSION ON BALLOTS

      1. (SBU) THE COMMISSION PRINTED 15 MILLION BALLOTS.

      2. (U) VOTING STARTS AT 7 AM.

      RICE
      UNCLASSIFIED//SBU
    `,
    'a SECRET draft with (S/NF), (C) and an unknown mark': cable`
      SECRET//NOFORN

      E.O. 12958: DECL: 05/14/2018
      TAGS: PREL, PGOV, IZ
      SUBJECT: (C) IRAQ: MINISTER ON ELECTION LAW

      1. (S/NF) THE MINISTER SAID THE LAW WOULD PASS.

      2. (XYZ) THE KURDS ARE WAITING.

      RICE
      SECRET//NOFORN
    `,
    'a draft with no classification line (classification-missing reports it)': cable`
      E.O. 12958: DECL: 05/14/2018
      TAGS: PREL, PGOV, IZ
      SUBJECT: IRAQ: MINISTER ON ELECTION LAW

      1. (TS) THE MINISTER SAID THE LAW WOULD PASS.

      RICE
    `,
  };
  for (const [what, text] of Object.entries(texts)) assert.deepEqual(lintWith(RULE, text), [], what);
});

const kampala = cable`
  CONFIDENTIAL

  PAGE 01 KAMPAL 04180 251227Z
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
  2. (S) HE SAID THE ARMY WOULD TALK.
  3. (S) HE ADDED MORE.
  BRAZEAL
  CONFIDENTIAL
  NNNN
`;

test('every portion above the overall classification offers the same preferred fix, raising every overall marking to the highest portion', () => {
  const found = diagnosticsOf(RULE, kampala);
  assert.equal(found.length, 2);
  assert.deepEqual(found[1].fixes, found[0].fixes);
  assert.deepEqual(found[0].fixes.map((f) => [f.title, f.preferred]), [['Raise the classification to SECRET', true]]);
  const fixed = applied(kampala, found[0].fixes[0]);
  assert.equal(fixed, kampala.replaceAll('CONFIDENTIAL', 'SECRET'));
  assert.deepEqual(lintWith(RULE, fixed), []);
  assert.deepEqual(lintWith('classification-mismatch', fixed), []);
  assert.equal(fixAllSettled(kampala, RULE), fixed);
});

test('spaced letters stay spaced and caveats stay', () => {
  const text = cable`
    C O N F I D E N T I A L SECTION 01 OF 01 BAGHDAD 001234

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (S/NF) THE MINISTER SAID THE LAW WOULD PASS.

    CROCKER
    CONFIDENTIAL//NOFORN
  `;
  const fixed = fixAllSettled(text, RULE);
  assert.deepEqual([fixed.split('\n')[0], fixed.split('\n')[9]], ['S E C R E T SECTION 01 OF 01 BAGHDAD 001234', 'SECRET//NOFORN']);
  // Two words spaced are one run of letters, as they are printed and read.
  assert.equal(fixAllSettled(text.replace('(S/NF)', '(TS)'), RULE).split('\n')[0], 'T O P S E C R E T SECTION 01 OF 01 BAGHDAD 001234');
});

test('raising to a handling level (SBU) is offered but not preferred: whether it is a banner or a caveat depends on the era', () => {
  const [d] = diagnosticsOf(RULE, messaging('SIPDIS'));
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Raise the classification to SENSITIVE BUT UNCLASSIFIED', false]]);
  assert.equal(applied(messaging('SIPDIS'), d.fixes[0]), messaging('SIPDIS').replaceAll('\nUNCLASSIFIED\n', '\nSENSITIVE BUT UNCLASSIFIED\n').replace(/^UNCLASSIFIED/, 'SENSITIVE BUT UNCLASSIFIED'));
});

test('no fix where the direction is unclear: a marking already above the portion, or a level carried by a caveat', () => {
  const draft = (top: string, closing: string) => cable`
    ${top}

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) THE MINISTER SAID THE LAW WOULD PASS.

    CROCKER
    ${closing}
  `;
  const above = diagnosticsOf(RULE, draft('UNCLASSIFIED', 'SECRET'));
  assert.equal(above.length, 1);
  assert.deepEqual(above[0].fixes, []);
  assert.deepEqual(diagnosticsOf('classification-mismatch', draft('UNCLASSIFIED', 'SECRET')).map((d) => d.fixes), [[], []]);
  const caveat = diagnosticsOf(RULE, draft('UNCLASSIFIED//SBU', 'UNCLASSIFIED//SBU'));
  assert.equal(caveat.length, 1);
  assert.deepEqual(caveat[0].fixes, []);
});
