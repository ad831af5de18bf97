import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../service';
import { DiagnosticsCache, messageJson } from './keptJson';

const TEXT = ['CONFIDENTIAL', 'TAGS: PREL,, XXXX', 'SUBJECT: CAFÉ 🌋 "QUOTED" \\ BACKSLASH', '', '1. (C) TEXT.', '3. (C) MORE TEXT — AND A DASH.', ''].join('\n');

test('a diagnostics notification is written as JSON.stringify writes it, from each diagnostic kept JSON', () => {
  const a = analyze(TEXT, { assumeCable: true });
  const diagnostics = new DiagnosticsCache().convert(a.doc.lines, a.diagnostics);
  assert.ok(diagnostics.length >= 3);
  const messages = [
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a%20b/c.cable', version: 7, diagnostics } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x.cable', diagnostics } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x.cable', version: 1, diagnostics: [] } },
    { jsonrpc: '2.0', id: 3, result: { items: diagnostics } },
  ];
  for (const m of messages) {
    // Twice: the second time from the kept texts.
    assert.deepEqual(JSON.parse(messageJson(m)), JSON.parse(JSON.stringify(m)));
    assert.deepEqual(JSON.parse(messageJson(m)), m);
    // Written in ASCII: the accents, the emoji (a surrogate pair) and the dash as escapes.
    assert.match(messageJson(m), /^[\x20-\x7e]*$/);
  }
});

test('a finding keeps its LSP diagnostic while its position holds, and gets a new one when an edit moves it', () => {
  const cache = new DiagnosticsCache();
  const before = analyze(TEXT, { assumeCable: true });
  const first = cache.convert(before.doc.lines, before.diagnostics);
  assert.deepEqual(cache.convert(before.doc.lines, before.diagnostics), first);
  for (let i = 0; i < first.length; i++) assert.equal(cache.convert(before.doc.lines, before.diagnostics)[i], first[i]);
  // The same findings over a text whose first line break became a space: same offsets, lines one up.
  const joined = analyze(TEXT.replace('\n', ' '), { assumeCable: true });
  // Their JSON was kept when they were first sent.
  const sent = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: first } };
  messageJson(sent);
  const moved = cache.convert(joined.doc.lines, before.diagnostics);
  const published = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: moved } };
  assert.deepEqual(JSON.parse(messageJson(published)), published);
  for (let i = 0; i < first.length; i++) {
    const d = before.diagnostics[i];
    assert.deepEqual(moved[i].range.start, joined.doc.lines.positionAt(d.range.start));
    assert.deepEqual(moved[i].range.end, joined.doc.lines.positionAt(d.range.end));
    if (first[i].range.start.line > 0) assert.notEqual(moved[i], first[i]);
  }
});
