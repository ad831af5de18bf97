import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outline } from './outline';
import { parse } from './parser/parse';

const names = (text: string) => {
  const [cable] = outline(parse(text, { assumeCable: true }));
  const out: string[] = [];
  const walk = (n: typeof cable, depth: number) => {
    out.push(`${'  '.repeat(depth)}${n.name}`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  walk(cable, 0);
  return out;
};

describe('outline', () => {
  test('subparagraphs are named by their label and first words, the label written once', () => {
    const text = ['CONFIDENTIAL', 'SUBJECT: SEATS', '', '1. (C) THE BLOCS AGREED:', '', 'A. KIRKUK: THE ALLIANCE WANTS A DELAY.', '', 'B. (C) MINORITY SEATS ARE SETTLED.', '', '(1) ONE SEAT EACH.', '', 'CONFIDENTIAL', ''].join('\n');
    const got = names(text);
    assert.deepEqual(got.slice(got.indexOf('  1. (C) THE BLOCS AGREED:')), [
      '  1. (C) THE BLOCS AGREED:',
      '    A. KIRKUK: THE ALLIANCE WANTS A DELAY.',
      '    B. (C) MINORITY SEATS ARE SETTLED.',
      '      (1) ONE SEAT EACH.',
    ]);
  });
});
