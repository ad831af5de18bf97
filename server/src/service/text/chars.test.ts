import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasLowerCase, isDigits, isSpace } from './chars';

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
