/**
 * The language server over stdio, as an editor talks to it: the bundled
 * server in a child process, open and edit documents, and what comes back.
 * Positions are LSP's: zero-based lines, UTF-16 characters.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { LspClient } from './support/lspClient';

const SAMPLE = readFileSync(path.join(CABLEWRIGHT_ROOT, 'samples/released-1994-brussels-03953.txt'), 'utf8');

const DRAFT = [
  'CONFIDENTIAL',
  '',
  'FM AMEMBASSY BRUSSELS',
  'TO SECSTATE WASHDC IMMEDIATE 6354',
  '',
  'E.O. 12356: DECL: OADR',
  'TAGS: PREL,, PGOV, BE',
  'SUBJECT: BELGIAN VIEWS ON UNAMIR',
  '',
  '1. (C) THE MINISTER CALLED ABOUT THE CAFÉ 🌋 MEETING.',
  '',
  'CONFIDENTIAL',
  '',
].join('\r\n');

describe('the language server over stdio', () => {
  const client = new LspClient();
  let caps: Record<string, unknown>;
  before(async () => {
    caps = (await client.initialize({ debounceMs: 0 })).capabilities;
  });
  after(() => client.stop());

  test('it announces incremental sync and every feature', () => {
    assert.deepEqual((caps.textDocumentSync as { change: number }).change, 2);
    for (const k of ['completionProvider', 'hoverProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'semanticTokensProvider', 'codeActionProvider', 'diagnosticProvider']) {
      assert.ok(caps[k], k);
    }
  });

  test('opening a cable publishes its diagnostics with code, source, documentation link and UTF-16 positions', async () => {
    const uri = 'file:///draft.cable';
    const waiting = client.nextDiagnostics(uri, 1);
    await client.open(uri, DRAFT);
    const { diagnostics } = await waiting;
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code);
    assert.deepEqual(byCode('tags-malformed')[0].range, { start: { line: 6, character: 11 }, end: { line: 6, character: 12 } });
    assert.equal(byCode('tags-malformed')[0].source, 'cablewright');
    assert.match(byCode('tags-malformed')[0].codeDescription!.href, /#tags-malformed$/);
    // 'É' is one UTF-16 unit; the volcano emoji is two (a surrogate pair).
    const accents = byCode('non-ascii').map((d) => [d.range.start.character, d.range.end.character]);
    assert.deepEqual(accents, [
      [40, 41],
      [42, 44],
    ]);
  });

  test('an incremental edit re-publishes for the new version; fixing the TAGS line clears that finding', async () => {
    const uri = 'file:///draft.cable';
    const waiting = client.nextDiagnostics(uri, 2);
    await client.change(uri, 2, [{ range: { start: { line: 6, character: 11 }, end: { line: 6, character: 12 } }, text: '' }]);
    const { diagnostics } = await waiting;
    assert.deepEqual(diagnostics.filter((d) => d.code === 'tags-malformed'), []);
    assert.equal(diagnostics.filter((d) => d.code === 'non-ascii').length, 2);
  });

  test('completion after FM AMEMBASSY BRU offers AMEMBASSY BRUSSELS, with its country and kind', async () => {
    const uri = 'file:///complete.cable';
    const text = 'CONFIDENTIAL\n\nFM AMEMBASSY BRU\n';
    await client.open(uri, text);
    const items = await client.request<{ label: string; detail: string; textEdit: { range: unknown; newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 16 } });
    const hit = items.find((i) => i.label === 'AMEMBASSY BRUSSELS');
    assert.ok(hit, items.map((i) => i.label).join(', '));
    assert.equal(hit.detail, 'Belgium · embassy');
    assert.deepEqual(hit.textEdit.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 16 } });
  });

  test('completion on the TAGS line offers codes of the cable era, subject codes first', async () => {
    const uri = 'file:///tags.cable';
    await client.open(uri, 'CONFIDENTIAL\nR 071729Z JUN 75\nFM SECSTATE WASHDC\nTAGS: PFOR, C\n');
    const items = await client.request<{ label: string; detail: string; sortText: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 13 } });
    const ch = items.find((i) => i.label === 'CH');
    assert.equal(ch?.detail, 'China (mainland)');
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.ok(sorted[0].label.length === 4, `first offered: ${sorted[0].label}`);
  });

  test('hover on a DTG decodes it; on a TAGS code explains it in the era; on a post gives its country', async () => {
    const uri = 'file:///sample.txt';
    await client.open(uri, SAMPLE);
    const at = async (line: number, character: number) => (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }))?.contents.value ?? '';
    assert.match(await at(12, 30), /Friday 8 April 1994, 10:37 UTC/);
    assert.match(await at(22, 70), /\*\*BY\*\* in this cable's era .*\n- Burundi/);
    assert.match(await at(14, 8), /embassy · Belgium \(BE\)/);
  });

  test('document symbols: the cable named by its subject, with its paragraphs', async () => {
    const uri = 'file:///sample.txt';
    const symbols = await client.request<{ name: string; detail: string; children: { name: string; range: { start: { line: number } } }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT');
    assert.equal(symbols[0].detail, 'CONFIDENTIAL · 8 Apr 1994 · BRUSSELS 03953');
    const paras = symbols[0].children.filter((c) => /^\d+\./.test(c.name)).map((c) => [c.name.split(' ')[0], c.range.start.line]);
    assert.deepEqual(paras, [['2.', 28], ['3.', 30], ['3.', 32], ['4.', 34], ['5.', 40]]);
  });

  test('folding ranges hold the cable and its multi-line paragraph', async () => {
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: 'file:///sample.txt' } });
    assert.ok(folds.some((f) => f.startLine === 6 && f.endLine === 46), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === 34 && f.endLine === 38), JSON.stringify(folds));
  });

  test('semantic tokens mark the DTG and colour classification words by level', async () => {
    const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///sample.txt' } });
    const tokens: { line: number; char: number; length: number; type: string; mods: string[] }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push({ line, char, length: data[i + 2], type: legend.tokenTypes[data[i + 3]], mods: legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b)) });
    }
    assert.deepEqual(tokens.find((t) => t.line === 6), { line: 6, char: 0, length: 12, type: 'classification', mods: ['confidential'] });
    assert.deepEqual(tokens.find((t) => t.type === 'dtg'), { line: 12, char: 26, length: 14, type: 'dtg', mods: [] });
  });

  test('a quick fix normalises the TAGS line with the doubled comma', async () => {
    const uri = 'file:///fix.cable';
    const waiting = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'CONFIDENTIAL\nE.O. 12356: DECL: OADR\nTAGS: PREL,, BE\nSUBJECT: X\n1. (C) TEXT.\nCONFIDENTIAL\n');
    const { diagnostics } = await waiting;
    const d = diagnostics.find((x) => x.code === 'tags-malformed')!;
    const actions = await client.request<{ title: string; isPreferred: boolean; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Normalise the TAGS line', true]]);
    assert.deepEqual(actions[0].edit.changes[uri], [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 15 } }, newText: 'PREL, BE' }]);
  });

  test('fix all problems of one kind, and source.fixAll, edit the whole document', async () => {
    const uri = 'file:///fixall.txt';
    const cable = (n: number) => `CONFIDENTIAL\nE.0. 12356: DECL: OADR\nTAGS: PREL,, BE\nSUBJECT: CABLE ${n}\n\n1. (C) TEXT.\n\nCONFIDENTIAL\nNNNN\n`;
    const text = `${cable(1)}\n${cable(2)}`;
    const waiting = client.nextDiagnostics(uri, 1);
    await client.open(uri, text);
    const { diagnostics } = await waiting;
    const eo = diagnostics.find((x) => x.code === 'eo-malformed')!;
    type Action = { title: string; kind: string; edit?: { changes: Record<string, LspEdit[]> } };
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: eo.range, context: { diagnostics: [eo] } });
    const all = actions.find((a) => a.title === "Fix all 2 'eo-malformed' problems in this document")!;
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(all.kind, 'quickfix');
    assert.equal(applyLspEdits(text, all.edit!.changes[uri]), text.replaceAll('E.0.', 'E.O.'));
    const source = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: eo.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.cablewright']);
    const fixed = applyLspEdits(text, source[0].edit!.changes[uri]);
    assert.equal(fixed, text.replaceAll('E.0.', 'E.O.').replaceAll('PREL,, BE', 'PREL, BE'));
  });

  test('the Renumber paragraphs command asks the editor to apply the renumbering, with the references to the paragraphs', async () => {
    const uri = 'file:///renumber.cable';
    const text = ['CONFIDENTIAL', 'SUBJECT: X', '', '1. (C) FIRST; SEE PARA 4 BELOW.', '', '3. (C) SECOND.', '', '4. (C) THIRD.', '', 'CONFIDENTIAL', ''].join('\n');
    await client.open(uri, text);
    const result = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: 'cablewright.server.renumberParagraphs', arguments: [uri, { line: 5, character: 0 }] });
    assert.equal(result.applied, true, result.message);
    const request = client.appliedEdits.at(-1) as { label: string; edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: LspEdit[] }[] } };
    assert.deepEqual(request.edit.documentChanges[0].textDocument, { uri, version: 1 });
    assert.equal(applyLspEdits(text, request.edit.documentChanges[0].edits), text.replace('PARA 4 BELOW', 'PARA 3 BELOW').replace('3. (C) SECOND', '2. (C) SECOND').replace('4. (C) THIRD', '3. (C) THIRD'));
    await client.change(uri, 2, [{ text: applyLspEdits(text, request.edit.documentChanges[0].edits) }]);
    const again = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: 'cablewright.server.renumberParagraphs', arguments: [uri, { line: 5, character: 0 }] });
    assert.deepEqual(again, { applied: false, message: 'The paragraphs are already numbered in sequence.' });
  });

  test('the classification of the cable under the cursor (for the status bar)', async () => {
    type At = { record: { classification: string; subject: string }; banner: string } | null;
    const at = (line: number) => client.request<At>('cablewright/cableAt', { textDocument: { uri: 'file:///sample.txt' }, position: { line, character: 5 } });
    const inside = await at(30);
    assert.equal(inside?.record.classification, 'CONFIDENTIAL');
    assert.equal(inside?.banner, 'CONFIDENTIAL');
    // The FOIA case stamp on the first line is the release's, not the cable's.
    assert.equal(await at(0), null);
  });

  test('pull diagnostics answer for the current version', async () => {
    const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///sample.txt' } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code).sort(), ['non-ascii', 'paragraph-numbering', 'paragraph-numbering']);
  });

  test('after each of a run of edits to a file of several cables, diagnostics and symbols are those of the same text opened afresh', async () => {
    const uri = 'file:///several.txt';
    const lines = [SAMPLE, DRAFT, SAMPLE, DRAFT].join('\n').split(/\r\n|\r|\n/);
    const symbols = (u: string) => client.request('textDocument/documentSymbol', { textDocument: { uri: u } });
    await client.open(uri, lines.join('\n'));
    // Once asked for, the outline is kept up to date with every version: ask before editing.
    await symbols(uri);
    // Typing in the second cable, deleting a line of the third, splitting the first in two, pasting a cable at the
    // end, and joining two lines with a space in place of the line break: every offset stays, the lines below move
    // up (the server keeps each finding's LSP form while its position holds, and must see that it does not).
    const pos = (line: number, character: number) => ({ line, character });
    const joinLine = (text: string, line: number) => ({ range: { start: pos(line, text.split('\n')[line].length), end: pos(line + 1, 0) }, text: ' ' });
    const edits: ((text: string) => { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string })[] = [
      () => ({ range: { start: pos(60, 0), end: pos(60, 0) }, text: 'X' }),
      () => ({ range: { start: pos(60, 1), end: pos(60, 1) }, text: 'Y\n' }),
      () => ({ range: { start: pos(80, 0), end: pos(81, 0) }, text: '' }),
      () => ({ range: { start: pos(20, 0), end: pos(20, 0) }, text: 'NNNN\nCONFIDENTIAL\nTAGS: PREL\n' }),
      () => ({ range: { start: pos(lines.length + 2, 0), end: pos(lines.length + 2, 0) }, text: `\n${DRAFT}` }),
      () => ({ range: { start: pos(61, 0), end: pos(61, 2) }, text: '' }),
      (text) => joinLine(text, 12),
      (text) => joinLine(text, 70),
    ];
    let text = lines.join('\n');
    let version = 1;
    for (const make of edits) {
      const e = make(text);
      version++;
      const published = client.nextDiagnostics(uri, version);
      await client.change(uri, version, [e]);
      text = applyLspEdit(text, e);
      const fresh = `file:///several-fresh-${version}.txt`;
      const freshPublished = client.nextDiagnostics(fresh, 1);
      await client.open(fresh, text);
      assert.deepEqual((await published).diagnostics, (await freshPublished).diagnostics, `version ${version}`);
      assert.deepEqual(await symbols(uri), await symbols(fresh), `version ${version}`);
    }
  });
});

describe('the server ends with its client', () => {
  test('a client that goes away (stdin closed) ends the server, with status 1 without a shutdown request and 0 after one', async () => {
    const gone = new LspClient();
    await gone.initialize({});
    assert.equal(await gone.hangUp(), 1);
    const polite = new LspClient();
    await polite.initialize({});
    await polite.request('shutdown', null);
    assert.equal(await polite.hangUp(), 0);
  });
});

describe('the server keeps serving, and keeps only what it needs', () => {
  // With --expose-gc the server's debug request collects garbage before it reads the heap.
  const client = new LspClient(undefined, ['--expose-gc']);
  before(() => client.initialize({ debounceMs: 0 }));
  after(() => client.stop());
  type Memory = { heapUsed: number; rss: number; collected: boolean; documents: number; states: number; entries: number; timers: number; jobs: number };
  const memory = () => client.request<Memory>('cablewright/debug/memory', {});

  test('a request whose handler fails gets an error; the failure is logged once per kind; the next requests are answered', async () => {
    const uri = 'file:///failing.cable';
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, DRAFT);
    await opened;
    // A client's bug: a hover without a position, twice; a request without a document.
    for (let i = 0; i < 2; i++) {
      await assert.rejects(client.request('textDocument/hover', { textDocument: { uri } }), (e: { code: number; message: string }) => e.code === -32603 && /cablewright: hover failed/.test(e.message));
    }
    await assert.rejects(client.request('textDocument/documentSymbol', {}), (e: { code: number }) => e.code === -32603);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 7 } });
    assert.match(hover?.contents.value ?? '', /PREL/);
    const failures = client.logs.map((m) => /^cablewright: (.*?) failed/.exec(m)?.[1]).filter((x) => x !== undefined);
    assert.deepEqual(failures, ['hover', 'symbols']);
  });

  test('a closed document leaves nothing behind: no analysis, no timer', async () => {
    const uri = 'file:///closing.cable';
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, DRAFT);
    await opened;
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
    const cleared = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    const m = await memory();
    const open = m.documents;
    assert.equal(m.states, open, 'a state per open document, and only those');
    assert.equal(m.timers, 0);
    assert.equal(m.jobs, 0);
  });

  test('10,000 rapid edits leave memory flat', async () => {
    const uri = 'file:///typing.txt';
    const text = [SAMPLE, DRAFT, SAMPLE].join('\n');
    const line = text.split(/\r\n|\r|\n/).findIndex((l) => /^\s*3\.\s/.test(l));
    let version = 1;
    const opened = client.nextDiagnostics(uri, version);
    await client.open(uri, text, version);
    await opened;
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    // Type a character and delete it, in rounds; a request now and then, as an editor sends them.
    const round = async (n: number) => {
      for (let i = 0; i < n; i++) {
        version++;
        const at = { line, character: 3 };
        const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'X' } : { range: { start: at, end: { line, character: 4 } }, text: '' };
        void client.change(uri, version, [change]);
        if (i % 500 === 0) await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      }
      const published = client.nextDiagnostics(uri, version);
      await published;
    };
    await round(1000);
    const start = await memory();
    assert.ok(start.collected, 'the server ran without --expose-gc');
    // Three blocks of 3,000 edits: a leak grows the heap in every block alike, while one-off growth (code made
    // optimised, tables that grew between collections) shows in one block, by a few hundred kB either way. A leak
    // of a hundred bytes an edit grows every block by 300 kB.
    const growth: number[] = [];
    let last = start;
    for (let block = 0; block < 3; block++) {
      await round(3000);
      const now = await memory();
      growth.push(now.heapUsed - last.heapUsed);
      last = now;
    }
    assert.equal(last.entries, start.entries);
    const kb = growth.map((g) => `${(g / 1024).toFixed(0)} kB`).join(', ');
    assert.ok(Math.min(...growth) < 300 * 1024, `the heap grew in every block of 3,000 edits: ${kb}`);
  });
});

describe('a very large document', () => {
  const client = new LspClient();
  before(() => client.initialize({ debounceMs: 0 }));
  after(() => client.stop());

  test('a 50 MB file: the server says how it checks it, answers requests while it checks it in steps, then publishes', async () => {
    const uri = 'file:///huge.txt';
    const cable = `${SAMPLE}\n`;
    const text = cable.repeat(Math.ceil((50 * 1024 * 1024) / cable.length));
    const shown = client.shown.length;
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, text);
    const position = { line: 22, character: 70 };
    // Until it is checked, requests are answered with nothing rather than wait for the whole file.
    let answeredMeanwhile = 0;
    for (;;) {
      const completion = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position });
      if (completion.length > 0) break;
      answeredMeanwhile++;
    }
    assert.ok(answeredMeanwhile >= 3, `only ${answeredMeanwhile} requests answered while the file was checked`);
    const diagnostics = (await published).diagnostics;
    assert.ok(diagnostics.length > 0);
    const message = client.shown.slice(shown).find((m) => /huge\.txt is large/.test(m.message));
    assert.ok(message, JSON.stringify(client.shown));
    // Once checked: hover reads the cable; no semantic tokens (the grammar colours it); the outline lists cables only.
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover, 'no hover once the file is checked');
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }), { data: [] });
    const symbols = await client.request<{ children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 1000 && symbols.every((s) => !s.children || s.children.length === 0));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('a client that resolves code actions', () => {
  const client = new LspClient();
  before(async () => {
    await client.initialize({ debounceMs: 0 }, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
  });
  after(() => client.stop());

  test('gets document-wide fixes without their edit, resolves them, and a stale one resolves to nothing', async () => {
    const uri = 'file:///resolve.cable';
    const text = 'CONFIDENTIAL\nE.0. 12356: DECL: OADR\nTAGS: PREL,, PGOV,, BE\nSUBJECT: X\n\n1. (C) TEXT.\n\nCONFIDENTIAL\n';
    const waiting = client.nextDiagnostics(uri, 1);
    await client.open(uri, text);
    await waiting;
    type Action = { title: string; kind: string; data?: unknown; edit?: { changes: Record<string, LspEdit[]> } };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [action] = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.cablewright'] } });
    assert.equal(action.edit, undefined);
    const resolved = await client.request<Action>('codeAction/resolve', action);
    assert.equal(applyLspEdits(text, resolved.edit!.changes[uri]), text.replace('E.0.', 'E.O.').replace('PREL,, PGOV,, BE', 'PREL, PGOV, BE'));
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 9 } }, text: 'Y' }]);
    const stale = await client.request<Action>('codeAction/resolve', action);
    assert.equal(stale.edit, undefined);
  });
});

describe('configuration files, in the editor', () => {
  const client = new LspClient();
  const dir = mkdtempSync(path.join(tmpdir(), 'cablewright-lsp-config-'));
  const rc = path.join(dir, '.cablewrightrc.json');
  const cableUri = pathToFileURL(path.join(dir, 'release.txt')).toString();
  before(async () => {
    writeFileSync(rc, '{\n  "rules": { "non-ascii": "off", "paragraph-numbering": "eror" }\n}\n');
    await client.initialize({ debounceMs: 0 }, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  });
  after(() => client.stop());

  test('the nearest .cablewrightrc.json applies, and its mistakes are shown on it with their position', async () => {
    const rcProblems = client.nextDiagnostics(pathToFileURL(rc).toString());
    const published = client.nextDiagnostics(cableUri, 1);
    await client.open(cableUri, SAMPLE);
    const codes = (await published).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['paragraph-numbering', 'paragraph-numbering']);
    const { diagnostics } = await rcProblems;
    assert.deepEqual(
      diagnostics.map((d) => [d.range, d.severity, d.message]),
      [[{ start: { line: 1, character: 56 }, end: { line: 1, character: 62 } }, 1, "'eror' is not a severity (did you mean 'error'?): use error, warning, info, hint or off."]],
    );
  });

  test('a change to the file on disk applies at once, and its fixed mistakes are cleared', async () => {
    writeFileSync(rc, '{ "rules": { "paragraph-numbering": "off" } }\n');
    const rcProblems = client.nextDiagnostics(pathToFileURL(rc).toString());
    const published = client.nextDiagnostics(cableUri, 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).toString(), type: 2 }] });
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['non-ascii']);
    assert.deepEqual((await rcProblems).diagnostics, []);
  });

  test('the configuration that applies is shown on request', async () => {
    const text = await client.request<string>('cablewright/configuration', { textDocument: { uri: cableUri } });
    assert.match(text, /Configuration files \(nearest last\):\n {2}.*\.cablewrightrc\.json\n/);
    assert.match(text, /^ {2}paragraph-numbering +off/m);
  });
});

interface LspEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies a workspace edit's text edits (non-overlapping, positions in the original text) to a text. */
function applyLspEdits(text: string, edits: LspEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  return sorted.reduce((t, e) => applyLspEdit(t, { range: e.range, text: e.newText }), text);
}

/** Applies one LSP content change to a text, as a client holds it. */
function applyLspEdit(text: string, e: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(text.length, starts[p.line] + p.character));
  return text.slice(0, offset(e.range.start)) + e.text + text.slice(offset(e.range.end));
}
