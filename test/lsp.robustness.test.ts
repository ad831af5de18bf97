/**
 * The language server over stdio, given what editors and files throw at it:
 * random bytes, control characters and NULs, lone surrogates, a line of a
 * megabyte, a hundred thousand blank lines, an empty document, and positions
 * past the end of a line or of the document (clients send those). Every
 * request answers, without an error and without a logged failure, and every
 * range that comes back lies in the document. Edits in every shape (ranges
 * past the end, text with CR, lone surrogates) leave the server with the text
 * the client holds. Malformed requests do not stop it serving.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, type PublishedDiagnostics } from './support/lspClient';

const SAMPLE = readFileSync(path.join(CABLEWRIGHT_ROOT, 'samples/released-1994-brussels-03953.txt'), 'utf8');

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.CABLEWRIGHT_FC_SEED) || 20240611;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}

const CABLE = `CONFIDENTIAL\n\nFM AMEMBASSY BRSSELS\nTO SECSTATE WASHDC IMMEDAITE 6354\n\nE.0. 12356: DECL: OADR\nTAGS: PREL,, PGOV, BE\nSUBJECT: BELGIAN VIEWS\n\n1. (C) THE MINISTER CALLED.\n\n3. (C) SEE PARA 1.\n\nCONFIDENTIAL\n`;

/** The documents: name (its extension decides whether a draft without a header is a cable) and text. */
function documents(): [string, string][] {
  const random = prng(SEED);
  const units = (n: number, max: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(random() * max))).join('');
  return [
    ['empty.cable', ''],
    ['random-bytes.txt', units(20_000, 256)],
    ['random-units.cable', units(20_000, 0x10000)],
    ['controls-and-nuls.cable', CABLE.replace(/ /g, () => ['\0', '\x01', '\x1b', '\x7f', '\x85', '\f', '\v', ' '][Math.floor(random() * 8)])],
    ['lone-surrogates.cable', CABLE.replace(/E/g, () => ['\ud800', '\udfff', '\u{1F30B}', 'e\u0301', 'E'][Math.floor(random() * 5)])],
    ['megabyte-line.cable', CABLE.replace('THE MINISTER CALLED.', `${'WORD '.repeat(210_000)}CAFÉ.`)],
    ['megabyte-noise.txt', 'A'.repeat(1 << 20)],
    ['blank-lines.txt', `${'\n'.repeat(100_000)}${SAMPLE}`],
    ['mixed-breaks.txt', `\ufeff${SAMPLE.replace(/\n/g, () => ['\n', '\r\n', '\r'][Math.floor(random() * 3)])}`],
    ['only-breaks.cable', '\r\n\r\r\n\n\r'.repeat(1000)],
  ];
}

/** Positions as clients send them: anywhere in the text, at and past a line's end, past the last line, absurdly far. */
function positionsIn(td: TextDocument, random: () => number, n: number): Position[] {
  const out: Position[] = [{ line: 0, character: 0 }, td.positionAt(td.getText().length), { line: td.lineCount, character: 0 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }];
  for (let i = 0; i < n; i++) {
    const line = Math.floor(random() * (td.lineCount + 2));
    const length = td.offsetAt({ line, character: 2 ** 31 - 1 }) - td.offsetAt({ line, character: 0 });
    const pick = random();
    const character = pick < 0.6 ? Math.floor(random() * (length + 1)) : pick < 0.8 ? length + 1 + Math.floor(random() * 50) : pick < 0.9 ? length : 1_000_000;
    out.push({ line, character });
  }
  return out;
}

/** A range the protocol accepts: lines in the document, characters within their line, start before end. */
function checkRange(td: TextDocument, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < td.lineCount, `${what}: line ${p.line} of ${td.lineCount}`);
    const length = td.offsetAt({ line: p.line, character: 2 ** 31 - 1 }) - td.offsetAt({ line: p.line, character: 0 });
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= length, `${what}: character ${p.character} of line ${p.line}, of ${length}`);
  }
  assert.ok(td.offsetAt(range.start) <= td.offsetAt(range.end), `${what}: ${JSON.stringify(range)} ends before it starts`);
}

function checkDiagnostics(td: TextDocument, p: PublishedDiagnostics | { items: PublishedDiagnostics['diagnostics'] }, what: string): void {
  const list = 'items' in p ? p.items : p.diagnostics;
  list.forEach((d, i) => checkRange(td, d.range, `${what}: diagnostic ${i} (${d.code})`));
}

/** The failures the server logged (a handler that fails logs it once and answers with nothing). */
function failuresOf(logs: string[]): string[] {
  return logs.filter((m) => /failed|error|exception/i.test(m));
}

type Json = Record<string, unknown>;

describe('the language server on hard documents, at any position', () => {
  const client = new LspClient();
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  client.connection.onNotification('window/showMessage', (p: { message: string }) => void logs.push(p.message));
  let legendTypes = 0;
  before(async () => {
    const { capabilities } = await client.initialize({ debounceMs: 0 }, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    legendTypes = (capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend.tokenTypes.length;
  });
  after(() => client.stop());

  const random = prng(SEED + 1);
  for (const [name, text] of documents()) {
    test(`${name}: every request answers, with ranges in the document`, async () => {
      const uri = `file:///robust/${name}`;
      const td = TextDocument.create(uri, 'cable', 1, text);
      const published = client.nextDiagnostics(uri, 1);
      await client.open(uri, text);
      const diagnostics = await published;
      checkDiagnostics(td, diagnostics, 'published');
      const doc = { textDocument: { uri } };

      const pulled = await client.request<{ kind: string; items: PublishedDiagnostics['diagnostics'] }>('textDocument/diagnostic', doc);
      assert.equal(pulled.kind, 'full');
      assert.deepEqual(pulled.items, diagnostics.diagnostics, 'pulled and published diagnostics differ');

      const symbols = await client.request<{ range: Range; selectionRange: Range; children?: unknown[] }[]>('textDocument/documentSymbol', doc);
      const walk = (ss: { range: Range; selectionRange: Range; children?: unknown[] }[]) => {
        for (const s of ss) {
          checkRange(td, s.range, 'symbol');
          checkRange(td, s.selectionRange, 'symbol selection');
          walk((s.children ?? []) as typeof ss);
        }
      };
      walk(symbols);
      for (const f of await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', doc)) {
        assert.ok(0 <= f.startLine && f.startLine <= f.endLine && f.endLine < td.lineCount, `fold ${f.startLine}-${f.endLine}`);
      }
      checkTokens(td, (await client.request<{ data: number[] }>('textDocument/semanticTokens/full', doc)).data, legendTypes, 'full');

      const positions = positionsIn(td, random, 12);
      type Selection = { range: Range; parent?: Selection };
      const selections = await client.request<Selection[]>('textDocument/selectionRange', { ...doc, positions });
      assert.equal(selections.length, positions.length);
      for (const first of selections) for (let s: Selection | undefined = first; s; s = s.parent) checkRange(td, s.range, 'selection range');

      for (const [i, position] of positions.entries()) {
        const at = `at ${JSON.stringify(position)}`;
        const items = await client.request<{ label: string; textEdit?: { range: Range } }[] | { items: unknown[] }>('textDocument/completion', { ...doc, position });
        for (const item of Array.isArray(items) ? items : []) if (item.textEdit) checkRange(td, item.textEdit.range, `completion '${item.label}' ${at}`);
        const hover = await client.request<{ range?: Range } | null>('textDocument/hover', { ...doc, position });
        if (hover?.range) checkRange(td, hover.range, `hover ${at}`);
        const cable = await client.request<{ record: Json; banner: string | null } | null>('cablewright/cableAt', { ...doc, position });
        if (cable) assert.equal(typeof cable.record, 'object');
        const end = positions[(i + 1) % positions.length];
        const [from, to] = td.offsetAt(position) <= td.offsetAt(end) ? [position, end] : [end, position];
        checkTokens(td, (await client.request<{ data: number[] }>('textDocument/semanticTokens/range', { ...doc, range: { start: from, end: to } })).data, legendTypes, `range ${at}`);
        const context = { diagnostics: diagnostics.diagnostics.filter((d) => td.offsetAt(d.range.end) >= td.offsetAt(from) && td.offsetAt(d.range.start) <= td.offsetAt(to)) };
        type Action = { title: string; data?: unknown; edit?: { changes: Record<string, { range: Range }[]> } };
        const actions = [
          ...(await client.request<Action[]>('textDocument/codeAction', { ...doc, range: { start: from, end: to }, context })),
          ...(await client.request<Action[]>('textDocument/codeAction', { ...doc, range: { start: from, end: to }, context: { ...context, only: ['source.fixAll'] } })),
        ];
        for (const action of actions) {
          const resolved = action.data ? await client.request<Action>('codeAction/resolve', action) : action;
          for (const e of resolved.edit?.changes[uri] ?? []) checkRange(td, e.range, `code action '${action.title}' ${at}`);
        }
        const renumber = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: 'cablewright.server.renumberParagraphs', arguments: [uri, position] });
        assert.equal(typeof renumber.applied, 'boolean');
      }
      assert.equal(typeof (await client.request<string>('cablewright/configuration', doc)), 'string');
      assert.deepEqual(failuresOf(logs), [], 'the server logged failures');
    });
  }

  test('edits of every shape (past the end, reversed, CR, lone surrogates) leave the server with the client\'s text', async () => {
    const edits = prng(SEED + 2);
    for (const [name, start] of [['edited.cable', CABLE.replace(/\n/g, '\r\n')], ['edited-sample.txt', SAMPLE]] as const) {
      const uri = `file:///robust/${name}`;
      const fresh = `file:///robust/fresh-${name}`;
      let td = TextDocument.create(uri, 'cable', 1, start);
      const opened = client.nextDiagnostics(uri, 1);
      await client.open(uri, start);
      await opened;
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      const pieces = ['', 'A', '\n', '\r', '\r\n', '\n\r', '\ud800', '\udc00', '\u{1F30B}', 'e\u0301', '\0', 'TAGS: PREL,, BE\n', 'CONFIDENTIAL\r\n', '1. (C) X.\n', '\ufeff'];
      let published: Promise<PublishedDiagnostics> = opened;
      for (let version = 2; version <= 40; version++) {
        const [a, b] = positionsIn(td, edits, 2).slice(4);
        // Reversed ranges and ranges past the end, as sloppy clients send them: the document model takes them as the reference does.
        const range = edits() < 0.2 ? { start: b, end: a } : td.offsetAt(a) <= td.offsetAt(b) ? { start: a, end: b } : { start: b, end: a };
        const change = { range, text: Array.from({ length: Math.floor(edits() * 4) }, () => pieces[Math.floor(edits() * pieces.length)]).join('') };
        td = TextDocument.update(td, [change], version);
        published = client.nextDiagnostics(uri, version);
        await client.change(uri, version, [change]);
      }
      const edited = await published;
      checkDiagnostics(td, edited, `${name} after edits`);
      const freshPublished = client.nextDiagnostics(fresh, 1);
      await client.open(fresh, td.getText());
      assert.deepEqual(edited.diagnostics, (await freshPublished).diagnostics, `${name}: diagnostics after the edits differ from the same text opened afresh`);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), await client.request('textDocument/documentSymbol', { textDocument: { uri: fresh } }), `${name}: symbols differ`);
      assert.deepEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }), await client.request('textDocument/semanticTokens/full', { textDocument: { uri: fresh } }), `${name}: tokens differ`);
    }
    assert.deepEqual(failuresOf(logs), [], 'the server logged failures');
  });

  test('requests for a document never opened, or closed, answer with nothing', async () => {
    const uri = 'file:///robust/never-opened.cable';
    const doc = { textDocument: { uri } };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.deepEqual(await client.request('textDocument/completion', { ...doc, position }), []);
    assert.equal(await client.request('textDocument/hover', { ...doc, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', doc), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', doc), []);
    assert.deepEqual(await client.request('textDocument/selectionRange', { ...doc, positions: [position] }), []);
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', doc), { data: [] });
    assert.deepEqual(await client.request('textDocument/semanticTokens/range', { ...doc, range }), { data: [] });
    assert.deepEqual(await client.request('textDocument/codeAction', { ...doc, range, context: { diagnostics: [] } }), []);
    assert.equal(await client.request('cablewright/cableAt', { ...doc, position }), null);
    assert.deepEqual(await client.request('textDocument/diagnostic', doc), { kind: 'full', items: [] });
    const closed = 'file:///robust/closed.cable';
    const opened = client.nextDiagnostics(closed, 1);
    await client.open(closed, CABLE);
    await opened;
    const cleared = client.nextDiagnostics(closed);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: closed }, position }), null);
  });
});

/** Semantic tokens: five numbers each, no negative delta, every token inside its line, types from the legend. */
function checkTokens(td: TextDocument, data: number[], types: number, what: string): void {
  assert.equal(data.length % 5, 0, what);
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dLine, dChar, length, type] = data.slice(i, i + 4);
    assert.ok(dLine >= 0 && (dLine > 0 || dChar >= 0) && length > 0 && type >= 0 && type < types, `${what}: token ${i / 5}: ${data.slice(i, i + 5).join(', ')}`);
    line += dLine;
    char = dLine === 0 ? char + dChar : dChar;
    const lineLength = td.offsetAt({ line, character: 2 ** 31 - 1 }) - td.offsetAt({ line, character: 0 });
    assert.ok(line < td.lineCount && char + length <= lineLength, `${what}: token ${i / 5} at ${line}:${char}+${length} is not inside its line (of ${lineLength})`);
  }
}

describe('malformed requests do not stop the server serving', () => {
  const client = new LspClient();
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  before(() => client.initialize({ debounceMs: 0 }));
  after(() => client.stop());

  const uri = 'file:///robust/malformed.cable';
  const doc = { textDocument: { uri } };
  // A client's bugs: a position missing, a document missing, no parameters at all. Each is a handler failing on its
  // input, provoked from outside, as a buggy client would; `nothing` is what the handler answers when it has nothing.
  const BAD: [method: string, params: unknown, nothing: unknown][] = [
    ['textDocument/hover', doc, null],
    ['textDocument/completion', doc, []],
    ['cablewright/cableAt', doc, null],
    ['textDocument/selectionRange', doc, []],
    ['textDocument/codeAction', doc, []],
    ['textDocument/semanticTokens/range', doc, { data: [] }],
    ['textDocument/hover', { position: { line: 0, character: 0 } }, null],
    ['textDocument/documentSymbol', {}, []],
    ['textDocument/foldingRange', {}, []],
    ['textDocument/semanticTokens/full', {}, { data: [] }],
    ['cablewright/cableAt', null, null],
    ['cablewright/configuration', {}, null],
  ];
  const good = async () => ({
    hover: await client.request<{ contents: { value: string } } | null>('textDocument/hover', { ...doc, position: { line: 6, character: 7 } }),
    cableAt: await client.request<{ banner: string } | null>('cablewright/cableAt', { ...doc, position: { line: 9, character: 3 } }),
    symbols: await client.request<unknown[]>('textDocument/documentSymbol', doc),
    completion: await client.request<unknown[]>('textDocument/completion', { ...doc, position: { line: 2, character: 16 } }),
    tokens: await client.request<{ data: number[] }>('textDocument/semanticTokens/full', doc),
  });
  let expected: Awaited<ReturnType<typeof good>>;

  before(async () => {
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, CABLE);
    await opened;
    expected = await good();
    assert.equal(expected.cableAt?.banner, 'CONFIDENTIAL');
    assert.match(expected.hover?.contents.value ?? '', /PREL/);
  });

  test('each answers (with nothing or an error), and the next good requests are answered as before', async () => {
    const odd: [string, unknown][] = [
      ['codeAction/resolve', { title: 'x', data: { uri, version: 1, ruleId: 42 } }],
      ['codeAction/resolve', { title: 'x', data: 'not ours' }],
      ['workspace/executeCommand', { command: 'cablewright.server.renumberParagraphs', arguments: [uri] }],
      ['workspace/executeCommand', { command: 'no.such.command' }],
    ];
    for (const [method, params] of [...BAD, ...odd]) await client.request(method, params).catch((e: Error) => e);
    assert.deepEqual(await good(), expected);
  });

  // The invariant of ARCHITECTURE.md: a handler that fails answers with an error (InternalError, naming the
  // handler), logs its failure once per kind, and the server goes on.
  test('each answers with nothing or with an error naming its handler, each kind of failure is logged once', async () => {
    for (let round = 0; round < 2; round++) {
      for (const [method, params, nothing] of BAD) {
        const answer = await client.request(method, params).then(
          (r) => ({ result: r }),
          (e: { code: number; message: string }) => ({ error: e }),
        );
        if ('result' in answer) assert.deepEqual(answer.result, nothing, `${method} ${JSON.stringify(params)}`);
        else assert.ok(answer.error.code === -32603 && /^cablewright: .* failed: /.test(answer.error.message), `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer.error)}`);
      }
    }
    const failures = logs.map((m) => /^cablewright: (.*?) failed/.exec(m)?.[1]).filter((x) => x !== undefined);
    assert.ok(failures.length > 0, 'no failure was logged');
    assert.deepEqual(failures, [...new Set(failures)], 'a failure was logged more than once');
    assert.deepEqual(await good(), expected);
  });
});
