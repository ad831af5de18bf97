/**
 * Throughput of the language service, in process: how fast `cablewright lint`
 * and `cablewright extract` read a multi-megabyte file of cables, against the
 * floor of just reading the file and splitting it into lines.
 *
 *   npm run bench                       # build, then run with the defaults
 *   npm run bench -- --out bench/results/throughput.json --runs 9 --mb 16
 *   npm run bench -- --fix              # also time lint --fix's work
 *
 * Options: --mb N (input size, default 8), --runs N (timed runs of each
 * measure, default 7), --warmup N (default 2), --out FILE (also write the
 * figures as JSON), --keep (keep the generated input file), --fix (add the
 * measure `fix`: read + decode + fixAll(), every certain fix applied until
 * none is left, as `lint --fix` does before writing; reported against lint).
 *
 * The target is that lint and extract run at no less than a tenth of
 * the floor's speed. The benchmark says whether the target is met; it never
 * fails on timing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, extractRecords, fixAll, parse } from '../server/src/service';
import { corpus } from './support/corpus';
import { machine, median, numberOption, percentile } from './support/stats';

const TARGET_RATIO = 0.1;

interface Options {
  mb: number;
  runs: number;
  warmup: number;
  out: string | undefined;
  keep: boolean;
  fix: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '8' },
      runs: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '2' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
    },
  });
  return {
    mb: numberOption('mb', values.mb, 0.001),
    runs: Math.round(numberOption('runs', values.runs, 1)),
    warmup: Math.round(numberOption('warmup', values.warmup, 0)),
    out: values.out,
    keep: values.keep ?? false,
    fix: values.fix ?? false,
  };
}

// ---- Input --------------------------------------------------------------------------


const utf8 = new TextDecoder('utf-8');
const decode = (bytes: Uint8Array) => utf8.decode(bytes);

/** Writes at least `bytes` bytes of whole files, repeated, to a fresh temporary file. */
function buildInput(texts: { text: string }[], bytes: number, dir: string): { file: string; bytes: number; repeats: number } {
  const once = texts.map((t) => (/[\r\n]$/.test(t.text) || t.text === '' ? t.text : `${t.text}\n`) + '\n').join('');
  const onceBytes = Buffer.byteLength(once, 'utf8');
  if (onceBytes === 0) throw new Error('no input texts found');
  const repeats = Math.max(1, Math.ceil(bytes / onceBytes));
  const file = path.join(dir, 'throughput-input.txt');
  writeFileSync(file, once.repeat(repeats));
  return { file, bytes: statSync(file).size, repeats };
}

// ---- Measures -------------------------------------------------------------------------

type Measure = 'floor' | 'lint' | 'extract' | 'fix';

/** Each returns a number derived from the work, so none of it can be optimised away. */
function measures(file: string): Record<Measure, () => number> {
  return {
    floor: () => decode(readFileSync(file)).split(/\r\n|\r|\n/).length,
    lint: () => analyze(decode(readFileSync(file))).diagnostics.length,
    extract: () => extractRecords(parse(decode(readFileSync(file))), file).length,
    fix: () => fixAll(decode(readFileSync(file))).fixed,
  };
}

interface Stats {
  runs: number;
  timesMs: number[];
  medianMs: number;
  p95Ms: number;
  minMs: number;
  /** Megabytes (10^6 bytes) of input per second, at the median time. */
  mbPerSec: number;
  /** This measure's speed over the floor's (median against median). */
  ratioToFloor: number;
}

function main() {
  const opt = options();
  const root = CABLEWRIGHT_ROOT;
  const texts = corpus(root);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cablewright-bench-'));
  try {
    const input = buildInput(texts, opt.mb * 1e6, dir);
    const mb = input.bytes / 1e6;
    const fns = measures(input.file);
    const order: Measure[] = opt.fix ? ['floor', 'lint', 'extract', 'fix'] : ['floor', 'lint', 'extract'];

    // What the input holds, and a check that each measure runs.
    const doc = parse(decode(readFileSync(input.file)));
    const shape = { bytes: input.bytes, chars: doc.text.length, lines: doc.lines.lineCount, cables: doc.cables.length, files: texts.length, repeats: input.repeats };
    process.stdout.write(
      `Input: ${mb.toFixed(2)} MB, ${shape.lines.toLocaleString('en-US')} lines, ${shape.cables.toLocaleString('en-US')} cables ` +
        `(${texts.length} files x ${input.repeats}) in ${input.file}\n` +
        `Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}; ${opt.warmup} warm-up + ${opt.runs} timed runs each, interleaved` +
        `\n\n`,
    );

    let sink = 0;
    for (let i = 0; i < opt.warmup; i++) for (const m of order) sink += fns[m]();
    const times: Record<Measure, number[]> = { floor: [], lint: [], extract: [], fix: [] };
    // Rounds interleave the measures, so a slow spell of the machine falls on all of them.
    for (let i = 0; i < opt.runs; i++) {
      // No collection is forced between measures: a forced full collection, with no parsed document alive, made V8
      // drop the optimised code of the parser and the rules, and the measure after it paid for compiling it again.
      for (const m of order) {
        const t0 = performance.now();
        sink += fns[m]();
        times[m].push(performance.now() - t0);
      }
    }

    const stats = {} as Record<Measure, Stats>;
    for (const m of order) {
      const sorted = [...times[m]].sort((a, b) => a - b);
      const med = median(sorted);
      stats[m] = { runs: sorted.length, timesMs: times[m].map((t) => Math.round(t * 100) / 100), medianMs: med, p95Ms: percentile(sorted, 95), minMs: sorted[0], mbPerSec: mb / (med / 1000), ratioToFloor: 0 };
    }
    for (const m of order) stats[m].ratioToFloor = stats[m].mbPerSec / stats.floor.mbPerSec;

    const rows = [
      ['measure', 'median ms', 'p95 ms', 'MB/s', 'x floor speed', 'target'],
      ...order.map((m) => {
        const s = stats[m];
        const target = m === 'floor' || m === 'fix' ? '' : s.ratioToFloor >= TARGET_RATIO ? `met (>= ${TARGET_RATIO})` : `NOT met (< ${TARGET_RATIO})`;
        return [m, s.medianMs.toFixed(1), s.p95Ms.toFixed(1), s.mbPerSec.toFixed(1), s.ratioToFloor.toFixed(3), target];
      }),
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r: string[]) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
    process.stdout.write(`${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.slice(1).map(line).join('\n')}\n\n`);
    process.stdout.write(
      'floor = read + decode UTF-8 + split into lines; lint = read + decode + analyze() (default options);\n' +
        'extract = read + decode + parse() + extractRecords(). MB = 10^6 bytes; p95 is nearest-rank.\n',
    );
    if (opt.fix) {
      const fixes = fixAll(decode(readFileSync(input.file)));
      process.stdout.write(
        `fix = read + decode + fixAll(): ${fixes.fixed.toLocaleString('en-US')} fixes in ${fixes.passes} passes; ` +
          `median ${stats.fix.medianMs.toFixed(1)} ms = ${(stats.fix.medianMs / stats.lint.medianMs).toFixed(2)} x lint's time.\n`,
      );
    }
    const met = stats.lint.ratioToFloor >= TARGET_RATIO && stats.extract.ratioToFloor >= TARGET_RATIO;
    process.stdout.write(`Target (lint and extract at least ${TARGET_RATIO} x the floor's speed): ${met ? 'met' : 'NOT met'}.\n`);

    if (opt.out) {
      const result = {
        ...machine(),
        input: shape,
        warmup: opt.warmup,
        runs: opt.runs,
        targetRatio: TARGET_RATIO,
        targetMet: { lint: stats.lint.ratioToFloor >= TARGET_RATIO, extract: stats.extract.ratioToFloor >= TARGET_RATIO },
        results: Object.fromEntries(order.map((m) => [m, stats[m]])),
        checksum: sink,
      };
      const out = path.resolve(opt.out);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`Wrote ${out}\n`);
    }
  } finally {
    if (opt.keep) process.stdout.write(`Kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main();
