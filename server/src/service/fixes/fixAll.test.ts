import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable, fixAllSettled } from '../../../../test/support/lintHarness';
import { fixAll } from './apply';

test('fix-all on a draft with many defects fixes what is certain, once, and leaves the rest to the writer', () => {
  const text = cable`
    CONFIDENTIAL

    O 281460Z APR 06
    FM AMEMBASSY ANKARA
    TO SECSTATE WASHDC IMMEDIATE 1432
    INFO AMEMBASSY ATHENS IMMEDIATE
    AMEMBASSY NICOSSIA IMMEDIATE

    C O N F I D E N T I A L ANKARA 002311

    E.0. 12356: DECL: OADR
    TAGS: cy, PREL,, TU.
    SUBJECT: TURKEY: FOREIGN MINISTRY PREVIEWS TECHNICAL TALKS

    1. (C) SUMMARY: A deputy director general told PolCouns that
    Turkey will attend the talks (see para 4 below). END SUMMARY.

    2. (S) He said the talks would focus on customs procedures.

    4. (C) He handed over the following talking points:
    BEGIN TEXT:
    Turkey remains committed to a settlement under UN auspices.

    5. (C) He wanted to avoid “surprises” before the summer.

    WILSON

    CONFIDENTIAL
  `;
  const fixed = fixAllSettled(text);
  assert.equal(
    fixed,
    cable`
      SECRET

      O 281460Z APR 06
      FM AMEMBASSY ANKARA
      TO SECSTATE WASHDC IMMEDIATE 1432
      INFO AMEMBASSY ATHENS IMMEDIATE
      AMEMBASSY NICOSIA IMMEDIATE

      S E C R E T ANKARA 002311

      E.O. 12958: DECL: OADR
      TAGS: PREL, CY, TU
      SUBJECT: TURKEY: FOREIGN MINISTRY PREVIEWS TECHNICAL TALKS

      1. (C) SUMMARY: A deputy director general told PolCouns that
      Turkey will attend the talks (see para 3 below). END SUMMARY.

      2. (S) He said the talks would focus on customs procedures.

      3. (C) He handed over the following talking points:
      BEGIN TEXT:
      Turkey remains committed to a settlement under UN auspices.
      END TEXT.

      4. (C) He wanted to avoid "surprises" before the summer.

      WILSON

      SECRET
    `,
  );
  // What is left needs the writer: the minute 60 (the DTG's real time is unknown), and OADR under E.O. 12958 in 2006.
  const left = fixAll(fixed, { assumeCable: true }).analysis.diagnostics.map((d) => d.ruleId);
  assert.deepEqual(left, ['dtg-invalid', 'eo-era']);
});
