import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applied, cable, diagnosticsOf, fixAllSettled, lintWith } from '../../../../test/support/lintHarness';

const RULE = 'classification-missing';

test('a draft with no classification line is flagged on its first line, with the level its highest portion mark implies', () => {
  const text = cable`
    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (S) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.

    RICE
  `;
  assert.deepEqual(lintWith(RULE, text), [
    {
      ruleId: RULE,
      severity: 'error',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 29,
      text: 'E.O. 12958: DECL: 05/14/2018',
      message: 'This cable has no classification marking: its highest portion mark makes it SECRET (S), so start it with a line reading SECRET.',
    },
  ]);
});

test('a draft with neither a classification line nor portion marks is told to add an overall classification line', () => {
  const text = cable`
    E.O. 12958: N/A
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. THE MINISTER SAID THE LAW WOULD PASS.

    RICE
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.column, s.text, s.message]),
    [[1, 1, 'E.O. 12958: N/A', 'This cable has no classification marking: start it with a line giving the overall classification (UNCLASSIFIED, CONFIDENTIAL, SECRET...).']],
  );
});

test('a printed telegram that shows no banner and no classified text header is flagged on its page header', () => {
  const text = cable`
    PAGE 01 STATE 133602
    ORIGIN IO-10
    INFO OCT-01 EUR-12 EA-06 ISO-00 /147 R
    DRAFTED BY IO/CMD:RAPOOLE:CB
    APPROVED BY IO:RDMOREY
    --------------------- 092911
    R 071729Z JUN 75
    FM SECSTATE WASHDC
    TO AMEMBASSY BONN
    INFO AMEMBASSY PEKING
    E.O. 11652: GDS
    TAGS: PFOR, UN, EGEN
    SUBJECT: CONSULTATIONS ON DEALING WITH REFERENCES TO CERDS
    1. SUMMARY AND INTRODUCTION. WE ARE INCREASINGLY CONCERNED.
    KISSINGER
    NNNN
  `;
  const seen = lintWith(RULE, text);
  assert.deepEqual(
    seen.map((s) => [s.severity, s.line, s.column, s.endColumn, s.text]),
    [['error', 1, 1, 21, 'PAGE 01 STATE 133602']],
  );
  assert.match(seen[0].message, /^This cable has no classification marking: start it with a line giving the overall classification/);
});

test('a messaging-system cable without its banner is flagged even with a SENSITIVE caption: a caption is not a classification line', () => {
  const text = cable`
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
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.text, s.message]),
    [[1, 'MRN: 10 BERLIN 1052', 'This cable has no classification marking: its highest portion mark makes it SENSITIVE BUT UNCLASSIFIED (SBU), so start it with a line reading SENSITIVE BUT UNCLASSIFIED.']],
  );
});

test('in a file of two cables only the unmarked one is flagged, on its own first line; mixed-case "Secret" in prose is not a marking', () => {
  const text = cable`
    UNCLASSIFIED

    E.O. 12958: N/A
    TAGS: PGOV, KDEM, IZ
    SUBJECT: IRAQ: ELECTION COMMISSION ON BALLOTS

    1. (U) The commission printed 15 million ballots.

    RICE
    UNCLASSIFIED
    NNNN
    E.O. 12958: N/A
    TAGS: PGOV, KDEM, IZ
    SUBJECT: IRAQ: SECRET BALLOT LAW

    1. Secret ballots will be counted at each polling center.

    RICE
  `;
  assert.deepEqual(
    lintWith(RULE, text).map((s) => [s.line, s.text]),
    [[12, 'E.O. 12958: N/A']],
  );
});

test('any printed classification marking satisfies the rule, whatever the layout or OCR damage', () => {
  const marked = {
    'a draft whose first line carries caveats': cable`
      SECRET//NOFORN

      E.O. 12958: DECL: 05/14/2018
      TAGS: PREL, PGOV, IZ
      SUBJECT: IRAQ: MINISTER ON ELECTION LAW

      1. (S/NF) THE MINISTER SAID THE LAW WOULD PASS.

      RICE
      SECRET//NOFORN
    `,
    'a telegram whose only marking is a spaced-letter text header': cable`
      PAGE 01 MOSCOW 02124 141530Z
      ACTION EUR-12
      INFO OCT-01 ISO-00 SS-15 /028 W
      ------------------ 081487 141530Z
      R 141522Z FEB 77
      FM AMEMBASSY MOSCOW
      TO SECSTATE WASHDC 4521
      C O N F I D E N T I A L MOSCOW 2124
      E.O. 11652: GDS
      TAGS: PFOR, UR
      SUBJECT: BREZHNEV SPEECH ON EUROPEAN SECURITY
      1. SOVIET PRESS TODAY CARRIES TASS REPORT ON BREZHNEV SPEECH.
      DUBS
      NNNN
    `,
    'a telegram whose text header OCR ran into the post': cable`
      PAGE 01 KAMPAL 04180 251227Z
      ACTION AF-01
      INFO LOG-00 AID-01 EUR-01 CIAE-00 /041W
      ------------------4AB6A0 251228Z /38
      P 251212Z MAY 94
      FM AMEMBASSY KAMPALA
      TO SECSTATE WASHDC PRIORITY 0433
      CONFIDENTIALKAMPALA 004180
      E.O. 12356: DECL: OADR
      TAGS: PREL, PHUM, RW, UG
      SUBJECT: RWANDAN AMBASSADOR MAKES CONTACT WITH GOR
      2. RWANDAN AMBASSADOR CLAVER KANYARUSHOKI ASKED TO
      MEET WITH THE AMBASSADOR ON MAY 18.
    `,
    'a 1975 telegram marked LIMITED OFFICIAL USE': cable`
      LIMITED OFFICIAL USE
      PAGE 01 STATE 133602
      ORIGIN IO-10
      INFO OCT-01 EUR-12 EA-06 ISO-00 /147 R
      R 071729Z JUN 75
      FM SECSTATE WASHDC
      TO AMEMBASSY BONN
      LIMITED OFFICIAL USE STATE 133602
      E.O. 11652: GDS
      TAGS: PFOR, UN, EGEN
      SUBJECT: CONSULTATIONS ON DEALING WITH REFERENCES TO CERDS
      1. WE ARE INCREASINGLY CONCERNED.
      KISSINGER
      LIMITED OFFICIAL USE
    `,
    'a messaging-system cable with its UNCLASSIFIED banner': cable`
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
  };
  for (const [what, text] of Object.entries(marked)) assert.deepEqual(lintWith(RULE, text), [], what);
});

test('the fix puts the level of the highest portion mark on a line of its own at the top of a draft, and is preferred', () => {
  const text = cable`
    E.O. 12958: DECL: 05/14/2018
    TAGS: PREL, PGOV, IZ
    SUBJECT: IRAQ: MINISTER ON ELECTION LAW

    1. (C) SUMMARY: THE MINISTER SAID THE LAW WOULD PASS. END SUMMARY.

    2. (S) HE ADDED THAT THE KURDS WOULD VOTE FOR IT.

    RICE
  `;
  const [d] = diagnosticsOf(RULE, text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Insert the classification line SECRET', true]]);
  const fixed = applied(text, d.fixes[0]);
  assert.equal(fixed, `SECRET\n\n${text}`);
  assert.deepEqual(lintWith(RULE, fixed), []);
  assert.equal(fixAllSettled(text, RULE), fixed);
});

test('without portion marks the usual levels are offered, none preferred', () => {
  const text = 'E.O. 12958: N/A\r\nTAGS: PREL, PGOV, IZ\r\nSUBJECT: IRAQ: MINISTER ON ELECTION LAW\r\n\r\n1. THE MINISTER SAID THE LAW WOULD PASS.\r\n\r\nRICE\r\n';
  const [d] = diagnosticsOf(RULE, text);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [
    ['Insert the classification line UNCLASSIFIED', false],
    ['Insert the classification line CONFIDENTIAL', false],
    ['Insert the classification line SECRET', false],
  ]);
  // A CRLF file gets CRLF lines.
  assert.ok(applied(text, d.fixes[0]).startsWith('UNCLASSIFIED\r\n\r\nE.O. 12958: N/A\r\n'));
  assert.equal(fixAllSettled(text, RULE), text);
});

test('a messaging-system cable gets its banner above the field block; a printed telegram, which carries its level in banners and its text header, gets no fix', () => {
  const messaging = cable`
    MRN: 10 BERLIN 1052
    Date/DTG: Aug 03, 2010 / 031406Z AUG 10
    From: AMEMBASSY BERLIN
    Action: WASHDC, SECSTATE IMMEDIATE
    E.O.: 13526
    TAGS: AMGT, KCOM, KPAO, GM
    Subject: PA Germany Restructuring

    1. (SBU) PA Germany has taken a huge budget hit.

    Signature: Murphy
  `;
  assert.ok(fixAllSettled(messaging, RULE).startsWith('SENSITIVE BUT UNCLASSIFIED\n\nMRN: 10 BERLIN 1052\n'));
  const telegram = cable`
    PAGE 01 STATE 133602
    R 071729Z JUN 75
    FM SECSTATE WASHDC
    TO AMEMBASSY BONN
    E.O. 11652: GDS
    TAGS: PFOR, UN, EGEN
    SUBJECT: CONSULTATIONS ON DEALING WITH REFERENCES TO CERDS
    1. (C) WE ARE INCREASINGLY CONCERNED.
    KISSINGER
    NNNN
  `;
  assert.deepEqual(diagnosticsOf(RULE, telegram)[0].fixes, []);
});

test('the second of two drafts gets its line where it starts, and it is taken as that cable\'s', () => {
  const text = cable`
    UNCLASSIFIED

    E.O. 12958: N/A
    TAGS: PGOV, KDEM, IZ
    SUBJECT: IRAQ: ELECTION COMMISSION ON BALLOTS

    1. (U) The commission printed 15 million ballots.

    RICE
    E.O. 12958: DECL: 05/14/2018
    TAGS: PGOV, KDEM, IZ
    SUBJECT: IRAQ: SECRET BALLOT LAW

    1. (C) Secret ballots will be counted at each polling center.

    RICE
  `;
  const fixed = fixAllSettled(text, RULE);
  assert.deepEqual(fixed.split('\n').slice(8, 12), ['RICE', 'CONFIDENTIAL', '', 'E.O. 12958: DECL: 05/14/2018']);
  assert.deepEqual(lintWith('classification-mismatch', fixed), []);
});
