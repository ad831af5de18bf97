import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cable } from '../../../test/support/lintHarness';
import { complete } from './completion';
import { parse } from './parser/parse';

/** Completions at the `|` in `text`. */
function at(text: string) {
  const offset = text.indexOf('|');
  const doc = parse(text.replace('|', ''), { assumeCable: true });
  return { items: complete(doc, offset), offset };
}

test('after FM, typing part of a designation offers the posts it starts, with country and kind', () => {
  const { items, offset } = at('CONFIDENTIAL\n\nFM AMEMBASSY BRU|\n');
  const b = items.find((i) => i.label === 'AMEMBASSY BRUSSELS');
  assert.ok(b);
  assert.equal(b.detail, 'Belgium · embassy');
  assert.deepEqual(b.range, { start: offset - 'AMEMBASSY BRU'.length, end: offset });
  assert.ok(!items.some((i) => i.label === 'AMEMBASSY PARIS'));
});

test('typing a city offers each of its designations', () => {
  const labels = at('CONFIDENTIAL\n\nTO BRUSS|\n').items.map((i) => i.label);
  for (const d of ['AMEMBASSY BRUSSELS', 'USEU BRUSSELS', 'USMISSION EC BRUSSELS']) assert.ok(labels.includes(d), `${d} in ${labels.join(', ')}`);
});

test('on an address list continued over lines, and in a messaging-system Action: list written place first', () => {
  assert.ok(at('R 071729Z JUN 75\nFM SECSTATE WASHDC\nTO AMEMBASSY BONN\nAMEMBASSY COPEN|\n').items.some((i) => i.label === 'AMEMBASSY COPENHAGEN'));
  const messaging = at('MRN: 11 RABAT 1210\nFrom: AMEMBASSY RABAT\nAction: WASHDC, SECSTATE ROUTINE; LOND|\n').items;
  assert.ok(messaging.some((i) => i.label === 'LONDON, AMEMBASSY' && i.insertText === 'LONDON, AMEMBASSY'));
});

test('after a complete designation and a blank, the precedence words', () => {
  const items = at('CONFIDENTIAL\n\nFM AMEMBASSY BRUSSELS\nTO SECSTATE WASHDC |\n').items;
  assert.deepEqual(items.map((i) => i.label), ['IMMEDIATE', 'PRIORITY', 'ROUTINE', 'NIACT IMMEDIATE', 'FLASH']);
});

test('on the TAGS line, codes of the cable era: CH is China in 1975 and Switzerland in 2022; subject codes sort first', () => {
  const y1975 = at('R 071729Z JUN 75\nFM SECSTATE WASHDC\nTAGS: PFOR, C|\n').items;
  assert.equal(y1975.find((i) => i.label === 'CH')?.detail, 'China (mainland)');
  const y2022 = at('R 071729Z JUN 22\nFM SECSTATE WASHDC\nTAGS: PREL, C|\n').items;
  assert.equal(y2022.find((i) => i.label === 'CH')?.detail, 'Switzerland');
  const sorted = [...y2022].sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(sorted[0].label.length, 4);
  assert.ok(!y2022.some((i) => !i.label.startsWith('C')));
});

test('portion marks after a paragraph number, classification words and field labels at a line start', () => {
  assert.deepEqual(at(cable`
    CONFIDENTIAL
    TAGS: PREL
    SUBJECT: X

    2. (|
  `).items.map((i) => i.label), ['(U)', '(SBU)', '(C)', '(C/NF)', '(S)', '(S/NF)', '(TS)']);
  const start = at('CON|').items;
  assert.ok(start.some((i) => i.label === 'CONFIDENTIAL' && i.kind === 'classification'));
  assert.ok(start.some((i) => i.label === 'TAGS:' && i.insertText === 'TAGS: '));
});

test('E.O. forms of the order in force on the cable date; every order when undated', () => {
  const y1994 = at('CONFIDENTIAL\nO 081037Z APR 94\nFM AMEMBASSY BRUSSELS\nE.O|\n').items;
  assert.deepEqual(y1994.map((i) => i.label), ['E.O. 12356: DECL: OADR', 'E.O. 12356: N/A']);
  const undated = at('CONFIDENTIAL\nE.O. 1|\n').items.map((i) => i.label);
  assert.ok(undated.includes('E.O. 11652: GDS') && undated.includes('E.O. 13526: DECL: 2020/06/30'), undated.join(', '));
});

test('an empty document offers the skeleton of a new cable', () => {
  const snippet = at('|').items.find((i) => i.kind === 'snippet');
  assert.ok(snippet?.snippet);
  assert.match(snippet.insertText, /^\$\{1\|CONFIDENTIAL,UNCLASSIFIED,SECRET\|\}\n\nFM /);
});
