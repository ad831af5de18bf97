import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'block-unbalanced';

const draft = (...paragraphs: string[]) =>
  cable`
    CONFIDENTIAL

    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  ` +
  paragraphs.map((p) => `${p}\n\n`).join('') +
  cable`
    CROCKER
    CONFIDENTIAL
  `;

test('BEGIN SUMMARY without END SUMMARY is flagged on BEGIN SUMMARY', () => {
  const text = draft('1. (C) BEGIN SUMMARY. THE MINISTER SAID THE LAW WOULD PASS.', '2. (C) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.');
  assert.deepEqual(lintWith(RULE, text), [
    {
      ruleId: RULE,
      severity: 'warning',
      line: 7,
      column: 8,
      endLine: 7,
      endColumn: 21,
      text: 'BEGIN SUMMARY',
      message: 'BEGIN SUMMARY is never closed: add END SUMMARY where the summary ends.',
    },
  ]);
});

test('an implicit "SUMMARY:" opening needs no END SUMMARY, in capitals or mixed case', () => {
  assert.deepEqual(lintWith(RULE, draft('1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS.', '2. (C) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.')), []);
  assert.deepEqual(lintWith(RULE, draft('1. (C) Summary: The minister said the law would pass. End Summary.')), []);
  assert.deepEqual(lintWith(RULE, draft('1. (C) FOLLOWING IS THE MINISTER\'S LETTER. TEXT FOLLOWS:', 'MR. AMBASSADOR, I HAVE THE HONOR TO REFER TO THE ELECTION LAW.')), []);
});

test('END SUMMARY and END TEXT with no opening before them are flagged where they stand', () => {
  const text = draft('1. (C) THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.', '2. (C) HE READ FROM THE DRAFT LAW. END TEXT.');
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [
      [7, 46, 57, 'END SUMMARY', 'END SUMMARY has no BEGIN SUMMARY before it: open the block with BEGIN SUMMARY, or remove this line\'s END SUMMARY.'],
      [9, 36, 44, 'END TEXT', 'END TEXT has no BEGIN TEXT before it: open the block with BEGIN TEXT, or remove this line\'s END TEXT.'],
    ],
  );
});

test('BEGIN COMMENT never closed and END COMMENT never opened are flagged; a pair across paragraphs is balanced', () => {
  assert.deepEqual(
    lintWith(RULE, draft('1. (C) BEGIN COMMENT: THE KURDS ARE WAITING.')).map((s) => [s.line, s.column, s.text, s.message]),
    [[7, 8, 'BEGIN COMMENT', 'BEGIN COMMENT is never closed: add END COMMENT where the comment ends.']],
  );
  assert.deepEqual(
    lintWith(RULE, draft('1. (C) THE SPEAKER DISAGREED. END COMMENT.')).map((s) => [s.line, s.column, s.text, s.message]),
    [[7, 31, 'END COMMENT', "END COMMENT has no BEGIN COMMENT before it: open the block with BEGIN COMMENT, or remove this line's END COMMENT."]],
  );
  assert.deepEqual(lintWith(RULE, draft('1. (C) BEGIN COMMENT: THE KURDS ARE WAITING.', '2. (C) THE SPEAKER DISAGREED. END COMMENT.')), []);
});

test('QUOTE without UNQUOTE and UNQUOTE without QUOTE are flagged, naming the quotation', () => {
  const open = draft('1. (C) THE MINISTER READ FROM THE DRAFT: QUOTE THE ELECTIONS SHALL BE HELD ON', 'JANUARY 30.');
  assert.deepEqual(
    lintWith(RULE, open).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[7, 42, 47, 'QUOTE', 'QUOTE is never closed: add UNQUOTE where the quotation ends.']],
  );
  const close = draft('1. (C) THE MINISTER READ FROM THE DRAFT: THE ELECTIONS SHALL BE HELD ON JANUARY 30 UNQUOTE.');
  assert.deepEqual(
    lintWith(RULE, close).map((s) => [s.line, s.column, s.endColumn, s.text, s.message]),
    [[7, 84, 91, 'UNQUOTE', 'UNQUOTE has no QUOTE before it: open the block with QUOTE, or remove this line\'s UNQUOTE.']],
  );
});

test('of two BEGIN TEXTs closed by one END TEXT, the earlier one is reported as never closed', () => {
  const text = draft('1. (C) BEGIN TEXT: THE FIRST DRAFT.', '2. (C) BEGIN TEXT: THE SECOND DRAFT. END TEXT.');
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text]),
    [[7, 8, 'BEGIN TEXT']],
  );
});

test('in a printed telegram a block may close on the next page, and quotations nest inside quoted text', () => {
  const text = cable`
    UNCLASSIFIED

    PAGE 01 STATE 095768
    ORIGIN IO-10
    INFO OCT-01 ISO-00 /011 R
    DRAFTED BY IO/UNP:JSMITH
    APPROVED BY IO:RDMOREY
    --------------------- 092911
    O 231501Z APR 75
    FM SECSTATE WASHDC
    TO USMISSION USUN NEW YORK IMMEDIATE
    UNCLAS STATE 095768
    E.O. 11652: N/A
    TAGS: PFOR, UN
    SUBJECT: DRAFT RESOLUTION ON CERDS
    1. FOLLOWING IS TEXT OF DRAFT RESOLUTION TABLED APRIL 22. BEGIN TEXT:
    THE GENERAL ASSEMBLY, QUOTE RECALLING ITS RESOLUTION 3281 UNQUOTE,
    UNCLASSIFIED

    UNCLASSIFIED

    PAGE 02 STATE 095768
    DECIDES TO CONSIDER THE QUESTION AT ITS THIRTIETH SESSION. END TEXT.
    2. BEGIN TEXT: SECOND DRAFT FOLLOWS.
    3. MISSION SHOULD OPPOSE ANY REFERENCE TO CERDS. END OF TEXT.
    KISSINGER
    UNCLASSIFIED
    NNNN
  `;
  assert.deepEqual(lintWith(RULE, text), []);
  const unclosed = text.replace('END OF TEXT.', 'END.');
  assert.deepEqual(
    lintWith(RULE, unclosed).map((s) => [s.line, s.column, s.text, s.message]),
    [[24, 4, 'BEGIN TEXT', 'BEGIN TEXT is never closed: add END TEXT where the text ends.']],
  );
});

test('in a messaging-system cable mixed-case "Begin text" is a block opening like BEGIN TEXT', () => {
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

    2. (SBU) The MOI statement reads in full. Begin text: The Ministry of the Interior announces the
    provisional results of the legislative elections of November 25.

    Signature: Kaplan

    UNCLASSIFIED
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text, s.message]),
    [[14, 43, 'Begin text', 'BEGIN TEXT is never closed: add END TEXT where the text ends.']],
  );
  assert.deepEqual(lintWith(RULE, text.replace('November 25.', 'November 25. End text.')), []);
});

test('the fix closes the block at the end of the paragraph where it began', () => {
  const text = draft('1. (C) BEGIN SUMMARY. THE MINISTER SAID THE LAW WOULD PASS.', '2. (C) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.');
  const [d] = diagnosticsOf(RULE, text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Insert END SUMMARY. at the end of paragraph 1', true]]);
  const fixed = applied(text, d.fixes[0]);
  assert.equal(fixed.split('\n')[6], '1. (C) BEGIN SUMMARY. THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.');
  assert.deepEqual(lintWith(RULE, fixed), []);
  assert.equal(fixAllSettled(text, RULE), fixed);
});

test('an opening on a line of its own is closed on a line of its own', () => {
  const text = draft("1. (C) THE MINISTRY'S NOTE READS:\nBEGIN TEXT\nTHE GOVERNMENT WILL PRESENT THE LAW ON MONDAY.", '2. (C) WE WILL REPORT THE VOTE.');
  const fixed = fixAllSettled(text, RULE);
  assert.deepEqual(fixed.split('\n').slice(7, 11), ['BEGIN TEXT', 'THE GOVERNMENT WILL PRESENT THE LAW ON MONDAY.', 'END TEXT.', '']);
});

test('blocks left open in one paragraph share one fix that closes them innermost first', () => {
  const text = draft('1. (C) THE NOTE READS: BEGIN TEXT THE MINISTER SAID QUOTE WE WILL WIN. THE VOTE IS MONDAY.', '2. (C) WE WILL REPORT THE VOTE.');
  const found = diagnosticsOf(RULE, text);
  assert.equal(found.length, 2);
  assert.deepEqual(found[0].fixes, found[1].fixes);
  assert.equal(found[0].fixes[0].title, 'Insert UNQUOTE END TEXT. at the end of paragraph 1');
  assert.equal(fixAllSettled(text, RULE).split('\n')[6], '1. (C) THE NOTE READS: BEGIN TEXT THE MINISTER SAID QUOTE WE WILL WIN. THE VOTE IS MONDAY. UNQUOTE END TEXT.');
});

test('no fix when the opening ends its paragraph, and no preferred one when the numbering starts again after it', () => {
  const ends = draft('1. (C) THE NOTE READS: BEGIN TEXT:', '2. (C) THE GOVERNMENT WILL ACT.');
  assert.deepEqual(diagnosticsOf(RULE, ends).map((d) => d.fixes), [[]]);
  const restarts = draft('2. (C) THE NOTE READS: BEGIN TEXT: THE GOVERNMENT SAYS:', '1. IT WILL ACT.', '2. IT WILL ACT SOON.');
  assert.deepEqual(diagnosticsOf(RULE, restarts).map((d) => d.fixes.map((f) => [f.title, f.preferred])), [[['Insert END TEXT. at the end of paragraph 2', false]]]);
  assert.equal(fixAllSettled(restarts, RULE), restarts);
});
