import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endBeforeSpaces, hasLowerCase, isDigits, isSpace, startAfterSpaces } from './chars';

test('isSpace agrees with \\s on every UTF-16 code unit', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('hasLowerCase looks only inside its range', () => {
  assert.equal(hasLowerCase('ABC'), false);
  assert.equal(hasLowerCase('ABc'), true);
  assert.equal(hasLowerCase('aBC', 1), false);
  assert.equal(hasLowerCase('ABc', 0, 2), false);
  assert.equal(hasLowerCase('ÉÀ'), false);
});

test('isDigits is /^\\d{min,max}$/', () => {
  for (const s of ['', '12', '123', '123456', '1234567', '12a', '١٢٣', '12 3']) assert.equal(isDigits(s, 3, 6), /^\d{3,6}$/.test(s), s);
});

test('startAfterSpaces and endBeforeSpaces are what trimStart and trimEnd remove, inside their range', () => {
  for (const s of ['', ' ', 'A', '  A B \t', '\u00a0\u2003X\ufeff', '\r\n X \r\n', 'X  ']) {
    assert.equal(startAfterSpaces(s, 0, s.length), s.length - s.trimStart().length, JSON.stringify(s));
    assert.equal(endBeforeSpaces(s, 0, s.length), s.trimEnd().length, JSON.stringify(s));
  }
  // Nothing outside the range is read.
  assert.equal(startAfterSpaces('   X', 1, 2), 2);
  assert.equal(endBeforeSpaces('X   ', 2, 3), 2);
});
