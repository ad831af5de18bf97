import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, lintWith } from '../../../../test/support/lintHarness';

/** A 2000s draft: no DTG, so no date to compare a DECL date with. */
const draft = (level: string, eo: string) => cable`
  ${level}

  E.O. ${eo}
  TAGS: PREL, PGOV, KDEM, IZ
  SUBJECT: IRAQ: MINISTER ON ELECTION LAW

  1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS BEFORE THE RECESS. END SUMMARY.

  KHALILZAD
  ${level}
`;

/** A printed Department telegram, dated by its DTG. */
const stateTelegram = (level: string, dtg: string, eo: string) => cable`
  PAGE 01 STATE 133602
  ORIGIN IO-10
  INFO OCT-01 EUR-12 ISO-00 /023 R
  DRAFTED BY IO/CMD:RAPOOLE:CB
  APPROVED BY IO:RDMOREY
  --------------------- 092911
  ${dtg}
  FM SECSTATE WASHDC
  TO AMEMBASSY BONN
  AMEMBASSY BRUSSELS
  INFO AMEMBASSY CANBERRA
  ${level} STATE 133602
  E.O. ${eo}
  TAGS: UN, EGEN
  SUBJECT: CONSULTATIONS ON DEALING WITH REFERENCES TO CERDS
  1. SUMMARY AND INTRODUCTION. WE ARE INCREASINGLY CONCERNED OVER THE RECURRING PROBLEM.
  KISSINGER
  ${level}
`;

const messaging = (level: string, eo: string) => cable`
  ${level}

  MRN:            10 BERLIN 1052
  Date/DTG:       Aug 03, 2010 / 031406Z AUG 10
  From:           AMEMBASSY BERLIN
  Action:         WASHDC, SECSTATE IMMEDIATE
  E.O.:           ${eo}
  TAGS:           AMGT, KCOM, KPAO, GM
  Subject:        PA Germany Restructuring

  As you know, PA Germany has taken a huge budget hit.

  Signature:      Murphy
  ${level}
`;

test('N/A on a CONFIDENTIAL cable is flagged on N/A', () => {
  assert.deepEqual(lintWith('eo-decl', draft('CONFIDENTIAL', '12958: N/A')), [
    {
      ruleId: 'eo-decl', severity: 'warning', line: 3, column: 13, endLine: 3, endColumn: 16, text: 'N/A',
      message: "A CONFIDENTIAL cable needs a declassification instruction, not N/A: e.g. 'DECL: OADR' under E.O. 12356, or 'DECL:' and a date under E.O. 12958 and 13526.",
    },
  ]);
});

test('NA without its slash on a SECRET//NOFORN cable is flagged too', () => {
  assert.deepEqual(lintWith('eo-decl', draft('SECRET//NOFORN', '13526: NA')).map((s) => [s.text, s.message]), [
    ['NA', "A SECRET cable needs a declassification instruction, not N/A: e.g. 'DECL: OADR' under E.O. 12356, or 'DECL:' and a date under E.O. 12958 and 13526."],
  ]);
});

test('a DECL date on an UNCLASSIFIED cable is flagged on the instruction', () => {
  assert.deepEqual(lintWith('eo-decl', draft('UNCLASSIFIED', '12958: DECL: 05/14/2018')), [
    {
      ruleId: 'eo-decl', severity: 'warning', line: 3, column: 13, endLine: 3, endColumn: 29, text: 'DECL: 05/14/2018',
      message: "An UNCLASSIFIED cable takes N/A on its E.O. line, not a declassification instruction ('DECL: 05/14/2018').",
    },
  ]);
});

test('a DECL date on a sensitive-but-unclassified cable is flagged', () => {
  for (const level of ['UNCLASSIFIED//SBU', 'SENSITIVE BUT UNCLASSIFIED']) {
    const seen = lintWith('eo-decl', draft(level, '12958: DECL: 05/14/2018'));
    assert.deepEqual(seen.map((s) => [s.line, s.column, s.text]), [[3, 13, 'DECL: 05/14/2018']], level);
    assert.match(seen[0].message, /SENSITIVE BUT UNCLASSIFIED cable takes N\/A on its E\.O\. line, not a declassification instruction \('DECL: 05\/14\/2018'\)\.$/);
  }
});

test('a DECL instruction in a messaging E.O.: field of an UNCLASSIFIED cable is flagged', () => {
  assert.deepEqual(lintWith('eo-decl', messaging('UNCLASSIFIED', '13526: DECL: 08/03/2020')).map((s) => [s.line, s.column, s.text]), [[7, 24, 'DECL: 08/03/2020']]);
});

test('GDS on a 1970s LIMITED OFFICIAL USE cable is left alone, as are N/A and CONFIDENTIAL with a date', () => {
  // Released LOU cables of the 1970s carry GDS (1975 STATE 133602).
  assert.deepEqual(lintWith('eo-decl', stateTelegram('LIMITED OFFICIAL USE', 'R 071729Z JUN 75', '11652: GDS')), []);
  assert.deepEqual(lintWith('eo-decl', stateTelegram('LIMITED OFFICIAL USE', 'R 071729Z JUN 75', '11652: N/A')), []);
  assert.deepEqual(lintWith('eo-decl', draft('UNCLASSIFIED', '12958: N/A')), []);
  assert.deepEqual(lintWith('eo-decl', draft('CONFIDENTIAL', '12958: DECL: 05/14/2018')), []);
  assert.deepEqual(lintWith('eo-decl', draft('CONFIDENTIAL', '12356: DECL: OADR')), []);
});

test("a DECL date before the cable's DTG is flagged, in either date order", () => {
  for (const decl of ['DECL: 05/14/2004', 'DECL: 2004/05/14']) {
    assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 141523Z MAY 05', `12958: ${decl}`)), [
      {
        ruleId: 'eo-decl', severity: 'warning', line: 13, column: 13, endLine: 13, endColumn: 29, text: decl,
        message: "The declassification date 14 May 2004 is before the cable's own date (14 May 2005): a DECL date lies after the cable.",
      },
    ], decl);
  }
});

test('an E.O. 11652 DECLAS date and an E.O. 12065 GDS date before the cable are flagged', () => {
  assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 071729Z JUN 75', '11652: XGDS1, DECLAS 12-31-74')).map((s) => [s.text, s.message]), [
    ['XGDS1, DECLAS 12-31-74', "The declassification date 31 Dec 1974 is before the cable's own date (7 Jun 1975): a DECL date lies after the cable."],
  ]);
  assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 071729Z JUN 79', '12065: GDS 6/6/79')).map((s) => [s.text, s.message]), [
    ['GDS 6/6/79', "The declassification date 6 Jun 1979 is before the cable's own date (7 Jun 1979): a DECL date lies after the cable."],
  ]);
});

test('a DECL date on or after the cable date is left alone', () => {
  assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 141523Z MAY 05', '12958: DECL: 05/14/2005')), []);
  assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 141523Z MAY 05', '12958: DECL: 05/14/2015')), []);
  assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 071729Z JUN 75', '11652: XGDS1, DECLAS 12-31-84')), []);
  assert.deepEqual(lintWith('eo-decl', stateTelegram('CONFIDENTIAL', 'R 071729Z JUN 79', '12065: GDS 6/7/79')), []);
});

test('a messaging DECL date before the Date/DTG is flagged', () => {
  assert.deepEqual(lintWith('eo-decl', messaging('CONFIDENTIAL', '13526 DECL: 08/03/2009')).map((s) => [s.line, s.column, s.text, s.message]), [
    [7, 23, 'DECL: 08/03/2009', "The declassification date 3 Aug 2009 is before the cable's own date (3 Aug 2010): a DECL date lies after the cable."],
  ]);
});

test('an UNCLASSIFIED cable with a past DECL date gets both findings', () => {
  const seen = lintWith('eo-decl', stateTelegram('UNCLASSIFIED', 'R 141523Z MAY 05', '12958: DECL: 05/14/2004'));
  assert.deepEqual(seen.map((s) => s.text), ['DECL: 05/14/2004', 'DECL: 05/14/2004']);
  assert.match(seen[0].message, /^An UNCLASSIFIED cable takes N\/A/);
  assert.match(seen[1].message, /^The declassification date 14 May 2004 is before/);
});

test('a messaging E.O.: field with the order alone says nothing to judge', () => {
  assert.deepEqual(lintWith('eo-decl', messaging('CONFIDENTIAL', '13526')), []);
  assert.deepEqual(lintWith('eo-decl', messaging('UNCLASSIFIED', '13526')), []);
});
