import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from './analyze';
import { baselineEntries, formatBaseline, newFindings, parseBaseline } from './baseline';

const CABLE = ['CONFIDENTIAL', 'CONFIDENTIAL BRUSSELS 03953', 'E.O. 12356: DECL: OADR', 'TAGS: PREL, XXQQ', 'SUBJECT: VIEWS', '', '2. (C) TEXT.', '', '3. (C) MORE TEXT.', '', 'CONFIDENTIAL', ''].join('\n');

describe('baselines', () => {
  test('recorded findings are not reported again after lines move; a new finding is', () => {
    const before = analyze(CABLE, { assumeCable: true });
    assert.ok(before.diagnostics.length >= 2, before.diagnostics.map((d) => d.ruleId).join());
    const round = parseBaseline(formatBaseline(baselineEntries('a.txt', before.doc, before.diagnostics)));
    assert.ok(round.ok);
    const baseline = round.ok ? round.baseline : { version: 1 as const, entries: [] };

    const moved = analyze(`NOTE FROM THE ARCHIVIST\n\n\n${CABLE}`, { assumeCable: true });
    assert.deepEqual(newFindings('a.txt', moved.doc, moved.diagnostics, baseline), []);

    const worse = analyze(`\n${CABLE.replace('TAGS: PREL, XXQQ', 'TAGS: PREL, XXQQ, YYZZ')}`, { assumeCable: true });
    const fresh = newFindings('a.txt', worse.doc, worse.diagnostics, baseline);
    assert.deepEqual(fresh.map((d) => [d.ruleId, worse.doc.text.slice(d.range.start, d.range.end)]), [['tags-unknown', 'YYZZ']]);
  });

  test('an entry accounts for as many findings as its count, and only in its own file', () => {
    const a = analyze(CABLE, { assumeCable: true });
    const entries = baselineEntries('a.txt', a.doc, a.diagnostics);
    const baseline = { version: 1 as const, entries };
    assert.equal(newFindings('b.txt', a.doc, a.diagnostics, baseline).length, a.diagnostics.length);
    const twice = analyze(CABLE.replace('XXQQ', 'XXQQ, XXQQ'), { assumeCable: true });
    const left = newFindings('a.txt', twice.doc, twice.diagnostics, baseline).filter((d) => d.ruleId === 'tags-unknown');
    assert.equal(left.length, 1);
  });

  test('a file that is not a baseline is refused with a reason', () => {
    assert.deepEqual(parseBaseline('[1, 2]'), { ok: false, reason: 'not a cablewright baseline (expected { "version": 1, "entries": [...] })' });
    assert.equal(parseBaseline('{').ok, false);
  });
});
