import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

/** A printed 1976 Department telegram, as the AAD renders it. */
const state76 = (dtg: string) => cable`
  LIMITED OFFICIAL USE

  PAGE 01 STATE 047321
  ORIGIN EUR-12
  INFO OCT-01 ISO-00 SS-15 /028 R
  DRAFTED BY EUR/WE:JDOBBINS:CB
  APPROVED BY EUR:AAHARTMAN
  --------------------- 012345
  ${dtg}
  FM SECSTATE WASHDC
  TO AMEMBASSY BRUSSELS
  INFO AMEMBASSY PARIS
  LIMITED OFFICIAL USE STATE 047321
  E.O. 11652: N/A
  TAGS: PFOR, BE
  SUBJECT: VISIT OF BELGIAN FOREIGN MINISTER
  1. THE DEPARTMENT WELCOMES THE VISIT OF FOREIGN MINISTER VAN ELSLANDE.
  KISSINGER
  LIMITED OFFICIAL USE
`;

/** A printed 1994 embassy telegram with a page header. */
const brussels94 = (dtg: string, pageTime = '081041Z') => cable`
  CONFIDENTIAL

  PAGE 01 BRUSSE 03953 ${pageTime}
  ACTION EUR-01
  -----3984BC 081042Z /38
  ${dtg}
  FM AMEMBASSY BRUSSELS
  TO SECSTATE WASHDC NIACT IMMEDIATE 6354
  INFO AMEMBASSY KIGALI IMMEDIATE
  CONFIDENTIAL BRUSSELS 03953
  E.O. 12356: DECL: OADR
  TAGS: PGOV, PREL, PHUM, RW, BE
  SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE

  1. CONFIDENTIAL - ENTIRE TEXT.

  BLINKEN
  CONFIDENTIAL
`;

/** A messaging-system cable of 2010-2011 with its field block. */
const messaging = (dateDtg: string) => cable`
  UNCLASSIFIED

  MRN:            11 PORT AU PRINCE 504
  Date/DTG:       ${dateDtg}
  From:           AMEMBASSY PORT AU PRINCE
  Action:         WASHDC, SECSTATE IMMEDIATE
  E.O.:           13526
  TAGS:           PGOV, PREL, KDEM, HA
  Subject:        AMBASSADOR MEETS WITH PRESIDENT-ELECT MARTELLY

  1. (SBU) SUMMARY: President-elect Michel Martelly has organized a transition team.

  Signature:      MERTEN
  UNCLASSIFIED
`;

test('30 FEB 76 is flagged on the day, naming the 29 days of February 1976', () => {
  assert.deepEqual(lintWith('dtg-invalid', state76('R 300937Z FEB 76')), [
    { ruleId: 'dtg-invalid', severity: 'error', line: 9, column: 3, endLine: 9, endColumn: 5, text: '30', message: 'Day 30 does not exist in FEB 1976, which has 29 days.' },
  ]);
});

test('29 FEB is accepted in the leap years 1976 and 2000, and flagged in 1977 and 1900', () => {
  assert.deepEqual(lintWith('dtg-invalid', state76('R 290937Z FEB 76')), []);
  // A two-digit 00 is read as 2000, which is a leap year (1900 was not).
  assert.deepEqual(lintWith('dtg-invalid', state76('R 290937Z FEB 00')), []);
  assert.deepEqual(lintWith('dtg-invalid', state76('R 290937Z FEB 77')).map((s) => [s.text, s.message]), [['29', 'Day 29 does not exist in FEB 1977, which has 28 days.']]);
  assert.deepEqual(lintWith('dtg-invalid', state76('R 290937Z FEB 1900')).map((s) => [s.text, s.message]), [['29', 'Day 29 does not exist in FEB 1900, which has 28 days.']]);
});

test('31 APR is flagged whether the year has two digits or four', () => {
  for (const dtg of ['O 311037Z APR 06', 'O 311037Z APR 2006']) {
    assert.deepEqual(lintWith('dtg-invalid', brussels94(dtg)).map((s) => [s.line, s.column, s.text, s.message]), [[6, 3, '31', 'Day 31 does not exist in APR 2006, which has 30 days.']], dtg);
  }
});

test('hour 24 is flagged on the hour digits', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 082437Z APR 94 ZFF4')), [
    { ruleId: 'dtg-invalid', severity: 'error', line: 6, column: 5, endLine: 6, endColumn: 7, text: '24', message: "Hour 24 is impossible: a DTG's hour is 00-23." },
  ]);
});

test('minute 60 is flagged on the minute digits', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 081060Z APR 94 ZFF4')), [
    { ruleId: 'dtg-invalid', severity: 'error', line: 6, column: 7, endLine: 6, endColumn: 9, text: '60', message: "Minute 60 is impossible: a DTG's minute is 00-59." },
  ]);
});

test('an impossible hour and minute in one DTG are each flagged', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 086061Z APR 94')).map((s) => [s.column, s.text]), [[5, '60'], [7, '61']]);
});

test('QXR is flagged as not a month, listing the twelve', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 081037Z QXR 94')), [
    { ruleId: 'dtg-invalid', severity: 'error', line: 6, column: 11, endLine: 6, endColumn: 14, text: 'QXR', message: "'QXR' is not a month: write JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV or DEC." },
  ]);
});

test('with no month to judge by, only a day above 31 is flagged', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 311037Z QXR 94')).map((s) => s.text), ['QXR']);
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 321037Z QXR 94')).map((s) => [s.text, s.message]), [
    ['32', "Day 32 is impossible: a DTG's first two digits are the day, 01-31."],
    ['QXR', "'QXR' is not a month: write JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV or DEC."],
  ]);
});

test('day 00 is flagged', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 001037Z APR 94')).map((s) => [s.column, s.text, s.message]), [[3, '00', 'Day 00 does not exist in APR 1994, which has 30 days.']]);
});

test('a zone letter other than Z is flagged on the letter, including the OCR 2 for Z', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 081037A APR 94')).map((s) => [s.line, s.column, s.text, s.message]), [
    [6, 9, 'A', "The DTG's zone letter is 'A': cables give the time in Zulu (UTC), written Z."],
  ]);
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 0810372 APR 94')).map((s) => [s.line, s.column, s.text, s.message]), [
    [6, 9, '2', "The DTG's zone letter is '2': cables give the time in Zulu (UTC), written Z."],
  ]);
});

test('a DTG without a zone letter is flagged on its digits', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 081037 APR 94')).map((s) => [s.column, s.text, s.message]), [
    [3, '081037', 'The DTG has no zone letter: cables give the time in Zulu (UTC), written Z after the six digits.'],
  ]);
});

test('a DTG with five digits is flagged for its shape', () => {
  assert.deepEqual(lintWith('dtg-invalid', brussels94('O 08103Z APR 94')).map((s) => [s.column, s.text, s.message]), [
    [3, '08103', "The DTG 'O 08103Z APR 94' has 5 digits before the zone letter: a DTG is DDHHMMZ MON YY, six digits (day, hour, minute) then Z."],
  ]);
});

test('an impossible page header time is flagged on the time', () => {
  for (const [time, col] of [['082541Z', 22], ['320941Z', 22], ['081061Z', 22]] as const) {
    assert.deepEqual(lintWith('dtg-invalid', brussels94('O 081037Z APR 94 ZFF4', time)), [
      { ruleId: 'dtg-invalid', severity: 'error', line: 3, column: col, endLine: 3, endColumn: col + 7, text: time, message: `Page header time ${time} is impossible: it is DDHHMMZ, with day 01-31, hour 00-23 and minute 00-59.` },
    ], time);
  }
});

test('valid DTGs of every era are left alone: routing suffix, dual precedence, four-digit year', () => {
  for (const dtg of ['O 081037Z APR 94 ZFF4', 'P R 012345Z MAY 94', 'R 011500Z JAN 2006', 'Z 312359Z DEC 99', 'O 010000Z JAN 95']) {
    assert.deepEqual(lintWith('dtg-invalid', brussels94(dtg)), [], dtg);
  }
  assert.deepEqual(lintWith('dtg-invalid', state76('R 071729Z JUN 76')), []);
});

test('a messaging Date/DTG whose readable date and DTG agree is left alone', () => {
  assert.deepEqual(lintWith('dtg-invalid', messaging('Apr 07, 2011 / 071322Z APR 11')), []);
});

test("a messaging DTG whose day disagrees with the readable date is flagged on the DTG's digits", () => {
  assert.deepEqual(lintWith('dtg-invalid', messaging('Apr 07, 2011 / 081322Z APR 11')), [
    { ruleId: 'dtg-invalid', severity: 'error', line: 4, column: 32, endLine: 4, endColumn: 38, text: '081322', message: "The DTG's day 08 disagrees with the date beside it (Apr 07, 2011): one of them is wrong." },
  ]);
});

test('a seven-digit OCR DTG in a messaging Date/DTG (the slash read as 1) is flagged for its shape only', () => {
  // As released: "Apr 07, 2011 1071322Z APR 11". The day is not compared, since the digits cannot be read as DDHHMM.
  assert.deepEqual(lintWith('dtg-invalid', messaging('Apr 07, 2011 1071322Z APR 11')), [
    { ruleId: 'dtg-invalid', severity: 'error', line: 4, column: 30, endLine: 4, endColumn: 37, text: '1071322', message: "The DTG '1071322Z APR 11' has 7 digits before the zone letter: a DTG is DDHHMMZ MON YY, six digits (day, hour, minute) then Z." },
  ]);
});

test('a seven-digit messaging DTG ending in the OCR 2 for Z is flagged on that 2', () => {
  assert.deepEqual(lintWith('dtg-invalid', messaging('Apr 07, 2011 / 0713222 APR 11')).map((s) => [s.column, s.text, s.message]), [
    [38, '2', "The DTG's zone letter is '2': cables give the time in Zulu (UTC), written Z."],
  ]);
});

test('certain fixes: Z added where it is missing, the OCR 2 made Z, a month one edit from a single month; a zone letter and an unclear month get none', () => {
  const fixesOf = (dtg: string) => diagnosticsOf('dtg-invalid', brussels94(dtg)).map((d) => d.fixes.map((f) => [f.title, f.preferred]));
  assert.deepEqual(fixesOf('O 081037 APR 94'), [[['Add Z after the time', true]]]);
  assert.deepEqual(fixesOf('O 0810372 APR 94'), [[['Write Z', true]]]);
  assert.deepEqual(fixesOf('O 081037Z JNU 94'), [[['Write JUN', true]]]);
  assert.deepEqual(fixesOf('O 081037A APR 94'), [[]]);
  assert.deepEqual(fixesOf('O 081037Z MAX 94'), [[]]);
  assert.equal(fixAllSettled(brussels94('O 081037 JNU 94'), 'dtg-invalid').split('\n')[5], 'O 081037Z JUN 94');
});
