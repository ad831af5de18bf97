/**
 * What cablewright will not do, whatever a workspace holds: open a network
 * connection, start a program, run code from a file, fetch a URL a
 * configuration names, read a device or a pipe for ever, or write a fix
 * outside the folder it was given. Checked on the built bundles (what they
 * can reach), at run time (with a preloaded module that makes every socket
 * and child process fail loudly), and on disk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { fixTarget, writeFixed } from '../server/src/cli/fix';
import { pathOfUri } from '../server/src/lsp/workspaceConfig';
import { LspClient } from './support/lspClient';

const DIST = path.join(CABLEWRIGHT_ROOT, 'dist');
const CLI = path.join(DIST, 'cli.js');
const SERVER = path.join(DIST, 'server.js');
const work = mkdtempSync(path.join(tmpdir(), 'cablewright-security-'));

/** A cable with certain fixes (E.0. → E.O., the doubled comma) and a finding non-ascii makes. */
const FIXABLE = 'CONFIDENTIAL\n\nE.0. 12356: DECL: OADR\nTAGS: PREL,, BE\nSUBJECT: X\n\n1. (C) THE MINISTER CALLED AT THE CAFÉ.\n\nCONFIDENTIAL\n';
const FIXED = FIXABLE.replace('E.0.', 'E.O.').replace('PREL,, BE', 'PREL, BE').replace('CAFÉ', 'CAFE');

// ---- The bundles ---------------------------------------------------------------------------

/**
 * What the server's and the command line's bundles (and any worker bundle beside them) may not contain.
 * The extension (dist/extension.js) is left out: starting the server process is its job.
 */
const FORBIDDEN: [string, RegExp][] = [
  ['require("child_process")', /\brequire\("(?:node:)?child_process"\)/g],
  ['require("net")', /\brequire\("(?:node:)?net"\)/g],
  ['require("http")', /\brequire\("(?:node:)?http"\)/g],
  ['require("https")', /\brequire\("(?:node:)?https"\)/g],
  ['require("http2")', /\brequire\("(?:node:)?http2"\)/g],
  ['require("dgram")', /\brequire\("(?:node:)?dgram"\)/g],
  ['require("tls")', /\brequire\("(?:node:)?tls"\)/g],
  ['require("dns")', /\brequire\("(?:node:)?dns"\)/g],
  ['require("vm")', /\brequire\("(?:node:)?vm"\)/g],
  ['eval(', /\beval\s*\(/g],
  ['new Function(', /\bnew\s+Function\s*\(/g],
  ['a worker evaluating code', /\beval\s*:\s*true/g],
  ['a require of a computed name', /\brequire\s*\(\s*(?!["'`)])/g],
  ['a dynamic import', /\bimport\s*\(/g],
];

/**
 * Occurrences allowed, by the bundled module they are in (esbuild heads each with a `// path` comment). Both are in
 * the LSP library's node layer and are never reached by cablewright, which the run-time test below checks:
 */
const ALLOWED: { pattern: string; module: string; why: string }[] = [
  {
    pattern: 'require("child_process")',
    module: 'node_modules/vscode-languageserver/lib/node/files.js',
    why: "vscode-languageserver's Files helpers (resolveGlobalNodePath, resolveModulePath: asking npm or yarn where global modules are); cablewright never calls them",
  },
  {
    pattern: 'require("net")',
    module: 'node_modules/vscode-jsonrpc/lib/node/main.js',
    why: "vscode-jsonrpc's pipe and socket transports, used only when an editor starts the server with --pipe or --socket; cablewright's extension and documentation use --stdio",
  },
];

describe('the bundles cannot reach the network, a program or an evaluator', () => {
  const bundles = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== 'extension.js') : [];

  test('the server and command line bundles are there', () => {
    assert.ok(bundles.includes('server.js') && bundles.includes('cli.js'), bundles.join(', '));
  });

  for (const name of bundles) {
    test(`dist/${name}`, () => {
      const text = readFileSync(path.join(DIST, name), 'utf8');
      // The module each line belongs to: the nearest `// node_modules/…` or `// server/src/…` heading above it.
      const headings: [number, string][] = [];
      for (const m of text.matchAll(/^\s*\/\/ ((?:node_modules|server|client|test)\/\S+)$/gm)) headings.push([m.index, m[1]]);
      const moduleAt = (offset: number) => {
        let found = '(bundle preamble)';
        for (const [at, module] of headings) {
          if (at > offset) break;
          found = module;
        }
        return found;
      };
      const found: string[] = [];
      for (const [pattern, re] of FORBIDDEN) {
        for (const m of text.matchAll(re)) {
          const module = moduleAt(m.index);
          if (!ALLOWED.some((a) => a.pattern === pattern && a.module === module)) found.push(`${pattern} in ${module}: ${JSON.stringify(text.slice(Math.max(0, m.index - 60), m.index + 60))}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }
});

// ---- At run time ------------------------------------------------------------------------------

/** A module preloaded with `node --require`: every way to open a socket or start a program records itself and throws. */
const GUARD = `'use strict';
const fs = require('fs');
const log = process.env.CABLEWRIGHT_GUARD_LOG;
const note = (line) => fs.appendFileSync(log, line + '\\n');
const forbid = (what) => function () { note('FORBIDDEN ' + what); throw new Error('cablewright guard: ' + what); };
const net = require('net');
net.Socket.prototype.connect = forbid('net.Socket.connect');
net.Server.prototype.listen = forbid('net.Server.listen');
net.connect = net.createConnection = forbid('net.connect');
const cp = require('child_process');
for (const k of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) cp[k] = forbid('child_process.' + k);
for (const m of ['http', 'https']) { const h = require(m); h.request = forbid(m + '.request'); h.get = forbid(m + '.get'); }
require('tls').connect = forbid('tls.connect');
require('dgram').createSocket = forbid('dgram.createSocket');
const dns = require('dns');
dns.lookup = forbid('dns.lookup');
dns.resolve = forbid('dns.resolve');
const vm = require('vm');
vm.runInThisContext = vm.runInNewContext = vm.runInContext = forbid('vm.run');
note('loaded ' + (require('worker_threads').isMainThread ? 'main' : 'worker'));
`;
const guardFile = path.join(work, 'guard.cjs');
writeFileSync(guardFile, GUARD);

/** What the guard wrote: one 'loaded' line per process or thread it ran in, and every forbidden call. */
function guardLog(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n') : [];
}

/** An HTTP server on the loopback that counts the requests it gets: a URL in a configuration must never reach it. */
function countingServer(): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('{ "rules": { "non-ascii": "off" } }');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits })));
}

/** A folder whose configuration names URLs everywhere a path can go, and a cable in it. */
function projectWithUrls(url: string): { dir: string; cable: string; rc: string } {
  const dir = mkdtempSync(path.join(work, 'urls-'));
  const rc = path.join(dir, '.cablewrightrc.json');
  writeFileSync(rc, JSON.stringify({ $schema: `${url}/schema.json`, root: true, extends: `${url}/base.json`, posts: `${url}/posts.tsv`, tags: [`${url}/tags.tsv`], baseline: `${url}/baseline.json` }, null, 2));
  const cable = path.join(dir, 'draft.cable');
  writeFileSync(cable, FIXABLE);
  return { dir, cable, rc };
}

describe('at run time, nothing connects and nothing is started', () => {
  let http: Awaited<ReturnType<typeof countingServer>>;
  before(async () => {
    http = await countingServer();
  });
  after(() => http.server.close());

  test('the guard catches what it is meant to catch', () => {
    const log = path.join(work, 'self-check.log');
    const tries = ["require('net').connect(9, '127.0.0.1')", "require('child_process').spawnSync('true')", `require('http').get('${http.url}/x')`, "require('dns').lookup('example.com', () => {})"];
    for (const code of tries) spawnSync(process.execPath, ['--require', guardFile, '-e', code], { env: { ...process.env, CABLEWRIGHT_GUARD_LOG: log } });
    assert.deepEqual(guardLog(log).filter((l) => !l.startsWith('loaded')), ['FORBIDDEN net.connect', 'FORBIDDEN child_process.spawnSync', 'FORBIDDEN http.get', 'FORBIDDEN dns.lookup']);
    assert.deepEqual(http.hits, []);
  });

  test('the command line: lint, --fix, --fix-dry-run, extract, outline and print-config, with a configuration full of URLs', () => {
    const { dir, cable } = projectWithUrls(http.url);
    const log = path.join(work, 'cli-guard.log');
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--require', guardFile, CLI, ...args], { encoding: 'utf8', env: { ...process.env, CABLEWRIGHT_GUARD_LOG: log, NO_COLOR: '1' } });
    const runs = [cli('lint', dir), cli('lint', '--format', 'sarif', dir), cli('lint', '--fix-dry-run', dir), cli('extract', '--format', 'csv', dir), cli('outline', dir), cli('print-config', cable), cli('lint', '--fix', dir)];
    for (const r of runs) assert.doesNotMatch(r.stderr, /cablewright guard|failed on this file/, r.stderr);
    assert.match(runs[0].stderr, /\.cablewrightrc\.json:\d+:\d+: error: 'extends' names a URL; cablewright reads configuration from local files only and never fetches anything/);
    assert.equal(readFileSync(cable, 'utf8'), FIXED, 'lint --fix did not fix the file');
    const lines = guardLog(log);
    assert.ok(lines.filter((l) => l === 'loaded main').length === runs.length, `the guard did not run in every process: ${lines.join(' | ')}`);
    assert.deepEqual(lines.filter((l) => !l.startsWith('loaded ')), []);
    assert.deepEqual(http.hits, [], 'a URL in the configuration was fetched');
  });

  test('the language server: a whole session over stdio, with configuration files full of URLs', async () => {
    const { dir, cable, rc } = projectWithUrls(http.url);
    writeFileSync(path.join(dir, 'release.txt'), readFileSync(path.join(CABLEWRIGHT_ROOT, 'samples/released-1994-brussels-03953.txt')));
    const log = path.join(work, 'server-guard.log');
    process.env.CABLEWRIGHT_GUARD_LOG = log;
    const client = new LspClient(SERVER, ['--require', guardFile]);
    try {
      await client.initialize({ debounceMs: 0 }, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
      const uri = pathToFileURL(cable).toString();
      const rcProblems = client.nextDiagnostics(pathToFileURL(rc).toString());
      const published = client.nextDiagnostics(uri, 1);
      await client.open(uri, FIXABLE);
      assert.ok((await published).diagnostics.length > 0);
      const problems = (await rcProblems).diagnostics.map((d) => d.message);
      // extends, posts, tags and baseline; $schema is for editors' JSON validation, and cablewright never reads it.
      assert.equal(problems.filter((m) => /names a URL/.test(m)).length, 4, problems.join('\n'));
      await client.open(pathToFileURL(path.join(dir, 'release.txt')).toString(), readFileSync(path.join(dir, 'release.txt'), 'utf8'));
      const doc = { textDocument: { uri } };
      const position = { line: 3, character: 8 };
      const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
      await client.request('textDocument/completion', { ...doc, position });
      await client.request('textDocument/hover', { ...doc, position });
      await client.request('textDocument/documentSymbol', doc);
      await client.request('textDocument/foldingRange', doc);
      await client.request('textDocument/selectionRange', { ...doc, positions: [position] });
      await client.request('textDocument/semanticTokens/full', doc);
      await client.request('textDocument/semanticTokens/range', { ...doc, range });
      await client.request('textDocument/diagnostic', doc);
      const actions = await client.request<{ data?: unknown }[]>('textDocument/codeAction', { ...doc, range, context: { diagnostics: [], only: ['source.fixAll'] } });
      for (const a of actions) await client.request('codeAction/resolve', a);
      await client.request('cablewright/cableAt', { ...doc, position });
      await client.request('cablewright/configuration', doc);
      await client.request('workspace/executeCommand', { command: 'cablewright.server.renumberParagraphs', arguments: [uri, position] });
      await client.change(uri, 2, [{ range: { start: position, end: position }, text: 'X' }]);
      const again = client.nextDiagnostics(uri);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).toString(), type: 2 }] });
      await again;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cablewright: { preset: 'drafting' } } });
    } finally {
      await client.stop();
      delete process.env.CABLEWRIGHT_GUARD_LOG;
    }
    assert.doesNotMatch(client.stderr, /cablewright guard/, client.stderr);
    const lines = guardLog(log);
    assert.deepEqual(lines, ['loaded main'], 'the guard did not load, or something forbidden was tried');
    assert.deepEqual(http.hits, [], 'a URL in the configuration was fetched');
  });
});

// ---- Configuration is data -------------------------------------------------------------------

describe('configuration is JSON data: configuration in JavaScript is never run, nor read', () => {
  /** A folder with every name a JavaScript configuration could have; each would turn non-ascii off, and leave a mark if it ran. */
  function projectWithScripts(): { dir: string; cable: string; marks: string[] } {
    const dir = mkdtempSync(path.join(work, 'scripts-'));
    const marks: string[] = [];
    for (const name of ['.cablewrightrc.js', '.cablewrightrc.cjs', '.cablewrightrc.mjs', 'cablewright.config.js', '.cablewrightrc', '.cablewrightrc.yaml']) {
      const mark = path.join(dir, `${name}.ran`);
      marks.push(mark);
      writeFileSync(path.join(dir, name), `require('fs').writeFileSync(${JSON.stringify(mark)}, 'ran');\nmodule.exports = { rules: { 'non-ascii': 'off' } };\n`);
    }
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', scripts: { postinstall: `node -e "require('fs').writeFileSync('${path.join(dir, 'package.ran')}', '')"` } }));
    marks.push(path.join(dir, 'package.ran'));
    const cable = path.join(dir, 'draft.cable');
    writeFileSync(cable, FIXABLE);
    return { dir, cable, marks };
  }

  test('the command line ignores .cablewrightrc.js and its kind', () => {
    const { cable, marks } = projectWithScripts();
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', cable], { encoding: 'utf8' });
    assert.ok(JSON.parse(r.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'non-ascii'), 'a JavaScript configuration applied');
    assert.match(spawnSync(process.execPath, [CLI, 'print-config', cable], { encoding: 'utf8' }).stdout, /^Configuration files: none /m);
    for (const m of marks) assert.ok(!existsSync(m), `${path.basename(m)}: a configuration script ran`);
  });

  test('the language server ignores them too', async () => {
    const { cable, marks } = projectWithScripts();
    const client = new LspClient();
    try {
      await client.initialize({ debounceMs: 0 });
      const uri = pathToFileURL(cable).toString();
      const published = client.nextDiagnostics(uri, 1);
      await client.open(uri, FIXABLE);
      assert.ok((await published).diagnostics.some((d) => d.code === 'non-ascii'), 'a JavaScript configuration applied');
      const shown = await client.request<string>('cablewright/configuration', { textDocument: { uri } });
      assert.doesNotMatch(shown, /\.cablewrightrc\.(c|m)?js|cablewright\.config/);
    } finally {
      await client.stop();
    }
    for (const m of marks) assert.ok(!existsSync(m), `${path.basename(m)}: a configuration script ran`);
  });
});

// ---- Virtual workspaces ------------------------------------------------------------------------

describe('documents that are not files (virtual workspaces, unsaved documents)', () => {
  test('have no path, so no configuration file is looked for', () => {
    for (const uri of ['vscode-vfs://github/cablewright/archive/1975.tel', 'untitled:Untitled-1', 'vscode-remote://ssh-remote+x/home/a.cable', 'file://server/share/a.cable', 'file:///%2e%2e/a.cable', 'not a uri']) {
      const p = pathOfUri(uri);
      assert.ok(p === undefined || (uri.startsWith('file:') && path.isAbsolute(p)), `${uri} → ${p}`);
    }
    assert.equal(pathOfUri('vscode-vfs://github/cablewright/archive/1975.tel'), undefined);
    assert.equal(pathOfUri('untitled:Untitled-1'), undefined);
  });

  test('are checked with the editor\'s settings alone', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ debounceMs: 0, rules: { 'tags-malformed': 'off' } });
      for (const uri of ['vscode-vfs://github/cablewright/archive/draft.cable', 'untitled:Untitled-1']) {
        const published = client.nextDiagnostics(uri, 1);
        await client.open(uri, FIXABLE);
        const codes = (await published).diagnostics.map((d) => d.code);
        assert.ok(codes.includes('eo-malformed') && !codes.includes('tags-malformed'), `${uri}: ${codes.join(', ')}`);
        const shown = await client.request<string>('cablewright/configuration', { textDocument: { uri } });
        assert.match(shown, /tags-malformed +off/, shown);
      }
    } finally {
      await client.stop();
    }
  });
});

// ---- The extension's manifest -----------------------------------------------------------------

describe('the extension declares what it does in untrusted and virtual workspaces', () => {
  const pkg = JSON.parse(readFileSync(path.join(CABLEWRIGHT_ROOT, 'package.json'), 'utf8'));

  test('untrusted workspaces: fully supported, since no setting names a file or a program and configuration files are data', () => {
    assert.deepEqual(pkg.capabilities?.untrustedWorkspaces, { supported: true });
    // Were a setting to name a file or a program (a server path, a table), it would belong in restrictedConfigurations: revisit then.
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties).sort(), [
      'cablewright.assumeYear', 'cablewright.debounceMs', 'cablewright.detectTranscriptions', 'cablewright.enable', 'cablewright.preset', 'cablewright.rules', 'cablewright.trace.server',
    ]);
  });

  test('virtual workspaces: limited, without configuration files', () => {
    assert.equal(pkg.capabilities?.virtualWorkspaces?.supported, 'limited');
    assert.match(pkg.capabilities.virtualWorkspaces.description, /configuration files/);
  });
});

// ---- --fix writes only where it was asked to ----------------------------------------------------

describe('--fix writes inside the folder it was given, and nowhere else', () => {
  /** A folder to fix, and beside it (outside) files that links inside point to. */
  function tree() {
    const root = mkdtempSync(path.join(work, 'fix-'));
    const dir = path.join(root, 'archive');
    const outside = path.join(root, 'outside');
    const outsideLinked = path.join(root, 'outside-linked');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    mkdirSync(outside);
    mkdirSync(outsideLinked);
    const put = (p: string) => {
      writeFileSync(p, FIXABLE);
      return p;
    };
    return {
      dir,
      plain: put(path.join(dir, 'plain.cable')),
      victim: put(path.join(outside, 'victim.cable')),
      deep: put(path.join(outsideLinked, 'deep.cable')),
      target: put(path.join(dir, 'sub', 'target.cable')),
      linkOut: path.join(dir, 'link-out.cable'),
      linkIn: path.join(dir, 'link-in.cable'),
      dirOut: path.join(dir, 'linked-folder'),
      /** The folder `dirOut` links to. */
      outsideLinked,
    };
  }
  const t0 = tree();
  symlinkSync(t0.victim, t0.linkOut);
  symlinkSync(path.join('sub', 'target.cable'), t0.linkIn);
  symlinkSync(t0.outsideLinked, t0.dirOut, 'dir');

  test('writeFixed: a link out of the folder is refused; a link inside is written through and stays a link', () => {
    const t = tree();
    symlinkSync(t.victim, t.linkOut);
    symlinkSync(path.join('sub', 'target.cable'), t.linkIn);
    symlinkSync(t.outsideLinked, t.dirOut, 'dir');
    const out = writeFixed(t.linkOut, FIXED, 'utf-8', t.dir);
    assert.deepEqual(out, { ok: false, reason: `not fixed: a symbolic link leads to ${t.victim}, outside ${t.dir}; left as it was` });
    // Named on its own, a file's folder is the folder it was given in.
    assert.equal(writeFixed(t.linkOut, FIXED, 'utf-8').ok, false);
    assert.equal(writeFixed(path.join(t.dirOut, 'deep.cable'), FIXED, 'utf-8', t.dir).ok, false);
    assert.equal(readFileSync(t.victim, 'utf8'), FIXABLE);
    assert.equal(readFileSync(t.deep, 'utf8'), FIXABLE);
    assert.ok(lstatSync(t.linkOut).isSymbolicLink());
    assert.deepEqual(writeFixed(t.linkIn, FIXED, 'utf-8', t.dir), { ok: true });
    assert.equal(readFileSync(t.target, 'utf8'), FIXED);
    assert.ok(lstatSync(t.linkIn).isSymbolicLink(), 'the link was replaced by a file');
    assert.deepEqual(fixTarget(t.plain, t.dir), { ok: true, target: t.plain });
  });

  test('writeFixed: the temporary file is made beside the real file, and nothing else is written', () => {
    const t = tree();
    symlinkSync(path.join('sub', 'target.cable'), t.linkIn);
    // The bundled fix.ts calls node:fs through the module object, so the calls can be watched from here.
    const fs = require('node:fs') as typeof import('node:fs');
    const touched: string[] = [];
    const saved = { openSync: fs.openSync, renameSync: fs.renameSync, chmodSync: fs.chmodSync, unlinkSync: fs.unlinkSync, writeFileSync: fs.writeFileSync };
    const watch = <K extends keyof typeof saved>(k: K, paths: (args: unknown[]) => unknown[]) => {
      (fs as unknown as Record<string, unknown>)[k] = (...args: unknown[]) => {
        for (const p of paths(args)) if (typeof p === 'string') touched.push(`${k} ${p}`);
        return (saved[k] as (...a: unknown[]) => unknown)(...args);
      };
    };
    watch('openSync', (a) => [a[0]]);
    watch('renameSync', (a) => [a[0], a[1]]);
    watch('chmodSync', (a) => [a[0]]);
    watch('unlinkSync', (a) => [a[0]]);
    watch('writeFileSync', (a) => [a[0]]);
    try {
      assert.deepEqual(writeFixed(t.linkIn, FIXED, 'utf-8', t.dir), { ok: true });
    } finally {
      Object.assign(fs, saved);
    }
    const sub = path.dirname(t.target);
    assert.ok(touched.length >= 3, touched.join('\n'));
    for (const line of touched) assert.equal(path.dirname(line.slice(line.indexOf(' ') + 1)), sub, `written outside the target's folder: ${line}`);
    assert.ok(touched.includes(`renameSync ${t.target}`), touched.join('\n'));
    assert.deepEqual(readdirSync(sub), ['target.cable'], 'a temporary file was left behind');
  });

  test('lint --fix on a folder: the files inside are fixed; a link out of it is checked, reported, not written, and the status is 2', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--fix', '--format', 'json', t0.dir], { encoding: 'utf8' });
    assert.equal(readFileSync(t0.plain, 'utf8'), FIXED);
    assert.equal(readFileSync(t0.target, 'utf8'), FIXED, 'the link inside the folder was not written through');
    assert.ok(lstatSync(t0.linkIn).isSymbolicLink());
    assert.equal(readFileSync(t0.victim, 'utf8'), FIXABLE, 'a file outside the folder was written');
    assert.ok(lstatSync(t0.linkOut).isSymbolicLink(), 'the link out was replaced');
    assert.match(r.stderr, new RegExp(`link-out\\.cable: not fixed: a symbolic link leads to ${t0.victim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, outside `));
    assert.equal(r.status, 2);
    const files = JSON.parse(r.stdout).map((f: { filePath: string }) => path.basename(f.filePath));
    assert.ok(files.includes('link-out.cable'), 'the link out was not checked');
  });

  test('lint --fix on a folder: a folder linked from inside it that leads out is checked, not written', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--fix', '--jobs', '2', t0.dir], { encoding: 'utf8' });
    assert.equal(readFileSync(t0.deep, 'utf8'), FIXABLE, 'a file outside the folder was written');
    assert.match(r.stderr, /linked-folder\/deep\.cable: not fixed: a symbolic link leads to /);
  });

  test('lint --fix on a link named by itself that leads out of its folder: not written', () => {
    const t = tree();
    symlinkSync(t.victim, t.linkOut);
    const r = spawnSync(process.execPath, [CLI, 'lint', '--fix', t.linkOut], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /link-out\.cable: not fixed: a symbolic link leads to /);
    assert.equal(readFileSync(t.victim, 'utf8'), FIXABLE);
    // Named by its real path, the same file is fixed.
    spawnSync(process.execPath, [CLI, 'lint', '--fix', t.victim], { encoding: 'utf8' });
    assert.equal(readFileSync(t.victim, 'utf8'), FIXED);
  });
});

describe('a configuration cannot make the command line read for ever', () => {
  test('extends, tables and a baseline naming /dev/zero or a folder are reported as unreadable', { skip: existsSync('/dev/zero') ? false : 'no /dev/zero here' }, () => {
    const dir = mkdtempSync(path.join(work, 'devices-'));
    writeFileSync(path.join(dir, '.cablewrightrc.json'), JSON.stringify({ root: true, extends: '/dev/zero', posts: '/dev/zero', tags: '.', baseline: '/dev/zero' }));
    writeFileSync(path.join(dir, 'draft.cable'), FIXABLE);
    const r = spawnSync(process.execPath, [CLI, 'lint', dir], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, 'still reading after a minute');
    assert.match(r.stderr, /Cannot find the configuration '\/dev\/zero'/);
    assert.match(r.stderr, /Cannot read the table of posts '\/dev\/zero'/);
    assert.match(r.stderr, /Cannot read the table of tags '\.'/);
    assert.match(r.stderr, /baseline \/dev\/zero: cannot be read \(not a regular file\)/);
    assert.equal(r.status, 2);
  });
});

describe('a folder of links that loop is walked once', () => {
  test('two links back up the tree (2^40 paths if followed blindly): each file is read once, at once', () => {
    const dir = mkdtempSync(path.join(work, 'loop-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.cable'), FIXABLE);
    writeFileSync(path.join(dir, 'sub', 'b.cable'), FIXABLE);
    symlinkSync('..', path.join(dir, 'sub', 'up'), 'dir');
    symlinkSync('..', path.join(dir, 'sub', 'up-again'), 'dir');
    symlinkSync('.', path.join(dir, 'here'), 'dir');
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', dir], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, 'the walk did not end');
    assert.deepEqual(JSON.parse(r.stdout).map((f: { filePath: string }) => path.relative(dir, f.filePath)), ['a.cable', path.join('sub', 'b.cable')]);
  });
});
