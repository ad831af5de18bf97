// Fuzzing: the property tests' generators with fresh random seeds, until the time is up.
//
//   npm run fuzz -- --minutes N [--runs F] [--hang-seconds S]
//
// Builds every *.property.test.ts (test/property.test.ts: random and mutated real cables, random edit sequences
// incremental against from scratch; test/fixes.property.test.ts: fix-all settles and keeps to its edits;
// test/positions.property.test.ts: positions against the reference, and the editor's requests at random positions
// against the in-process service) into out/fuzz, then runs each file in turn in its own process, each time with a new
// random CABLEWRIGHT_FC_SEED and CABLEWRIGHT_FC_RUNS=F (default 0.25: short rounds, many seeds). Only the randomised
// tests run: a preloaded hook skips every test whose own body does not call fast-check (so keep `fc.assert` in the
// test's body), and records each failing `fc.assert` with its seed and counterexample.
//
// On a failure (or a round that does not finish within --hang-seconds, default 120: a hang), the seed, the command that
// reproduces it and the counterexample go to fuzz-failures/ (git-ignored) and the exit status is 1. A round the time
// limit cuts short is not a failure. Exit 0: every round passed.
import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const outdir = 'out/fuzz';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!(v > 0)) {
    console.error(`fuzz: ${name} takes a positive number (got '${process.argv[i + 1]}')`);
    process.exit(2);
  }
  return v;
};
const minutes = arg('--minutes', 1);
const runs = arg('--runs', 0.25);
const hangMs = arg('--hang-seconds', 120) * 1000;

// ---- Build -------------------------------------------------------------------------------

const built = spawnSync(process.execPath, ['scripts/build.mjs', '--tests', '--outdir', outdir, '--only', 'property.test'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/(^|\.)property\.test\.js$/.test(name)) files.push(path.relative(root, p));
  }
};
walk(path.join(root, outdir));
if (files.length === 0) {
  console.error(`fuzz: no property tests built into ${outdir}`);
  process.exit(2);
}

// The hook each round preloads: skips the tests that are not randomised, and records every failing fc.assert.
const HOOK = `'use strict';
const fs = require('fs');
const report = process.env.CABLEWRIGHT_FUZZ_REPORT;
const nt = require('node:test');
const original = nt.test;
const randomised = (fn) => typeof fn === 'function' && /fast_check/.test(String(fn));
const wrapped = function (name, options, fn) {
  if (typeof name === 'function') return original(name);
  if (typeof options === 'function') { fn = options; options = {}; }
  if (!randomised(fn)) return original(name, { ...(options || {}), skip: 'fuzz: not randomised' }, fn);
  return original(name, options || {}, fn);
};
Object.assign(wrapped, original);
nt.test = nt.it = wrapped;
const fc = require(require.resolve('fast-check', { paths: [${JSON.stringify(root)}] }));
// A global reporter sees every fc.assert's result (the tests set seed and runs, not a reporter); it throws as the default does.
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  reporter(details) {
    if (!details.failed) return;
    const message = fc.defaultReportMessage(details);
    fs.appendFileSync(report, JSON.stringify({ seed: details.seed, path: details.counterexamplePath, numRuns: details.numRuns, counterexample: fc.stringify(details.counterexample), message }) + '\\n');
    throw new Error(message);
  },
});
`;
const hookFile = path.join(root, outdir, 'fuzz-hook.cjs');
writeFileSync(hookFile, HOOK);

// ---- Rounds ------------------------------------------------------------------------------

const deadline = Date.now() + minutes * 60_000;
const failuresDir = path.join(root, 'fuzz-failures');
let rounds = 0;
let cut = 0;

/** Runs one file with one seed; resolves with how it ended. */
function round(file, seed, report) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', '--require', hookFile, file], {
      cwd: root,
      env: { ...process.env, CABLEWRIGHT_FC_SEED: String(seed), CABLEWRIGHT_FC_RUNS: String(runs), CABLEWRIGHT_FUZZ_REPORT: report },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const limit = Math.min(hangMs, Math.max(0, deadline - Date.now()));
    let stopped = '';
    const timer = setTimeout(() => {
      stopped = Date.now() - started >= hangMs ? 'hang' : 'deadline';
      child.kill('SIGKILL');
    }, limit);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stopped, output, ms: Date.now() - started });
    });
  });
}

const escape = (s) => s.replace(/\\/g, '\\\\').replace(/'/g, "'\\''");

outer: for (;;) {
  for (const file of files) {
    if (Date.now() >= deadline) break outer;
    const seed = randomInt(0, 2 ** 31);
    const report = path.join(root, outdir, `report-${process.pid}.jsonl`);
    rmSync(report, { force: true });
    const r = await round(file, seed, report);
    if (r.stopped === 'deadline') {
      cut++;
      break outer;
    }
    rounds++;
    const name = path.basename(file, '.js');
    if (r.code === 0 && !r.stopped) {
      console.log(`fuzz: ${name} seed ${seed}: passed (${(r.ms / 1000).toFixed(1)} s)`);
      continue;
    }
    mkdirSync(failuresDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const out = path.join(failuresDir, `${stamp}-${name}-seed-${seed}.txt`);
    const recorded = existsSync(report) ? readFileSync(report, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)) : [];
    const source = path.join('test', `${name}.ts`);
    const text = [
      `${name}: ${r.stopped === 'hang' ? `did not finish in ${hangMs / 1000} s (a hang?)` : `failed (exit ${r.code})`} with seed ${seed}, CABLEWRIGHT_FC_RUNS=${runs}`,
      '',
      'Reproduce (builds the tests, then runs that file with the same seed and runs):',
      `  node scripts/build.mjs --tests --outdir ${outdir} --only property.test && CABLEWRIGHT_FC_SEED=${seed} CABLEWRIGHT_FC_RUNS=${runs} node --enable-source-maps '${escape(file)}'`,
      `(the tests are in ${source}; fast-check's own seed and path below replay one property alone)`,
      '',
      ...recorded.flatMap((f, i) => [`---- failing property ${i + 1} (fast-check seed ${f.seed}, path ${f.path}, numRuns ${f.numRuns}) ----`, f.message, '', 'Counterexample:', f.counterexample, '']),
      '---- test output ----',
      r.output,
    ].join('\n');
    writeFileSync(out, text);
    console.error(`fuzz: ${name} seed ${seed}: ${r.stopped === 'hang' ? 'HANG' : 'FAILED'}; counterexample and seed written to ${path.relative(root, out)}`);
    process.exit(1);
  }
}
console.log(`fuzz: ${rounds} round${rounds === 1 ? '' : 's'} passed in ${minutes} minute${minutes === 1 ? '' : 's'}${cut ? ` (the last one cut short by the time limit)` : ''}`);
