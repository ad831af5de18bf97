import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrayDocument, ArrayWriter } from './jsonArray';

const written = (doc: ReturnType<typeof arrayDocument>, values: unknown[]) => {
  let text = '';
  const w = new ArrayWriter(doc, (s) => (text += s));
  for (const v of values) w.element(doc.element(v));
  w.end();
  return text;
};

const values = [{ a: 1, b: ['x', { c: 'line\nbreak' }] }, 'two', [], { d: null, e: { f: [1, 2] } }];

test('an array written element by element is what JSON.stringify prints for the whole, with and without indentation, deep in a document', () => {
  const wraps = [(a: unknown[]) => a, (a: unknown[]) => ({ $schema: 'x', runs: [{ tool: { rules: [1, 2] }, results: a, after: true }] })];
  for (const wrap of wraps) {
    for (const space of [undefined, 2, 4]) {
      for (let n = 0; n <= values.length; n++) {
        const some = values.slice(0, n);
        assert.equal(written(arrayDocument(wrap, space), some), `${JSON.stringify(wrap(some), null, space)}\n`, `space ${space}, ${n} elements`);
      }
    }
  }
});
