import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from './parser/parse';
import { selectionSpans } from './selection';

test('selection grows from the word to the line, the subparagraph, the paragraph, the cable and the text', () => {
  const text = 'CONFIDENTIAL\nTAGS: PREL\nSUBJECT: TALKS\n\n1. (C) THE TALKS:\nA. OPENED ON MONDAY.\nB. CLOSED ON FRIDAY.\n\nRICE\nCONFIDENTIAL\n';
  const at = text.indexOf('MONDAY') + 2;
  const spans = selectionSpans(parse(text, { assumeCable: true }), at).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, [
    'MONDAY.',
    'A. OPENED ON MONDAY.',
    '1. (C) THE TALKS:\nA. OPENED ON MONDAY.\nB. CLOSED ON FRIDAY.',
    text.slice(0, text.length - 1),
    text,
  ]);
});
