import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, analyzeEdit, outline, settled } from '../service';
import { toSymbols } from './convert';
import { messageJson } from './keptJson';
import { SymbolsCache } from './symbolsCache';

const CABLE = (n: number) => ['CONFIDENTIAL', '', 'FM AMEMBASSY BRUSSELS', 'TO SECSTATE WASHDC 6354', '', 'E.O. 12356: DECL: OADR', 'TAGS: PREL, BE', `SUBJECT: CAFÉ MEETING ${n}`, '', '1. (C) THE MINISTER CALLED.', '', '2. (C) MORE — TEXT.', '', 'CONFIDENTIAL', ''].join('\n');
const TEXT = [CABLE(1), CABLE(2), CABLE(3)].join('\n');

test('symbols of cables an edit left alone are kept; those it changed or moved to other lines are made again', () => {
  const cache = new SymbolsCache();
  const before = analyze(TEXT, {});
  assert.equal(before.doc.cables.length, 3);
  const first = cache.convert(before.doc.lines, before.doc.cables, outline(before.doc));
  assert.deepEqual(first, toSymbols(before.doc.lines, outline(before.doc)));
  // A character typed in the first cable's paragraph: the line count holds; the other two cables are reused.
  const at = TEXT.indexOf('THE MINISTER');
  const typed = settled(analyzeEdit(before, `${TEXT.slice(0, at)}X${TEXT.slice(at)}`, {}, { start: at, oldEnd: at, newEnd: at + 1 }));
  const second = cache.convert(typed.doc.lines, typed.doc.cables, outline(typed.doc));
  assert.deepEqual(second, toSymbols(typed.doc.lines, outline(typed.doc)));
  assert.notEqual(second[0], first[0]);
  assert.equal(second[1], first[1]);
  assert.equal(second[2], first[2]);
  // A line break added in the first cable: the others are reused but on other lines, so their symbols are made again.
  const text = `${TEXT.slice(0, at)}X${TEXT.slice(at)}`;
  const broken = settled(analyzeEdit(typed, `${text.slice(0, at)}\n${text.slice(at)}`, {}, { start: at, oldEnd: at, newEnd: at + 1 }));
  const third = cache.convert(broken.doc.lines, broken.doc.cables, outline(broken.doc));
  assert.deepEqual(third, toSymbols(broken.doc.lines, outline(broken.doc)));
  assert.notEqual(third[2], second[2]);
  // A response carrying them is written from their kept JSON, in ASCII, as JSON.stringify would write it.
  const response = { jsonrpc: '2.0', id: 7, result: third };
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(JSON.parse(messageJson(response)), JSON.parse(JSON.stringify(response)));
    assert.match(messageJson(response), /^[\x20-\x7e]*$/);
  }
});
