/**
 * End to end in real editors: Neovim's built-in LSP client (headless) and
 * Emacs with eglot (batch) open the sample cable with the built
 * `dist/server.js`, wait for its diagnostics, ask for document symbols and
 * check them (test/e2e/editors/nvim.lua and emacs.el). Each script prints
 * what it received as JSON lines and exits 0 only if every check passed;
 * this file asserts on both.
 *
 * The editors come from Debian (neovim, emacs-nox, elpa-eglot): if `nvim` or
 * `emacs` is missing, scripts/e2e/install-editors.sh installs them (root or
 * passwordless sudo). Where that is impossible the tests fail, or skip when
 * CABLEWRIGHT_SKIP_EDITORS=1. All editor state lives in `.e2e/editors/`
 * (git-ignored) through the XDG_* variables, never in $HOME.
 *
 * CABLEWRIGHT_E2E_SERVER and CABLEWRIGHT_E2E_CABLE override the server and
 * the cable (to see the checks fail, for instance).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const ROOT = CABLEWRIGHT_ROOT;
const SERVER = process.env.CABLEWRIGHT_E2E_SERVER ?? path.join(ROOT, 'dist/server.js');
const SAMPLE = process.env.CABLEWRIGHT_E2E_CABLE ?? path.join(ROOT, 'samples/released-1994-brussels-03953.txt');
const INSTALL = path.join(ROOT, 'scripts/e2e/install-editors.sh');
const STATE = path.join(ROOT, '.e2e/editors');
/** A hang guard only: the scripts wait for states and a run takes about a second. */
const RUN_TIMEOUT_MS = 60_000;

const EXPECTED_NAME = 'CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT';
/** The sample's findings, LSP positions (0-based lines, UTF-16 characters), sorted by position. */
const EXPECTED_DIAGNOSTICS = [
  { code: 'paragraph-numbering', line: 28, character: 0, endLine: 28, endCharacter: 1 },
  { code: 'paragraph-numbering', line: 32, character: 0, endLine: 32, endCharacter: 1 },
  { code: 'non-ascii', line: 40, character: 29, endLine: 40, endCharacter: 30 },
];

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Makes sure nvim and emacs are there; returns undefined when they are, else why not. */
function ensureEditors(): string | undefined {
  const missing = ['nvim', 'emacs'].filter((c) => !onPath(c));
  if (missing.length === 0) return undefined;
  const why = `${missing.join(' and ')} not found`;
  const root = process.getuid?.() === 0;
  const sudo = !root && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!onPath('apt-get') || (!root && !sudo)) {
    return `${why}, and ${INSTALL} cannot install them here (it needs apt-get and root or passwordless sudo). Install neovim, emacs-nox and elpa-eglot, or set CABLEWRIGHT_SKIP_EDITORS=1 to skip these tests.`;
  }
  const started = Date.now();
  const r = spawnSync(INSTALL, [], { encoding: 'utf8', timeout: 15 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const log = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const tail = log.split('\n').slice(-30).join('\n');
  if (r.status !== 0) {
    return `${why}, and ${INSTALL} failed (status ${r.status}${r.error ? `, ${r.error.message}` : ''}); set CABLEWRIGHT_SKIP_EDITORS=1 to skip these tests.\n${tail}`;
  }
  const still = ['nvim', 'emacs'].filter((c) => !onPath(c));
  if (still.length > 0) {
    return `${why}; ${INSTALL} ran, but ${still.join(' and ')} is still not on PATH (${process.env.PATH}); set CABLEWRIGHT_SKIP_EDITORS=1 to skip these tests.\n${tail}`;
  }
  process.stderr.write(`installed the editors in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return undefined;
}

const unavailable = ensureEditors();
const skip = unavailable !== undefined && process.env.CABLEWRIGHT_SKIP_EDITORS === '1' ? unavailable : false;

interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** Runs an editor with XDG_* in .e2e/editors/NAME, killing its process group after RUN_TIMEOUT_MS. */
function runEditor(name: string, cmd: string, args: string[]): Promise<Run> {
  const home = path.join(STATE, name);
  rmSync(home, { recursive: true, force: true });
  const xdg: Record<string, string> = {};
  for (const k of ['config', 'data', 'cache', 'state']) {
    const dir = path.join(home, k);
    mkdirSync(dir, { recursive: true });
    xdg[`XDG_${k.toUpperCase()}_HOME`] = dir;
  }
  const env = { ...process.env, ...xdg, CABLEWRIGHT_SERVER: SERVER, CABLEWRIGHT_NODE: process.execPath, LANG: 'C.UTF-8' };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

type Event = Record<string, unknown> & { event: string };

function events(run: Run): Event[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Event);
}

function transcript(run: Run): string {
  return `\n--- editor stdout ---\n${run.stdout}--- editor stderr ---\n${run.stderr}---`;
}

/** The assertions both editors share, on the exit status and the printed JSON lines. */
function assertRun(run: Run): void {
  assert.ok(!run.timedOut, `the editor did not finish within ${RUN_TIMEOUT_MS / 1000} s${transcript(run)}`);
  const ev = events(run);

  const diagnostics = ev
    .filter((e) => e.event === 'diagnostic')
    .map((e) => ({ code: e.code, line: e.line, character: e.character, endLine: e.endLine, endCharacter: e.endCharacter }))
    .sort((a, b) => Number(a.line) - Number(b.line) || Number(a.character) - Number(b.character));
  assert.deepEqual(
    diagnostics,
    EXPECTED_DIAGNOSTICS,
    `the diagnostics the editor holds (code and LSP range) are not the sample's${transcript(run)}`,
  );
  for (const d of ev.filter((e) => e.event === 'diagnostic')) {
    assert.equal(d.source, 'cablewright', `diagnostic source${transcript(run)}`);
  }

  const symbols = ev.filter((e) => e.event === 'symbol');
  assert.deepEqual(
    symbols.map((s) => s.name),
    [EXPECTED_NAME],
    `top-level document symbols${transcript(run)}`,
  );
  const children = symbols[0].children as string[];
  assert.ok(Array.isArray(children) && children.length > 0, `the cable symbol has no children${transcript(run)}`);
  assert.ok(children.some((c) => c.startsWith('2. THIS IS AN ACTION CABLE')), `children: ${JSON.stringify(children)}${transcript(run)}`);

  const failed = ev.filter((e) => e.event === 'check' && e.ok !== true).map((e) => `${e.name}${e.detail === undefined ? '' : ` (${e.detail})`}`);
  assert.deepEqual(failed, [], `checks failed inside the editor${transcript(run)}`);
  assert.equal(ev.at(-1)?.event, 'result', `the script did not finish${transcript(run)}`);
  assert.equal(ev.at(-1)?.ok, true, `the script's result${transcript(run)}`);
  assert.equal(run.status, 0, `the editor's exit status (signal ${run.signal})${transcript(run)}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'cablewright-editors-'));
const cable = path.join(work, 'brussels.cable');
copyFileSync(SAMPLE, cable);
after(() => rmSync(work, { recursive: true, force: true }));

describe('real editors against dist/server.js', () => {
  test('Neovim (built-in LSP client, headless) shows the diagnostics and the outline', { skip }, async (t) => {
    if (unavailable) assert.fail(unavailable);
    const run = await runEditor('nvim', 'nvim', ['--headless', '--clean', '-u', path.join(ROOT, 'test/e2e/editors/nvim.lua'), cable]);
    t.diagnostic(`nvim ran in ${run.ms} ms, exit ${run.status}`);
    assertRun(run);
  });

  test('Emacs (eglot, batch) shows the diagnostics and the outline', { skip }, async (t) => {
    if (unavailable) assert.fail(unavailable);
    const run = await runEditor('emacs', 'emacs', ['--batch', '-Q', '-l', path.join(ROOT, 'test/e2e/editors/emacs.el'), cable]);
    t.diagnostic(`emacs ran in ${run.ms} ms, exit ${run.status}`);
    assertRun(run);
  });
});
