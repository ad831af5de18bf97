/**
 * `cablewright`: lint, extract and outline cables from the command line.
 * Exit status: 0 clean, 1 errors found, 2 bad usage or unreadable input.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { ConfigResolver, describeConfig, nodeConfigHost, type ResolvedConfig } from '../config';
import { formatBaseline, outline, parse, type BaselineEntry } from '../service';
import { SARIF, type FileOutcome, type JobSpec } from './batch';
import { ESLINT_JSON } from './formats/eslintJson';
import { csvHeader, EXTRACT_JSON } from './formats/extractFormats';
import { ArrayWriter } from './formats/jsonArray';
import { formatOutlineText, outlineJson } from './formats/outlineText';
import { stylishSummary } from './formats/stylish';
import { collectFiles, findInputs, isDraftFile, openList, readInput, type InputFile } from './inputs';
import { runBatch, type WorkerData } from './pool';
import { Progress, type ProgressStream } from './progress';
import { startWorker } from './worker';

const USAGE = `Usage: cablewright <command> [options] PATH...

Commands:
  lint          check cables and report problems
  extract       print the metadata of every cable found
  outline       print the structure of every cable found
  print-config  print the configuration that applies to each PATH

Options:
  --format FORMAT   lint: stylish (default), json (ESLint's shape) or sarif
                    extract: json (default), jsonl or csv
                    outline: text (default) or json
  --quiet           lint: report errors only
  --fix             lint: fix what can be fixed for certain, write the files
                    back (same encoding and line breaks), report what remains
  --fix-dry-run     lint: print the fixes as a unified diff, write nothing
  --baseline FILE   lint: report only findings FILE does not record (also
                    the "baseline" key of a configuration file)
  --write-baseline FILE
                    lint: record today's findings in FILE, report none
  -j, --jobs N      lint, extract: files read at once, in worker threads
                    (default: the number of cores; 1: no worker)
  --files-from FILE also read the paths listed in FILE, one a line (- for
                    standard input)
  --no-progress     lint, extract: no progress bar (it is drawn on standard
                    error only when that is a terminal, and not in CI)
  -h, --help        show this help
  -v, --version     show the version

PATH is a file, a directory (searched for *.cable, *.tel and *.txt files),
or - for standard input. Output is in the order the files are found, and
written as each file is done.

Configuration: the .cablewrightrc.json (or package.json "cablewright" key)
nearest each file, walking up; see the README.

Exit status: 0 clean, 1 errors found, 2 bad usage or unreadable input.
`;

const FORMATS: Record<string, string[]> = {
  lint: ['stylish', 'json', 'sarif'],
  extract: ['json', 'jsonl', 'csv'],
  outline: ['text', 'json'],
  'print-config': ['text'],
};

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
  /** Resolves when standard output can take more (after a write it had to buffer). */
  drained?: () => Promise<void>;
  /** Where a progress bar may be drawn: standard error, when it is a terminal and not in CI; `sharesOut` when standard output shows on the same terminal. */
  progress?: { stream: ProgressStream; sharesOut: boolean };
  /** The script worker threads run (this bundle); without it, every file is done in the main thread. */
  workerScript?: string;
}

class UsageError extends Error {}

/** Runs the command line; resolves to the exit status. */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        quiet: { type: 'boolean', short: 'q' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'files-from': { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(`cablewright: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${CABLEWRIGHT_VERSION}\n`);
    return 0;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, ...paths] = positionals;
  let list: Readable | undefined;
  try {
    if (!command) throw new UsageError('no command given');
    if (!FORMATS[command]) throw new UsageError(`unknown command '${command}'`);
    const format = values.format ?? FORMATS[command][0];
    if (!FORMATS[command].includes(format)) throw new UsageError(`--format ${format} is not one of ${FORMATS[command].join(', ')} for ${command}`);
    if (values.quiet && command !== 'lint') throw new UsageError('--quiet applies to lint only');
    const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'diff' : undefined;
    if (fix && command !== 'lint') throw new UsageError(`--${values.fix ? 'fix' : 'fix-dry-run'} applies to lint only`);
    if (values.fix && values['fix-dry-run']) throw new UsageError('give --fix or --fix-dry-run, not both');
    if (fix === 'diff' && values.format) throw new UsageError('--fix-dry-run prints a diff; it takes no --format');
    for (const flag of ['baseline', 'write-baseline'] as const) if (values[flag] !== undefined && command !== 'lint') throw new UsageError(`--${flag} applies to lint only`);
    if (values.baseline !== undefined && values['write-baseline'] !== undefined) throw new UsageError('give --baseline or --write-baseline, not both');
    if (fix && values['write-baseline'] !== undefined) throw new UsageError('--write-baseline records findings as they are; it does not go with --fix');
    const batch = command === 'lint' || command === 'extract';
    for (const flag of ['jobs', 'no-progress'] as const) if (values[flag] !== undefined && !batch) throw new UsageError(`--${flag} applies to lint and extract only`);
    if (values.jobs !== undefined && !/^[1-9][0-9]*$/.test(values.jobs)) throw new UsageError(`--jobs takes a whole number of at least 1 (got '${values.jobs}')`);
    const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs);
    const filesFrom = values['files-from'];
    if (paths.length === 0 && filesFrom === undefined) throw new UsageError('no PATH given');
    if (filesFrom === '-' && paths.includes('-')) throw new UsageError('standard input cannot be both a PATH (-) and the list of --files-from -');
    if (values.fix && paths.includes('-')) throw new UsageError('--fix cannot write standard input back; use --fix-dry-run');
    if (filesFrom !== undefined) {
      const opened = openList(filesFrom);
      if (!opened.ok) {
        io.err(`cablewright: --files-from ${filesFrom}: ${opened.reason}\n`);
        return 2;
      }
      list = opened.stream;
    }
    if (batch) {
      const job: JobSpec = { command, format, color: io.color, quiet: !!values.quiet, fix, baseline: values.baseline, writeBaseline: values['write-baseline'] };
      const progress = io.progress && !values['no-progress'] ? new Progress(io.progress.stream) : undefined;
      return await runBatchCommand(job, paths, filesFrom, list, jobs, progress, io);
    }
    const { files, missing } = await collectFiles(paths, list);
    for (const m of missing) io.err(`cablewright: ${m}: no such file or directory\n`);
    const status = missing.length ? 2 : 0;
    const configs = new Configs(io);
    if (command === 'outline') return Math.max(status, outlineCommand(files, format, configs, io));
    return Math.max(status, printConfig(files, configs, io));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cablewright: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  } finally {
    list?.destroy();
  }
}

/** What the files of a lint or extract run added up to. */
interface Totals {
  status: number;
  errors: number;
  warnings: number;
  fixable: number;
  fixes: number;
  changed: number;
  writeFailed: number;
  recorded: BaselineEntry[];
}

/**
 * `lint` and `extract`: every file found, spread over `jobs` threads, each
 * file's output written as soon as the files before it have been.
 */
async function runBatchCommand(job: JobSpec, paths: string[], filesFrom: string | undefined, list: Readable | undefined, jobs: number, progress: Progress | undefined, io: Io): Promise<number> {
  const out = progress && io.progress?.sharesOut ? (s: string) => (progress.hide(), io.out(s)) : io.out;
  const err = progress ? (s: string) => (progress.hide(), io.err(s)) : io.err;
  const sink = outputOf(job, out);
  const totals: Totals = { status: 0, errors: 0, warnings: 0, fixable: 0, fixes: 0, changed: 0, writeFailed: 0, recorded: [] };
  const printed = new Set<string>();
  // The total for the bar, found by a walk of its own (the run's walk stays a few files ahead of the work); a list on standard input can be read once only.
  let counted: number | undefined;
  const counting = { stop: false };
  if (progress && filesFrom !== '-') void countFiles(paths, filesFrom, counting).then((n) => (counted = n));
  const emit = (o: FileOutcome) => {
    for (const note of o.notes) {
      if (note.once !== undefined) {
        if (printed.has(note.once)) continue;
        printed.add(note.once);
      }
      err(note.text);
    }
    for (const piece of o.pieces) sink.piece(piece);
    totals.status = Math.max(totals.status, o.status);
    totals.errors += o.errors;
    totals.warnings += o.warnings;
    totals.fixable += o.fixable;
    totals.fixes += o.fixes;
    if (o.changed) totals.changed++;
    if (o.writeFailed) totals.writeFailed++;
    if (o.recorded) totals.recorded.push(...o.recorded);
  };
  let files: number;
  try {
    files = await runBatch(findInputs(paths, list), {
      job,
      jobs,
      workerScript: io.workerScript,
      emit,
      drained: io.drained,
      progress: progress && ((done, total) => progress.update(done, total ?? counted)),
    });
  } finally {
    counting.stop = true;
    progress?.end();
  }
  sink.end(totals);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (job.writeBaseline !== undefined) {
    try {
      writeFileSync(job.writeBaseline, formatBaseline(totals.recorded));
      const n = totals.recorded.reduce((sum, e) => sum + e.count, 0);
      io.err(`cablewright: recorded ${plural(n, 'finding')} of ${plural(files, 'file')} in ${job.writeBaseline}\n`);
    } catch (e) {
      io.err(`cablewright: ${job.writeBaseline}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  }
  if (job.fix) io.err(`cablewright: ${job.fix === 'diff' ? 'would fix' : 'fixed'} ${plural(totals.fixes, 'problem')} in ${plural(totals.changed, 'file')}\n`);
  const left = totals.errors + totals.warnings;
  if (job.fix === 'diff' && left) io.err(`cablewright: ${plural(left, 'problem')} would remain\n`);
  return Math.max(totals.status, totals.writeFailed ? 2 : 0, job.command === 'lint' && totals.errors ? 1 : 0);
}

/** How many files `paths` and the list in `filesFrom` name, walking the folders again (for the progress bar). */
async function countFiles(paths: string[], filesFrom: string | undefined, counting: { stop: boolean }): Promise<number | undefined> {
  let list: Readable | undefined;
  if (filesFrom !== undefined) {
    const opened = openList(filesFrom);
    if (!opened.ok) return undefined;
    list = opened.stream;
  }
  let n = 0;
  try {
    for await (const found of findInputs(paths, list)) {
      if (found.file) n++;
      // Let the workers' answers through now and then; stop when the run is over.
      if (n % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (counting.stop) return undefined;
    }
  } finally {
    list?.destroy();
  }
  return n;
}

/** Where a run's pieces go: a stream of text, or one JSON document written element by element. */
function outputOf(job: JobSpec, out: (s: string) => void): { piece(s: string): void; end(totals: Totals): void } {
  const document = job.fix === 'diff' ? undefined : job.command === 'lint' ? { json: ESLINT_JSON, sarif: SARIF }[job.format] : job.format === 'json' ? EXTRACT_JSON : undefined;
  if (document) {
    const writer = new ArrayWriter(document, out);
    return { piece: (s) => writer.element(s), end: () => writer.end() };
  }
  if (job.command === 'extract' && job.format === 'csv') out(csvHeader());
  return {
    piece: out,
    end: (totals) => {
      if (job.command === 'lint' && job.fix !== 'diff') out(stylishSummary(totals, job.color));
    },
  };
}

/** The configuration of each input, its problems reported on stderr once per configuration file. */
class Configs {
  private readonly resolver = new ConfigResolver(nodeConfigHost);
  private readonly reported = new Set<string>();
  /** Whether a configuration file had an error (the valid part still applied). */
  broken = false;
  constructor(private readonly io: Io) {}

  of(f: InputFile): ResolvedConfig {
    const config = this.resolver.resolve(f.stdin ? path.join(process.cwd(), '<stdin>') : f.path);
    for (const p of config.problems) {
      const key = `${p.file}:${p.start}:${p.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      if (p.severity === 'error') this.broken = true;
      this.io.err(`cablewright: ${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${p.message}\n`);
    }
    return config;
  }
}

function printConfig(files: InputFile[], configs: Configs, io: Io): number {
  for (const f of files) {
    if (files.length > 1) io.out(`${f.path}\n`);
    const body = describeConfig(configs.of(f));
    io.out(files.length > 1 ? body.replace(/^/gm, '  ') : body);
    if (!body.endsWith('\n')) io.out('\n');
  }
  return configs.broken ? 2 : 0;
}

function outlineCommand(files: InputFile[], format: string, configs: Configs, io: Io): number {
  const json: unknown[] = [];
  let status = 0;
  for (const f of files) {
    const r = readInput(f);
    if (!r.ok) {
      io.err(`cablewright: ${f.path}: ${r.reason}\n`);
      status = 2;
      continue;
    }
    if (r.note) io.err(`cablewright: ${f.path}: ${r.note}\n`);
    configs.of(f);
    const doc = parse(r.text, { assumeCable: isDraftFile(f) });
    const nodes = outline(doc);
    if (format === 'json') {
      json.push({ filePath: f.path, outline: outlineJson(nodes, doc.lines) });
      continue;
    }
    if (files.length > 1) io.out(`${f.path}\n`);
    const body = formatOutlineText(nodes, doc.lines);
    io.out(body ? body.replace(/^/gm, files.length > 1 ? '  ' : '') : `${files.length > 1 ? '  ' : ''}(no cable found)\n`);
  }
  if (format === 'json') io.out(`${JSON.stringify(json, null, 2)}\n`);
  return status;
}

if (!isMainThread && (workerData as Partial<WorkerData> | undefined)?.cablewrightJob) {
  // A worker thread of this bundle (see pool.ts).
  startWorker((workerData as WorkerData).cablewrightJob);
} else if (isMainThread && require.main === module) {
  // Run only when executed, not when a test imports `run`.
  // A reader that stops early (`| head`) ends the run quietly, as it would a program killed by SIGPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  let blocked: Promise<void> | undefined;
  void run(process.argv.slice(2), {
    out: (s) => {
      if (!process.stdout.write(s) && !blocked) blocked = new Promise((resolve) => process.stdout.once('drain', () => ((blocked = undefined), resolve())));
    },
    err: (s) => process.stderr.write(s),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    drained: () => blocked ?? Promise.resolve(),
    progress: process.stderr.isTTY && !process.env.CI ? { stream: process.stderr, sharesOut: !!process.stdout.isTTY } : undefined,
    workerScript: __filename,
  }).then((code) => {
    process.exitCode = code;
  });
}
