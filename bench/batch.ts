/**
 * Archive-scale batch throughput of the command line: `cablewright lint` on
 * an archive of at least 200 MB in 10,000 files, run as users run it (the
 * built `dist/cli.js` in a child process, `--format json` to /dev/null), with
 * one job and with one per core, against the floor of reading every file and
 * splitting it into lines, measured in the same run the same way (a child
 * process walking the same folders), single-threaded and with as many worker
 * threads as the batch, so that the ratio per core compares like with like.
 *
 *   npm run bench:batch                  # build, make or reuse the archive, run
 *   npm run bench:batch -- --runs 5 --out bench/results/batch.json
 *
 * Options: --runs N (timed runs of each measure, interleaved; default 3),
 * --jobs N (the parallel measures' jobs and threads; default the number of
 * cores), --mb N (archive size, default 200), --files N (default 10000),
 * --dir DIR (where the archive is kept; default bench/.work/archive-…, made
 * once and reused while the corpus is unchanged), --out FILE (also write the
 * figures as JSON), --format json|sarif|stylish (lint's output, default json).
 *
 * Reported for each measure: wall time and MB/s (median, and p95: the slow
 * tail), peak resident memory of the child process (worker threads included)
 * and its CPU time; then, per round, lint against the floor at one thread
 * and at N, per core, and the scaling from 1 to N. The issue's targets are
 * batch lint at no less than a quarter of the floor per core, and scaling
 * with cores; the benchmark says whether they are met, and never fails on
 * timing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ensureArchive, type Archive } from './support/archive';
import { corpus } from './support/corpus';
import { machine, median, numberOption, percentile } from './support/stats';

const TARGET_PER_CORE = 0.25;

// ---- The floor, in a child process of its own ------------------------------------------

const utf8 = new TextDecoder('utf-8');
const EXTENSIONS = new Set(['.txt', '.cable', '.tel']);

/** Lines in one file: read, decode, split (the floor's work, per file). */
const linesOf = (file: string) => utf8.decode(readFileSync(file)).split(/\r\n|\r|\n/).length;

/** The cable files under `dir`, sorted by name, depth first, as the command line walks them. */
function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && EXTENSIONS.has(path.extname(e.name))) yield p;
  }
}

/** The floor: every file under `dir` read and split, by `threads` worker threads (or the main thread for 1), handed out two at a time as the CLI does. */
async function floor(dir: string, threads: number): Promise<number> {
  if (threads <= 1) {
    let lines = 0;
    for (const f of walk(dir)) lines += linesOf(f);
    return lines;
  }
  const files = walk(dir);
  let lines = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(__filename, { workerData: { floorWorker: true } });
      let held = 0;
      await new Promise<void>((resolve, reject) => {
        const feed = () => {
          while (held < 2) {
            const next = files.next();
            if (next.done) break;
            held++;
            worker.postMessage(next.value);
          }
          if (held === 0) resolve();
        };
        worker.on('message', (n: number) => {
          lines += n;
          held--;
          feed();
        });
        worker.on('error', reject);
        feed();
      });
      await worker.terminate();
    }),
  );
  return lines;
}

// ---- Measuring a child process ------------------------------------------------------------

interface Usage {
  maxRssKb: number;
  userMs: number;
  systemMs: number;
}

interface Sample {
  ms: number;
  usage: Usage;
}

const PRELOAD = path.join(CABLEWRIGHT_ROOT, 'bench/support/maxrss.cjs');

/** Runs `node --require maxrss.cjs ARGS` with stdout to /dev/null; its wall time, peak memory and CPU time. */
async function measure(args: string[], scratch: string): Promise<Sample> {
  const usageFile = path.join(scratch, `usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const devnull = openSync('/dev/null', 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, CABLEWRIGHT_BENCH_USAGE: usageFile, NO_COLOR: '1' };
  delete env.CI;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--require', PRELOAD, ...args], { stdio: ['ignore', devnull, 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()).length > 1e5 && (stderr = stderr.slice(-1e5)));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ms = performance.now() - t0;
  closeSync(devnull);
  // lint exits 1 when it finds errors: that is a normal run. 2 is not.
  if (status !== 0 && status !== 1) throw new Error(`node ${args.join(' ')} exited ${status}:\n${stderr.slice(-2000)}`);
  if (!existsSync(usageFile)) throw new Error(`node ${args.join(' ')} reported no resource usage`);
  return { ms, usage: JSON.parse(readFileSync(usageFile, 'utf8')) };
}

// ---- The benchmark ----------------------------------------------------------------------

interface Options {
  runs: number;
  jobs: number;
  mb: number;
  files: number;
  dir: string | undefined;
  out: string | undefined;
  format: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      jobs: { type: 'string', default: String(os.availableParallelism()) },
      mb: { type: 'string', default: '200' },
      files: { type: 'string', default: '10000' },
      dir: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
  });
  if (!['json', 'sarif', 'stylish'].includes(values.format!)) throw new Error(`--format must be json, sarif or stylish (got ${values.format})`);
  return {
    runs: Math.round(numberOption('runs', values.runs, 1)),
    jobs: Math.round(numberOption('jobs', values.jobs, 2)),
    mb: numberOption('mb', values.mb, 0.001),
    files: Math.round(numberOption('files', values.files, 1)),
    dir: values.dir,
    out: values.out,
    format: values.format!,
  };
}

type Measure = 'floor1' | 'floorN' | 'lint1' | 'lintN';

/** The speed at a time, in MB/s. */
const speed = (mb: number, ms: number) => mb / (ms / 1000);
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  const opt = options();
  const N = opt.jobs;
  const cli = path.join(CABLEWRIGHT_ROOT, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run node scripts/build.mjs first`);
  const dir = path.resolve(opt.dir ?? path.join(CABLEWRIGHT_ROOT, 'bench/.work', `archive-${opt.mb}mb-${opt.files}`));
  const t0 = performance.now();
  const archive: Archive = ensureArchive(dir, corpus(CABLEWRIGHT_ROOT), opt.files, Math.round(opt.mb * 1e6));
  const mb = archive.bytes / 1e6;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cablewright-batch-'));
  const loadBefore = loadAverage();
  process.stdout.write(
    `Archive: ${mb.toFixed(1)} MB in ${archive.files.toLocaleString('en-US')} files (median ${(archive.medianFile / 1000).toFixed(1)} kB, largest ${(archive.largestFile / 1e6).toFixed(2)} MB), ` +
      `${archive.made ? `made in ${((performance.now() - t0) / 1000).toFixed(1)} s` : 'reused'}: ${dir}\n` +
      `Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, N = ${N}; ${opt.runs} runs of each measure, interleaved, after an untimed floor (page cache); load average ${loadBefore}\n\n`,
  );

  const self = __filename;
  const commands: Record<Measure, string[]> = {
    floor1: [self, '--floor', dir, '--threads', '1'],
    floorN: [self, '--floor', dir, '--threads', String(N)],
    lint1: [cli, 'lint', '--format', opt.format, '--no-progress', '--jobs', '1', dir],
    lintN: [cli, 'lint', '--format', opt.format, '--no-progress', '--jobs', String(N), dir],
  };
  const order: Measure[] = ['floor1', 'floorN', 'lint1', 'lintN'];
  const samples: Record<Measure, Sample[]> = { floor1: [], floorN: [], lint1: [], lintN: [] };
  try {
    await measure(commands.floor1, scratch);
    // Rounds interleave the measures, so a slow spell of the machine falls on all of them.
    for (let r = 0; r < opt.runs; r++) {
      for (const m of order) {
        const s = await measure(commands[m], scratch);
        samples[m].push(s);
        process.stderr.write(`  run ${r + 1}/${opt.runs} ${m}: ${(s.ms / 1000).toFixed(2)} s, ${(s.usage.maxRssKb / 1024).toFixed(0)} MB peak\n`);
      }
    }
    // Does memory grow with the number of files? The same run on a tenth of the archive (listed with --files-from).
    const tenth = archive.paths.slice(0, Math.max(1, Math.floor(archive.paths.length / 10)));
    const list = path.join(scratch, 'tenth.txt');
    writeFileSync(list, tenth.map((p) => path.join(dir, p)).join('\n'));
    const small = await measure([cli, 'lint', '--format', opt.format, '--no-progress', '--jobs', String(N), '--files-from', list], scratch);
    const loadAfter = loadAverage();

    // ---- Figures ----
    const timeStats = (m: Measure) => {
      const sorted = samples[m].map((s) => s.ms).sort((a, b) => a - b);
      const rss = samples[m].map((s) => s.usage.maxRssKb / 1024).sort((a, b) => a - b);
      const cpu = samples[m].map((s) => s.usage.userMs + s.usage.systemMs).sort((a, b) => a - b);
      return {
        timesMs: samples[m].map((s) => Math.round(s.ms)),
        medianMs: median(sorted),
        p95Ms: percentile(sorted, 95),
        mbPerSec: speed(mb, median(sorted)),
        mbPerSecP95: speed(mb, percentile(sorted, 95)),
        peakRssMb: rss[rss.length - 1],
        medianRssMb: median(rss),
        medianCpuMs: median(cpu),
      };
    };
    const stats = Object.fromEntries(order.map((m) => [m, timeStats(m)])) as Record<Measure, ReturnType<typeof timeStats>>;
    /** A figure computed per round (same round, so the same state of the machine); its median and its slow-side p95. */
    const perRound = (f: (r: number) => number) => {
      const values = samples.floor1.map((_, r) => f(r)).sort((a, b) => a - b);
      // Bigger is better for every ratio here: the slow tail is the low side, the value 95% of rounds reach.
      return { values: values.map((v) => Math.round(v * 1000) / 1000), median: median(values), p95: percentile([...values].reverse(), 95) };
    };
    const ms = (m: Measure, r: number) => samples[m][r].ms;
    const ratios = {
      lintVsFloor1: perRound((r) => ms('floor1', r) / ms('lint1', r)),
      lintVsFloorN: perRound((r) => ms('floorN', r) / ms('lintN', r)),
      perCoreVsFloor1: perRound((r) => ms('floor1', r) / ms('lintN', r) / N),
      scalingLint: perRound((r) => ms('lint1', r) / ms('lintN', r)),
      scalingFloor: perRound((r) => ms('floor1', r) / ms('floorN', r)),
    };

    const label: Record<Measure, string> = {
      floor1: 'floor, 1 thread',
      floorN: `floor, ${N} threads`,
      lint1: 'lint --jobs 1',
      lintN: `lint --jobs ${N}`,
    };
    const table = (rows: string[][]) => {
      const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
      const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
      return `${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.slice(1).map(line).join('\n')}\n`;
    };
    process.stdout.write(
      table([
        ['measure', 'median s', 'p95 s', 'MB/s', 'MB/s p95', 'CPU s', 'peak RSS MB'],
        ...order.map((m) => {
          const s = stats[m];
          return [label[m], (s.medianMs / 1000).toFixed(2), (s.p95Ms / 1000).toFixed(2), s.mbPerSec.toFixed(1), s.mbPerSecP95.toFixed(1), (s.medianCpuMs / 1000).toFixed(1), s.peakRssMb.toFixed(0)];
        }),
      ]) + '\n',
    );
    const perCoreMet = ratios.lintVsFloorN.median >= TARGET_PER_CORE;
    process.stdout.write(
      table([
        ['per round', 'median', 'p95', 'target'],
        ['lint / floor, 1 thread', ratios.lintVsFloor1.median.toFixed(3), ratios.lintVsFloor1.p95.toFixed(3), ''],
        [`lint / floor, ${N} threads (per core)`, ratios.lintVsFloorN.median.toFixed(3), ratios.lintVsFloorN.p95.toFixed(3), `${perCoreMet ? 'met' : 'NOT met'} (>= ${TARGET_PER_CORE})`],
        [`lint --jobs ${N} per core / floor, 1 thread`, ratios.perCoreVsFloor1.median.toFixed(3), ratios.perCoreVsFloor1.p95.toFixed(3), ''],
        [`scaling of lint, 1 -> ${N} jobs`, ratios.scalingLint.median.toFixed(2), ratios.scalingLint.p95.toFixed(2), `ideal ${N}`],
        [`scaling of the floor, 1 -> ${N} threads`, ratios.scalingFloor.median.toFixed(2), ratios.scalingFloor.p95.toFixed(2), ''],
      ]) + '\n',
    );
    process.stdout.write(
      `Memory: lint --jobs ${N} peaks at ${stats.lintN.peakRssMb.toFixed(0)} MB on ${archive.files.toLocaleString('en-US')} files and ${(small.usage.maxRssKb / 1024).toFixed(0)} MB on the first ${tenth.length.toLocaleString('en-US')}; ` +
        `lint --jobs 1 peaks at ${stats.lint1.peakRssMb.toFixed(0)} MB.\n` +
        `Load average after: ${loadAfter}.\n\n` +
        `floor = a child process walking the archive, reading each file, decoding UTF-8 and splitting into lines (with N threads: files handed out as the CLI does);\n` +
        `lint = node dist/cli.js lint --format ${opt.format} --jobs J > /dev/null. Times are wall-clock from spawn to exit; MB = 10^6 bytes;\n` +
        `p95 is nearest-rank, on the slow side (the longest time; for a ratio, the value 95% of rounds reach). Peak RSS is the child's maxRSS (process.resourceUsage, worker threads included).\n`,
    );
    process.stdout.write(`Target (lint at least ${TARGET_PER_CORE} x the floor per core): ${perCoreMet ? 'met' : 'NOT met'}; scaling 1 -> ${N}: ${ratios.scalingLint.median.toFixed(2)} x.\n`);

    if (opt.out) {
      const result = {
        ...machine(),
        loadAverage: { before: loadBefore, after: loadAfter },
        archive: { dir, files: archive.files, bytes: archive.bytes, medianFile: archive.medianFile, largestFile: archive.largestFile },
        jobs: N,
        runs: opt.runs,
        format: opt.format,
        results: stats,
        ratios,
        memory: { tenthFiles: tenth.length, tenthPeakRssMb: small.usage.maxRssKb / 1024 },
        targetPerCore: TARGET_PER_CORE,
        targetMet: perCoreMet,
      };
      const out = path.resolve(opt.out);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`Wrote ${out}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (!isMainThread && (workerData as { floorWorker?: boolean })?.floorWorker) {
  parentPort!.on('message', (file: string) => parentPort!.postMessage(linesOf(file)));
} else if (process.argv.includes('--floor')) {
  const { values } = parseArgs({ options: { floor: { type: 'string' }, threads: { type: 'string', default: '1' } } });
  void floor(values.floor!, Number(values.threads)).then((lines) => process.stdout.write(`${lines}\n`));
} else {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  });
}
