import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from './analyze';
import { hover } from './hover';

const SAMPLE = readFileSync(path.join(CABLEWRIGHT_ROOT, 'samples/released-1994-brussels-03953.txt'), 'utf8');

function over(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const { doc, diagnostics } = analyze(text, { assumeCable: true });
  const h = hover(doc, at + 1, { diagnostics });
  return { h, text: h ? text.slice(h.range.start, h.range.end) : '' };
}

test('a DTG is decoded to a weekday, date and UTC time, with its precedence prosign', () => {
  const { h, text } = over(SAMPLE, '081037Z APR 94');
  assert.equal(text, 'O 081037Z APR 94 ZFF4');
  assert.equal(h?.markdown, 'Date-time group **O 081037Z APR 94 ZFF4**: Friday 8 April 1994, 10:37 UTC. Precedence: O (IMMEDIATE).');
});

test("a TAGS code is explained in the cable's era, with its meaning in other eras", () => {
  const { h, text } = over(SAMPLE, ' BY,');
  assert.equal(text, 'BY');
  assert.match(h!.markdown, /^\*\*BY\*\* in this cable's era \(FIPS 10-4 country codes \(cables of 3 Oct 1990 to 2012\)\):\n- Burundi \(geographic, 1974-handbook table\)\n\nIn other eras:\n- Belarus \(geographic, current-genc table\)$/);
});

test("a post designation gives the post's kind, country and page-header name", () => {
  const { h, text } = over(SAMPLE, 'AMEMBASSY KIGALI');
  assert.equal(text, 'AMEMBASSY KIGALI');
  assert.match(h!.markdown, /^\*\*AMEMBASSY KIGALI\*\*: embassy · Rwanda \(RW\) · page headers: KIGALI/);
});

test('the E.O. line explains the order and its value', () => {
  const { h } = over(SAMPLE, 'E.O. 12356');
  assert.match(h!.markdown, /^\*\*E.O. 12356\*\* \(in force 1982-08-01 to 1995-10-13\)\. DECL: OADR = Originating Agency's Determination Required/);
});

test('a flagged spot explains the rule and links its documentation', () => {
  const { h } = over(SAMPLE, 'MÍZE');
  assert.match(h!.markdown, /\*\*non-ascii\*\* \(warning by default\): Characters outside the telegraphic character set.*\[Documentation\]\(https:\/\/github\.com\/cablewright\/cablewright#non-ascii\)/);
});

test('a portion mark names its level; prose has no hover', () => {
  const text = 'SECRET\nTAGS: PREL\nSUBJECT: X\n\n1. (S/NF) TEXT OF THE PARAGRAPH.\nSECRET\n';
  assert.equal(over(text, '(S/NF)').h?.markdown, 'Portion mark **(S/NF)**: this portion is SECRET, NF.');
  assert.equal(over(text, 'OF THE').h, undefined);
});
