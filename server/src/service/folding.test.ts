import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { foldingRanges } from './folding';
import { parse } from './parser/parse';

test('a printed telegram folds as a cable, its distribution block, its address list over a page break, and its paragraphs', () => {
  const text = readFileSync(path.join(CABLEWRIGHT_ROOT, 'test/fixtures/real/001-1975STATE133602.txt'), 'utf8');
  const folds = foldingRanges(parse(text)).map((f) => [f.startLine + 1, f.endLine + 1, f.kind]);
  assert.deepEqual(folds, [
    [1, 63, 'region'],
    [3, 17, 'region'],
    [19, 43, 'region'],
    [48, 63, 'region'],
  ]);
});

test('release stamps and email headers around a forwarded cable fold as comments', () => {
  const text = readFileSync(path.join(CABLEWRIGHT_ROOT, 'test/fixtures/real/016-10BERLIN1052.txt'), 'utf8');
  const comments = foldingRanges(parse(text)).filter((f) => f.kind === 'comment').map((f) => [f.startLine + 1, f.endLine + 1]);
  // The stamps of the first page and the email header below them make one wrapper.
  assert.deepEqual(comments.slice(0, 3), [
    [1, 14],
    [30, 35],
    [59, 60],
  ]);
});
