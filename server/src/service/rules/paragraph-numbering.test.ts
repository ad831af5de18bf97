import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'paragraph-numbering';

test('a skip, a repeat and a step backwards are each flagged on the paragraph number, saying what it should be', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (C) HE LISTED THREE CONDITIONS.

    4. (C) THE SPEAKER DISAGREED.

    4. (C) THE KURDS ARE WAITING.

    3. (C) COMMENT: WE DOUBT IT. END COMMENT.

    CROCKER
    CONFIDENTIAL
  `;
  const seen = lintWith(RULE, text);
  assert.deepEqual(seen[0], {
    ruleId: RULE,
    severity: 'warning',
    line: 11,
    column: 1,
    endLine: 11,
    endColumn: 2,
    text: '4',
    message: 'Paragraph numbering skips from 2 to 4: this one should be 3.',
  });
  assert.deepEqual(
    seen.map((s) => [s.line, s.column, s.text, s.message]),
    [
      [11, 1, '4', 'Paragraph numbering skips from 2 to 4: this one should be 3.'],
      [13, 1, '4', 'Paragraph 4 repeats the number of the paragraph before it: this one should be 5.'],
      [15, 1, '3', 'Paragraph 3 goes backwards after paragraph 4: this one should be 5.'],
    ],
  );
});

test('a printed telegram that starts at paragraph 2 and repeats 3, as BRUSSELS 03953 does, is flagged twice; page breaks inside paragraphs are not numbers', () => {
  const text = cable`
    CONFIDENTIAL

    PAGE 01 BRUSSE 03953 081041Z ACTION EUR-01

    INFO LOG-00 AF-01 AID-01 CCO-00 CIAE-00 /054W

    -----3984BC 081042Z /38 O 081037Z APR 94 ZFF4

    FM AMEMBASSY BRUSSELS TO SECSTATE WASHDC NIACT IMMEDIATE 6354

    CONFIDENTIAL BRUSSELS 03953

    E.O. 12356: DECL: OADR CONFIDENTIAL

    CONFIDENTIAL

    PAGE 02 BRUSSE 03953 081041Z TAGS: PGOV, PREL, PHUM, PREF, KDEM, RW, BY, BE SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

    CONFIDENTIAL - ENTIRE TEXT.

    2. THIS IS AN ACTION CABLE. URGENT ACTION REQUESTED IN PARA 4 BELOW.

    3. OFFICIAL IN CABINET OF BELGIAN FONMIN CLAES CALLED EMBASSY: A) TO PROTECT PEOPLE WHO WOULD BE IN DANGER; AND B) TO ASSIST FOREIGN RESIDENTS.

    3. CLAES IS PRESSING FOR THIS CHANGE IN UNAMIR MANDATE.

    4. ACTION REQUESTED: THE BELGIANS WOULD LIKE US TO CONFIDENTIAL

    CONFIDENTIAL

    PAGE 03 BRUSSE 03953 081041Z SUPPORT THIS REQUEST ASAP WITH THE SYG AND AT THE UN.

    5. BUJUMBURA AND KIGALI MINIMIZE CONSIDERED.

    BLINKEN

    CONFIDENTIAL

    NNNN
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [
      [21, 1, 2, '2', 'Paragraph numbering starts at 2: the first numbered paragraph is 1.'],
      [25, 1, 2, '3', 'Paragraph 3 repeats the number of the paragraph before it: this one should be 4.'],
    ],
  );
});

const sectionOne = cable`
  C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 001234

  SIPDIS

  E.O. 12958: DECL: 05/14/2018
  TAGS: PREL, PGOV, IZ
  SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)

  1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

  2. (C) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.

`;

const sectionTwo = (first: number) => cable`
  C O N F I D E N T I A L SECTION 02 OF 02 BAGHDAD 001234

  SIPDIS

  E.O. 12958: DECL: 05/14/2018
  TAGS: PREL, PGOV, IZ
  SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  ${first}. (C) COMMENT: WE DOUBT IT. END COMMENT.

  CROCKER
`;

test('section 2 of a cable carries on the numbering of section 1 in the same file', () => {
  assert.deepEqual(
    lintWith(RULE, sectionOne + sectionTwo(1)).map((s) => [s.line, s.column, s.text, s.message]),
    [[23, 1, '1', 'Paragraph numbering starts at 1: section 2 carries on from section 1, which ended at paragraph 2, so this one should be 3.']],
  );
  assert.deepEqual(lintWith(RULE, sectionOne + sectionTwo(3)), []);
});

test('section 2 on its own is not judged on where its numbering starts', () => {
  assert.deepEqual(lintWith(RULE, sectionTwo(3)), []);
});

test('lettered and numbered subparagraphs out of sequence are flagged on their labels, in the style they are written', () => {
  const text = cable`
    SECRET

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (S) THE MINISTER SAID THE LAW WOULD PASS IF:

    (B) (S) THE LISTS ARE OPEN;
    (C) (S) MINORITIES HAVE SEATS.

    2. (S) HE ADDED:

    (1) THE CENSUS WAITS;
    (3) THE KURDS WAIT.

    CROCKER
    SECRET
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [
      [9, 1, 4, '(B)', 'Subparagraph (B) of paragraph 1 is out of sequence: this one should be (A).'],
      [15, 1, 4, '(3)', 'Subparagraph (3) of paragraph 2 is out of sequence: this one should be (2).'],
    ],
  );
});

test('a letter skipped in an "A." list is flagged, naming the letter that belongs there', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (C) HE LISTED THREE CONDITIONS:

    A. (C) A CENSUS IN KIRKUK;
    B. (C) OPEN LISTS;
    D. (C) SEATS FOR MINORITIES.

    CROCKER
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.message]),
    [[13, 1, 'Subparagraph D of paragraph 2 is out of sequence: this one should be C.']],
  );
});

test('numbered subparagraphs under a letter run on their own, and are named by that letter', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) HE LISTED TWO CONDITIONS:

    A. (C) A CENSUS IN KIRKUK, WITH:
    (1) A NEW REGISTER;
    (3) UN MONITORS;
    B. (C) OPEN LISTS.

    CROCKER
    CONFIDENTIAL
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[11, 1, 4, '(3)', 'Subparagraph (3) of subparagraph A is out of sequence: this one should be (2).']],
  );
});

test('in a messaging-system cable a list before the first number is checked too, and a skipped paragraph is flagged', () => {
  const text = cable`
    UNCLASSIFIED

    MRN: 12 KABUL 1212
    Date/DTG: Feb 20, 2012 / 201406Z FEB 12
    From: AMEMBASSY KABUL
    Action: WASHDC, SECSTATE ROUTINE
    E.O.: 13526
    TAGS: PGOV, PREL, AF
    Subject: Afghan Parliament Opens Spring Session

    The Embassy recommends three steps:

    A) Engage the Speaker before the session opens;
    B) Brief the Upper House on the budget;
    D) Coordinate with ISAF on the security plan.

    1. Parliament opened its spring session on February 19.

    2. The Speaker called for unity:

    (1) on the budget;
    (2) on the electoral law.

    4. The Upper House did not meet.

    Signature: Crocker

    UNCLASSIFIED
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [
      [15, 1, 3, 'D)', 'Subparagraph D) is out of sequence: this one should be C).'],
      [24, 1, 2, '4', 'Paragraph numbering skips from 2 to 4: this one should be 3.'],
    ],
  );
});

test('consecutive numbering, letters restarting in each paragraph, lists inside prose and a number wrapped to a line start are left alone', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) HE LISTED TWO CONDITIONS:

    A. (C) A CENSUS IN KIRKUK, WITH:
    (1) A NEW REGISTER;
    (2) UN MONITORS;
    B. (C) OPEN LISTS.

    2. (C) THE SPEAKER NAMED TWO MORE:

    A. (C) SEATS FOR MINORITIES;
    B. (C) A QUOTA FOR WOMEN.

    3. (C) The commission printed 15
    million ballots and expects to print
    3. million more. It said the vote would be held on schedule: A) in
    Baghdad on January 30; and B) in the provinces a week later.

    CROCKER
    CONFIDENTIAL
  `;
  assert.deepEqual(lintWith(RULE, text), []);
});

test('every finding of a cable offers the same preferred fix, which renumbers the cable and its references', () => {
  const text = cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW
    REF: STATE 56789

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS (PARA 4 BELOW). END SUMMARY.

    2. (C) HE LISTED THREE CONDITIONS:

    A. (C) A CENSUS;
    C. (C) OPEN LISTS.

    4. (C) THE SPEAKER DISAGREED, AS REFTEL PARA 4 FORESAW.

    3. (C) COMMENT: WE DOUBT IT. END COMMENT.

    CROCKER
    CONFIDENTIAL
  `;
  const found = diagnosticsOf(RULE, text);
  assert.equal(found.length, 3);
  const [fix] = found[0].fixes;
  assert.deepEqual(found.map((d) => d.fixes), [[fix], [fix], [fix]]);
  assert.deepEqual([fix.title, fix.preferred], ["Renumber paragraphs 1-4 and their subparagraphs, with the reference to them (1 reference to another cable's paragraph left as it is)", true]);
  const fixed = applied(text, fix);
  assert.deepEqual(fixed.split('\n').slice(7, 17), [
    '1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS (PARA 3 BELOW). END SUMMARY.',
    '',
    '2. (C) HE LISTED THREE CONDITIONS:',
    '',
    'A. (C) A CENSUS;',
    'B. (C) OPEN LISTS.',
    '',
    '3. (C) THE SPEAKER DISAGREED, AS REFTEL PARA 4 FORESAW.',
    '',
    '4. (C) COMMENT: WE DOUBT IT. END COMMENT.',
  ]);
  assert.deepEqual(lintWith(RULE, fixed), []);
  assert.equal(fixAllSettled(text, RULE), fixed);
});

test('fix-all renumbers the sections of a telegram in one sequence', () => {
  const text = sectionOne + sectionTwo(1);
  const fixed = fixAllSettled(text, RULE);
  assert.deepEqual(fixed.match(/^\d+\./gm), ['1.', '2.', '3.']);
  assert.deepEqual(lintWith(RULE, fixed), []);
});

test('renumbering a cable whose quoted text has numbered paragraphs is offered, but not as the preferred fix', () => {
  const text = cable`
    UNCLASSIFIED

    E.O. 12958: N/A
    TAGS: PREL, ID
    SUBJECT: POINTS FOR HOST GOVERNMENTS

    1. Posts are asked to deliver the points in paragraph 2.

    2. BEGIN TEXT:

    1. The United States will continue its relief.

    2. It will share its assessments.

    END TEXT.

    3. For Colombo: posts may add more.

    POWELL
    UNCLASSIFIED
  `;
  const found = diagnosticsOf(RULE, text);
  assert.ok(found.length > 0);
  assert.deepEqual(found[0].fixes.map((f) => [f.title, f.preferred]), [['Renumber paragraphs 1-5 (1 ambiguous reference left as it is)', false]]);
});
