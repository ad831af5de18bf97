import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, applyFix, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';
import { analyze } from '../analyze';

/** A 1994 telegram (OCR of a released copy) whose paragraph 5 is given. */
const telegram = (para5: string) => cable`
  CONFIDENTIAL

  PAGE 03 BRUSSE 03953 081041Z
  O 081037Z APR 94 ZFF4
  FM AMEMBASSY BRUSSELS
  TO SECSTATE WASHDC NIACT IMMEDIATE 6354
  CONFIDENTIAL BRUSSELS 03953
  E.O. 12356: DECL: OADR
  TAGS: PGOV, PREL, PHUM, RW, BE
  SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

  4. ACTION REQUESTED: THE BELGIAN MFA ASKED FOR A RESPONSE ASAP.

  5. ${para5}

  BLINKEN
  CONFIDENTIAL
`;

/** A 2000s draft; `extra` is a line after paragraph 1. */
const draft = (para1: string, extra = '') => cable`
  UNCLASSIFIED

  E.O. 12958: N/A
  TAGS: PREL, PGOV, BE
  SUBJECT: BELGIUM: CLAES ON UNAMIR MANDATE

  1. (U) ${para1}
  ${extra}

  GUTMAN
  UNCLASSIFIED
`;

/** A released messaging-system cable; `body` is its first body line. */
const messaging = (body: string) => cable`
  UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05770206 Date: 08/31/2015

  RELEASE IN FULL

  UNCLASSIFIED

  MRN:            10 BERLIN 1052
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  From:           AMEMBASSY BERLIN
  Action:         WASHDC, SECSTATE IMMEDIATE
  E.O.:           13526
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  ${body}

  Signature:      Murphy
  UNCLASSIFIED
`;

test('the OCR accent of MINIMÍZE is flagged on the letter, and the fix writes the plain letter', () => {
  const text = telegram('BUJUMBURA AND KIGALI MINIMÍZE CONSIDERED.');
  assert.deepEqual(lintWith('non-ascii', text), [
    { ruleId: 'non-ascii', severity: 'warning', line: 14, column: 30, endLine: 14, endColumn: 31, text: 'Í', message: "'Í' (U+00CD) is outside the telegraphic character set: write 'I'." },
  ]);
  const [d] = diagnosticsOf('non-ascii', text);
  assert.deepEqual([d.fixes[0].title, d.fixes[0].preferred], ["Replace with 'I'", true]);
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[13], '5. BUJUMBURA AND KIGALI MINIMIZE CONSIDERED.');
});

test('an emoji is one finding two UTF-16 units wide, and columns after it count both units', () => {
  const text = draft('THE MINISTER 😀 SAID THE CAFÉ WAS CLOSED.');
  assert.deepEqual(lintWith('non-ascii', text), [
    { ruleId: 'non-ascii', severity: 'warning', line: 7, column: 21, endLine: 7, endColumn: 23, text: '😀', message: "'😀' (U+1F600) is outside the telegraphic character set: remove it or spell it out in ASCII." },
    { ruleId: 'non-ascii', severity: 'warning', line: 7, column: 36, endLine: 7, endColumn: 37, text: 'É', message: "'É' (U+00C9) is outside the telegraphic character set: write 'E'." },
  ]);
  const [emoji] = diagnosticsOf('non-ascii', text);
  assert.equal(emoji.fixes[0].title, 'Remove it');
  assert.equal(applyFix(text, emoji.fixes[0]).split('\n')[6], '1. (U) THE MINISTER  SAID THE CAFÉ WAS CLOSED.');
});

test('on CRLF text the carriage returns are not flagged and positions are the same', () => {
  const text = draft('THE MINISTER 😀 SAID THE CAFÉ WAS CLOSED.').replace(/\n/g, '\r\n');
  assert.deepEqual(lintWith('non-ascii', text).map((s) => [s.line, s.column, s.endColumn, s.text]), [
    [7, 21, 23, '😀'],
    [7, 36, 37, 'É'],
  ]);
  const fixes = diagnosticsOf('non-ascii', text);
  assert.equal(applyFix(text, fixes[1].fixes[0]).split('\n')[6], '1. (U) THE MINISTER 😀 SAID THE CAFE WAS CLOSED.\r');
});

test('typographic dashes and quotes in a draft are flagged, each with its ASCII', () => {
  const seen = lintWith('non-ascii', draft('THE MINISTER SAID — AGAIN — “NO”… AND LEFT.'));
  assert.deepEqual(seen.map((s) => [s.column, s.text, s.message]), [
    [26, '—', "'—' (U+2014) is outside the telegraphic character set: write '-'."],
    [34, '—', "'—' (U+2014) is outside the telegraphic character set: write '-'."],
    [36, '“', "'“' (U+201C) is outside the telegraphic character set: write '\"'."],
    [39, '”', "'”' (U+201D) is outside the telegraphic character set: write '\"'."],
    [40, '…', "'…' (U+2026) is outside the telegraphic character set: write '...'."],
  ]);
});

test('applying every fix in a draft leaves plain ASCII', () => {
  const text = draft('THE MINISTER SAID — AGAIN — “NO”… AND LEFT.');
  const all = { title: 'all', edits: diagnosticsOf('non-ascii', text).flatMap((d) => d.fixes[0].edits) };
  assert.equal(applyFix(text, all).split('\n')[6], '1. (U) THE MINISTER SAID - AGAIN - "NO"... AND LEFT.');
});

test('typographic dashes, quotes, bullets and ellipses in a messaging cable are left alone', () => {
  assert.deepEqual(lintWith('non-ascii', messaging('Dealing with a cut of this magnitude is never easy — it was particularly tough – but “campaign teams” … •')), []);
});

test('accented letters in a messaging cable are still flagged, with lower-case replacements', () => {
  const seen = lintWith('non-ascii', messaging('We met the Bürgermeister of Köln.'));
  assert.deepEqual(seen.map((s) => [s.line, s.column, s.text, s.message]), [
    [15, 13, 'ü', "'ü' (U+00FC) is outside the telegraphic character set: write 'u'."],
    [15, 30, 'ö', "'ö' (U+00F6) is outside the telegraphic character set: write 'o'."],
  ]);
});

test('a no-break space and symbols are flagged, with a replacement where there is one', () => {
  assert.deepEqual(lintWith('non-ascii', draft('UNDER § 3 OF THE ACT, ½ OF THE\u00a0FUNDS.')).map((s) => [s.column, s.text, s.message]), [
    [14, '§', "'§' (U+00A7) is outside the telegraphic character set: remove it or spell it out in ASCII."],
    [30, '½', "'½' (U+00BD) is outside the telegraphic character set: write '1/2'."],
    [38, '\u00a0', "'\u00a0' (U+00A0) is outside the telegraphic character set: write ' '."],
  ]);
});

test('a control character is named by its code point and can be removed', () => {
  const text = draft('THE MINISTER SAID\u0007 NO.');
  assert.deepEqual(lintWith('non-ascii', text), [
    { ruleId: 'non-ascii', severity: 'warning', line: 7, column: 25, endLine: 7, endColumn: 26, text: '\u0007', message: 'Control character U+0007 is outside the telegraphic character set: remove it or spell it out in ASCII.' },
  ]);
  assert.equal(applyFix(text, diagnosticsOf('non-ascii', text)[0].fixes[0]).split('\n')[6], '1. (U) THE MINISTER SAID NO.');
});

test('tabs, form feeds and a byte-order mark at the start of the file are left alone', () => {
  assert.deepEqual(lintWith('non-ascii', `\ufeff${draft('THE MINISTER\tSAID NO.', '\f')}`), []);
});

test('release-stamp lines inside a cable are ignored', () => {
  for (const stamp of [
    'REVIEW AUTHORITY: Frédéric Mercier, Senior Reviewer',
    'Sheryl P. Walter Declassified/Released US Department of State EO Systematic Review 20 Mar 2014 —',
    'UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05770206 Date: 08/31/2015 ©',
  ]) {
    assert.deepEqual(lintWith('non-ascii', draft('THE MINISTER SAID NO.', stamp)), [], stamp);
  }
});

test('the allow option lets the characters it names through, and only those', () => {
  const text = draft('THE CAFÉ IN MÜNCHEN AND THE CAFE IN MALMÖ.');
  const seen = lintWith('non-ascii', text, { ruleOptions: { 'non-ascii': { allow: ['É', 'Ü'] } } });
  assert.deepEqual(seen.map((s) => s.text), ['Ö']);
});

test('an allowed string allows each of its characters; an emoji is one character; other values are ignored', () => {
  const text = draft('CAFÉ 😀 MÜNCHEN — MALMÖ.');
  assert.deepEqual(lintWith('non-ascii', text, { ruleOptions: { 'non-ascii': { allow: ['ÉÜ', '😀'] } } }).map((s) => s.text), ['—', 'Ö']);
  assert.deepEqual(lintWith('non-ascii', text, { ruleOptions: { 'non-ascii': { allow: [7, null, 'Ö'] } } }).map((s) => s.text), ['É', '😀', 'Ü', '—']);
  assert.equal(lintWith('non-ascii', text, { ruleOptions: { 'non-ascii': { allow: 'É' } } }).length, 5);
});

test('another rule options object is a change of options: the next analysis does not reuse the findings', () => {
  const text = draft('THE CAFÉ WAS CLOSED.');
  const before = analyze(text, { assumeCable: true, ruleOptions: { 'non-ascii': {} } });
  assert.equal(before.diagnostics.filter((d) => d.ruleId === 'non-ascii').length, 1);
  const after = analyze(text, { assumeCable: true, ruleOptions: { 'non-ascii': { allow: ['É'] } } }, before);
  assert.deepEqual(after.diagnostics.filter((d) => d.ruleId === 'non-ascii'), []);
});

test('a replacement takes the case of the word around it, and a fraction after a digit is spaced from it', () => {
  const text = telegram('THE STRAßE IS 1½ KM FROM THE CAFé; Straße.');
  assert.deepEqual(diagnosticsOf('non-ascii', text).map((d) => d.fixes.map((f) => [f.title, f.preferred])), [
    [["Replace with 'SS'", true]],
    [["Replace with ' 1/2'", true]],
    [["Replace with 'E'", true]],
    [["Replace with 'ss'", true]],
  ]);
  const fixed = fixAllSettled(text, 'non-ascii');
  assert.equal(fixed.split('\n')[13], '5. THE STRASSE IS 1 1/2 KM FROM THE CAFE; Strasse.');
});

test('the copyright sign is offered as (C) but not preferred: OCR makes it of the portion mark too, and (C) marks a paragraph CONFIDENTIAL', () => {
  const text = telegram('© THE MINISTER SPOKE.');
  const [d] = diagnosticsOf('non-ascii', text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [["Replace with '(C)'", false]]);
  assert.equal(applied(text, d.fixes[0]).split('\n')[13], '5. (C) THE MINISTER SPOKE.');
  assert.equal(fixAllSettled(text, 'non-ascii'), text);
});
