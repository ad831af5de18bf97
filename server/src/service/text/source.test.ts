import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fullText, Rope } from './source';

/** Pieces that make chunk boundaries interesting: line breaks of every kind and the halves of a surrogate pair. */
const piece = fc.constantFrom('A', 'BC', ' ', '\n', '\r', '\r\n', 'x\ny', '😀', '\ud83d', '\ude00', 'é', 'TAGS: PREL\n');
const textArb = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: textArb });

/** Every read a `Source` offers agrees with the string's own, at every offset and a few outside. */
function assertReadsLike(rope: Rope, text: string): void {
  assert.equal(rope.length, text.length);
  for (let i = -2; i <= text.length + 1; i++) {
    assert.equal(rope.charAt(i), text.charAt(i), `charAt(${i})`);
    assert.ok(Object.is(rope.charCodeAt(i), text.charCodeAt(i)), `charCodeAt(${i})`);
    assert.equal(rope.startsWith('\n', i), text.startsWith('\n', i), `startsWith at ${i}`);
  }
  for (let a = -2; a <= text.length + 1; a += 3) for (let b = a - 1; b <= text.length + 2; b += 2) assert.equal(rope.slice(a, b), text.slice(a, b), `slice(${a}, ${b})`);
  assert.equal(rope.slice(), text);
  assert.equal(rope.slice(3), text.slice(3));
  assert.equal(fullText(rope), text);
}

test('a rope reads like the string it was made of, and like the string after any sequence of edits', () => {
  fc.assert(
    fc.property(textArb, fc.array(editArb, { maxLength: 12 }), fc.integer({ min: 1, max: 8 }), (text, edits, chunk) => {
      let rope = Rope.of(text, chunk);
      let plain = text;
      assertReadsLike(rope, plain);
      for (const e of edits) {
        const at = Math.min(plain.length, Math.floor(e.at * (plain.length + 1)));
        const before = rope;
        const was = plain;
        rope = rope.edited(at, at + e.remove, e.insert);
        plain = plain.slice(0, at) + e.insert + plain.slice(at + e.remove);
        assertReadsLike(rope, plain);
        // An edit makes a new rope: the old one still reads as it did.
        assert.equal(before.slice(), was);
      }
    }),
    { numRuns: 300, seed: 20261128, includeErrorInReport: true },
  );
});

test('a rope clamps offsets outside it, as a string does', () => {
  const rope = Rope.of('ab\ncd', 2);
  assert.equal(rope.edited(-5, 1, 'X').toString(), 'Xb\ncd');
  assert.equal(rope.edited(4, 99, 'Y').toString(), 'ab\ncY');
  assert.equal(rope.edited(3, 1, 'Z').toString(), 'ab\nZcd');
  assert.equal(Rope.of('').edited(0, 0, 'new').toString(), 'new');
  assert.equal(Rope.of('').slice(0, 5), '');
});

test('a large rope reads right at an edit and far from it', () => {
  const line = 'THE EMBASSY REPORTS THAT THE MINISTER WILL ATTEND.\n';
  const text = line.repeat(20_000);
  const rope = Rope.of(text);
  const edited = rope.edited(text.length / 2, text.length / 2 + 3, 'XYZW');
  assert.equal(edited.length, text.length + 1);
  assert.equal(edited.slice(0, 100), text.slice(0, 100));
  assert.equal(edited.slice(text.length / 2 - 5, text.length / 2 + 6), `${text.slice(text.length / 2 - 5, text.length / 2)}XYZW${text.slice(text.length / 2 + 3, text.length / 2 + 5)}`);
  // Far from the edit, the text reads as before.
  for (let i = 0; i < 200; i++) assert.equal(edited.slice(i * line.length, (i + 1) * line.length), line);
});
