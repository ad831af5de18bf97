import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const telegram = (fm: string, info: string) => cable`
  CONFIDENTIAL

  PAGE 01 BRUSSE 03953 081041Z
  O 081037Z APR 94 ZFF4
  ${fm}
  TO SECSTATE WASHDC NIACT IMMEDIATE 6354
  ${info}
  CONFIDENTIAL BRUSSELS 03953
  E.O. 12356: DECL: OADR
  TAGS: PGOV, PREL, PHUM, RW, BE
  SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

  1. CONFIDENTIAL - ENTIRE TEXT.

  BLINKEN
  CONFIDENTIAL
`;

const messaging = (from: string, action: string, info: string) => cable`
  UNCLASSIFIED

  MRN:            10 BERLIN 1052
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  From:           ${from}
  Action:         ${action}
  E.O.:           13526
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  Info:           ${info}
  UNCLASSIFIED
`;

test('AMEMBASSY BRSSELS among INFO addressees is flagged on the designation, suggesting BRUSSELS first', () => {
  const text = telegram('FM AMEMBASSY BRUSSELS', 'INFO AMEMBASSY KIGALI IMMEDIATE AMEMBASSY BRSSELS IMMEDIATE');
  const seen = lintWith('post-unknown', text);
  assert.deepEqual(seen.map((s) => [s.ruleId, s.severity, s.line, s.column, s.endLine, s.endColumn, s.text]), [['post-unknown', 'warning', 7, 33, 7, 50, 'AMEMBASSY BRSSELS']]);
  assert.match(seen[0].message, /^'AMEMBASSY BRSSELS' is not a known post: did you mean AMEMBASSY BRUSSELS\b/);
  const [d] = diagnosticsOf('post-unknown', text);
  assert.equal(d.fixes[0].title, 'Replace with AMEMBASSY BRUSSELS');
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[6], 'INFO AMEMBASSY KIGALI IMMEDIATE AMEMBASSY BRUSSELS IMMEDIATE');
});

test('a misspelt originator on the FM line is flagged', () => {
  const text = telegram('FM AMEMBASSY BRSSELS', 'INFO AMEMBASSY KIGALI IMMEDIATE');
  assert.deepEqual(lintWith('post-unknown', text).map((s) => [s.line, s.column, s.text]), [[5, 4, 'AMEMBASSY BRSSELS']]);
  assert.equal(applyFix(text, diagnosticsOf('post-unknown', text)[0].fixes[0]).split('\n')[4], 'FM AMEMBASSY BRUSSELS');
});

test('with a single near post, the message names it and its fix is preferred', () => {
  const text = telegram('FM AMEMBASSY BRUSSELS', 'INFO AMEMBASSY DAR ES SALAM IMMEDIATE USMISSION USUN NEW YORK IMMEDIATE');
  assert.deepEqual(lintWith('post-unknown', text), [
    { ruleId: 'post-unknown', severity: 'warning', line: 7, column: 6, endLine: 7, endColumn: 28, text: 'AMEMBASSY DAR ES SALAM', message: "'AMEMBASSY DAR ES SALAM' is not a known post: did you mean AMEMBASSY DAR ES SALAAM?" },
  ]);
  const [d] = diagnosticsOf('post-unknown', text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Replace with AMEMBASSY DAR ES SALAAM', true]]);
  assert.equal(applyFix(text, d.fixes[0]).split('\n')[6], 'INFO AMEMBASSY DAR ES SALAAM IMMEDIATE USMISSION USUN NEW YORK IMMEDIATE');
});

test('misspelt missions and interests sections are judged as posts', () => {
  const seen = lintWith('post-unknown', telegram('FM AMEMBASSY BRUSSELS', 'INFO USMISSION USNATTO IMMEDIATE USINT HAVANNA IMMEDIATE'));
  assert.deepEqual(seen.map((s) => [s.text, s.message]), [
    ['USMISSION USNATTO', "'USMISSION USNATTO' is not a known post: did you mean USMISSION USNATO?"],
    ['USINT HAVANNA', "'USINT HAVANNA' is not a known post: did you mean USINT HAVANA?"],
  ]);
});

test('an XMT addressee is judged too', () => {
  assert.deepEqual(lintWith('post-unknown', telegram('FM AMEMBASSY BRUSSELS', 'XMT AMEMBASSY BRSSELS')).map((s) => [s.line, s.column, s.text]), [[7, 5, 'AMEMBASSY BRSSELS']]);
});

test('an OCR-garbled post with nothing near it is flagged without a fix', () => {
  const text = telegram('FM AMEMBASSY BRUSSELS', 'INFO AMEMBASSY XQZRKW IMMEDIATE');
  assert.deepEqual(lintWith('post-unknown', text).map((s) => [s.text, s.message]), [
    ['AMEMBASSY XQZRKW', "'AMEMBASSY XQZRKW' is not a known post; check the spelling against the list of posts, or add it to your configuration."],
  ]);
  assert.deepEqual(diagnosticsOf('post-unknown', text)[0].fixes, []);
});

test('the addressees of BRUSSELS 03953, military commands with office suffixes included, are left alone', () => {
  const info = 'INFO AMEMBASSY KIGALI IMMEDIATE AMEMBASSY DAR ES SALAAM IMMEDIATE USMISSION USUN NEW YORK IMMEDIATE JCS WASHDC//J4//J5//IMMEDIATE SECDEF WASHDC//OASD/ISP//IMMEDIATE USEUCOM VAIHINGEN GE//J3/J4//BATTLE STAFF//IMMEDIATE CINCTRANS SCOTT AFB IL//J3/J4//IMMEDIATE HQUSAFE RAMSTEIN AB GE//DC// IMMEDIATE DIA WASHDC IMMEDIATE';
  assert.deepEqual(lintWith('post-unknown', telegram('FM AMEMBASSY BRUSSELS', info)), []);
});

test('collectives are never judged', () => {
  assert.deepEqual(lintWith('post-unknown', telegram('FM AMEMBASSY BRUSSELS', 'INFO ALL AFRICAN DIPLOMATIC POSTS IMMEDIATE EUROPEAN POLITICAL COLLECTIVE IMMEDIATE')), []);
});

test('other kinds of post and the older spellings are known', () => {
  const info = 'INFO AMCONGEN HONG KONG IMMEDIATE USEU BRUSSELS IMMEDIATE AIT TAIPEI IMMEDIATE USLO PEKING IMMEDIATE AMEMBASSY MEXICO IMMEDIATE';
  assert.deepEqual(lintWith('post-unknown', telegram('FM AMEMBASSY BRUSSELS', info)), []);
});

test('messaging place-first addressees such as LONDON, AMEMBASSY are known, and people are never judged', () => {
  assert.deepEqual(lintWith('post-unknown', messaging('AMEMBASSY BERLIN', 'WASHDC, SECSTATE IMMEDIATE; LONDON, AMEMBASSY ROUTINE', 'Mellott, Joseph ROUTINE; McHale, Judith A ROUTINE; FRANKFURT, AMCONSUL ROUTINE')), []);
});

test('military commands and collectives in a messaging Info list are never judged', () => {
  assert.deepEqual(lintWith('post-unknown', messaging('AMEMBASSY BERLIN', 'WASHDC, SECSTATE IMMEDIATE', 'EU MEMBER STATES COLLECTIVE ROUTINE; HQ USAFRICOM STUTTGART GE ROUTINE; Mellott, Joseph ROUTINE')), []);
});

test('a misspelt messaging From: and place-first Action: addressee are flagged where they stand', () => {
  const seen = lintWith('post-unknown', messaging('AMEMBASSY BERLN', 'WASHDC, SECSTATE IMMEDIATE; LONDN, AMEMBASSY ROUTINE', 'Mellott, Joseph ROUTINE'));
  assert.deepEqual(seen.map((s) => [s.line, s.column, s.text]), [[5, 17, 'AMEMBASSY BERLN'], [6, 45, 'LONDN, AMEMBASSY']]);
  assert.match(seen[0].message, /^'AMEMBASSY BERLN' is not a known post: did you mean AMEMBASSY BERLIN\b/);
  assert.match(seen[1].message, /^'AMEMBASSY LONDN' is not a known post: did you mean AMEMBASSY LONDON\b/);
});

test('a lone near post two edits away is offered, but not preferred; fix-all replaces only the certain ones', () => {
  const text = telegram('FM AMEMBASSY BRUSSELS', 'INFO AMEMBASSY NAIROOBBI IMMEDIATE AMEMBASSY KIGALLI IMMEDIATE');
  assert.deepEqual(diagnosticsOf('post-unknown', text).map((d) => d.fixes.map((f) => [f.title, f.preferred])), [
    [['Replace with AMEMBASSY NAIROBI', false]],
    [['Replace with AMEMBASSY KIGALI', true]],
  ]);
  assert.equal(fixAllSettled(text, 'post-unknown').split('\n')[6], 'INFO AMEMBASSY NAIROOBBI IMMEDIATE AMEMBASSY KIGALI IMMEDIATE');
});

test('a place-first designation is replaced in the same form', () => {
  const text = messaging('AMEMBASSY BERLIN', 'WASHDC, SECSTATE IMMEDIATE', 'LAGS, AMEMBASSY ROUTINE');
  const [d] = diagnosticsOf('post-unknown', text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Replace with LAGOS, AMEMBASSY', true]]);
  assert.match(fixAllSettled(text, 'post-unknown'), /^Info: {11}LAGOS, AMEMBASSY ROUTINE$/m);
});
