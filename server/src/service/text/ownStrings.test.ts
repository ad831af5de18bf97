import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownStrings } from './ownStrings';

test('every long string is replaced by an equal one, deeply, in objects and arrays; short strings, numbers and typed arrays are left', () => {
  const text = 'SUBJECT: CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE'.repeat(3);
  const long = text.slice(9, 60);
  const shared = { name: long };
  const value = { subject: long, code: 'PREL', n: 3, list: [long, 'RW', { deep: [long] }], shared, again: shared, starts: new Int32Array([1, 2]) };
  const before = JSON.parse(JSON.stringify({ ...value, starts: [1, 2] }));
  const owned = new WeakSet<object>();
  ownStrings([value], owned);
  assert.deepEqual(JSON.parse(JSON.stringify({ ...value, starts: [...value.starts] })), before);
  assert.equal(value.shared, value.again);
  assert.ok(owned.has(value));
});

test('items already owned are not walked again; frozen objects are left alone', () => {
  const owned = new WeakSet<object>();
  const done = Object.freeze({ s: 'x'.repeat(20) });
  const item = { frozen: Object.freeze({ s: 'y'.repeat(20) }) };
  owned.add(done);
  // A frozen object would throw on assignment (tests run as strict code).
  assert.doesNotThrow(() => ownStrings([done, item], owned));
  assert.ok(owned.has(item));
});

test('cycles end', () => {
  const a: Record<string, unknown> = { s: 'z'.repeat(30) };
  a.self = a;
  ownStrings([a], new WeakSet());
  assert.equal(a.s, 'z'.repeat(30));
});

test('the owned strings no longer keep the text they were cut from alive', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  /** A model of a hundred subject lines cut from a two-byte text of 44 MB (then dropped), owned or not. */
  const model = (own: boolean) => {
    const text = `SUBJECT: ÉTAT ${'X'.repeat(40)}\n`.repeat(400_000) + 'Ā';
    const m = { subjects: Array.from({ length: 100 }, (_, i) => text.slice(i * 55 + 9, i * 55 + 50)) };
    if (own) ownStrings([m], new WeakSet());
    return m;
  };
  const held = (own: boolean) => {
    const before = heap();
    const m = model(own);
    const after = heap();
    assert.equal(m.subjects[7], `ÉTAT ${'X'.repeat(36)}`);
    return after - before;
  };
  assert.ok(held(false) > 40e6, 'the slices did not keep the text: the test no longer shows what it is for');
  assert.ok(held(true) < 1e6, 'the text is still held by the owned strings');
});
