import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Progress, render } from './progress';

test('the bar shows files done of the total, the rate and the time left, within the width', () => {
  assert.equal(render(250, 1000, 10, 100), `${'\u2588'.repeat(8)}${'\u2591'.repeat(22)}  250/1,000 files  25 files/s  ETA 0:30`);
  assert.equal(render(3, undefined, 2, 100), '3 files  1.5 files/s');
  assert.equal(render(1, 20000, 1, 100), `${'\u2591'.repeat(30)}  1/20,000 files  1.0 files/s  ETA 5:33:19`);
  // Too narrow for a bar: the text alone, cut to the width.
  assert.equal(render(250, 1000, 10, 20), '250/1,000 files  25 ');
});

test('the bar is drawn at most every 100 ms, and hidden before other output and at the end', () => {
  let t = 0;
  let screen = '';
  const p = new Progress({ write: (s) => (screen += s), columns: 60 }, () => t);
  p.update(1, 10);
  t = 50;
  p.update(2, 10);
  assert.equal(screen.split('\r').filter((s) => s.includes('files/s')).length, 1);
  t = 150;
  p.update(3, 10);
  assert.equal(screen.split('\r').filter((s) => s.includes('files/s')).length, 2);
  p.hide();
  assert.ok(screen.endsWith('\r\u001b[K'));
  const before = screen;
  p.hide();
  p.end();
  assert.equal(screen, before, 'nothing to clear twice');
});
