/**
 * `cablewright`: lint, extract and outline cables from the command line.
 * Exit status: 0 clean, 1 errors found, 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigResolver, describeConfig, nodeConfigHost, type ResolvedConfig } from '../config';
import {
  analyze,
  baselineEntries,
  certainFix,
  extractRecords,
  fixAll,
  formatBaseline,
  newFindings,
  outline,
  parse,
  parseBaseline,
  RULES,
  type Baseline,
  type BaselineEntry,
  type Diagnostic,
  type LineIndex,
} from '../service';
import type { Encoding } from './encoding';
import { fixDiff, writeFixed } from './fix';
import { formatEslintJson } from './formats/eslintJson';
import { csvHeader, csvRows, jsonlRows } from './formats/extractFormats';
import { formatOutlineText, outlineJson } from './formats/outlineText';
import { countOf, type FileResult, type Message } from './formats/results';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { toLineColumns } from './positions';
import { collectFiles, isDraftFile, readInput, type InputFile } from './inputs';

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
  -h, --help        show this help
  -v, --version     show the version

PATH is a file, a directory (searched for *.cable, *.tel and *.txt files),
or - for standard input.

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

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

class UsageError extends Error {}

/** Runs the command line; returns the exit status. */
export function run(argv: string[], io: Io): number {
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
    if (paths.length === 0) throw new UsageError('no PATH given');
    if (values.fix && paths.includes('-')) throw new UsageError('--fix cannot write standard input back; use --fix-dry-run');
    const { files, missing } = collectFiles(paths);
    for (const m of missing) io.err(`cablewright: ${m}: no such file or directory\n`);
    let status = missing.length ? 2 : 0;
    const configs = new Configs(io);
    if (command === 'lint') status = Math.max(status, lint(files, format, { quiet: !!values.quiet, fix, baseline: values.baseline, writeBaseline: values['write-baseline'] }, configs, io));
    else if (command === 'extract') status = Math.max(status, extract(files, format, configs, io));
    else if (command === 'outline') status = Math.max(status, outlineCommand(files, format, configs, io));
    else status = Math.max(status, printConfig(files, configs, io));
    return status;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cablewright: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

/** Reads every input, reporting the unreadable ones on stderr (and to `unreadable`); calls `each` with the readable ones. */
function eachReadable(files: InputFile[], io: Io, each: (file: InputFile, text: string, encoding: Encoding) => void, unreadable?: (file: InputFile, reason: string) => void): number {
  let status = 0;
  for (const f of files) {
    const r = readInput(f);
    if (!r.ok) {
      io.err(`cablewright: ${f.path}: ${r.reason}\n`);
      status = 2;
      unreadable?.(f, r.reason);
      continue;
    }
    if (r.note) io.err(`cablewright: ${f.path}: ${r.note}\n`);
    each(f, r.text, r.encoding);
  }
  return status;
}

function toMessage(d: Diagnostic, lines: LineIndex): Message {
  return { ruleId: d.ruleId, severity: d.severity, message: d.message, ...toLineColumns(lines, d.range), fixable: certainFix(d) !== undefined };
}

/** What `lint --fix` or `--fix-dry-run` did, for the summary on stderr. */
interface FixTally {
  fixes: number;
  files: number;
  failed: number;
}

interface LintFlags {
  quiet: boolean;
  fix: 'write' | 'diff' | undefined;
  /** `--baseline FILE`, over the configuration's. */
  baseline: string | undefined;
  writeBaseline: string | undefined;
}

function lint(files: InputFile[], format: string, flags: LintFlags, configs: Configs, io: Io): number {
  const { quiet, fix } = flags;
  const results: FileResult[] = [];
  const tally: FixTally = { fixes: 0, files: 0, failed: 0 };
  const recorded: BaselineEntry[] = [];
  const baselines = new Baselines(io);
  let status = 0;
  const failure = (f: InputFile, reason: string) => {
    const messages: Message[] = [{ ruleId: null, severity: 'error', message: reason, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, fatal: true }];
    results.push({ filePath: f.path, messages, ...countOf(messages) });
  };
  status = eachReadable(
    files,
    io,
    (f, text, encoding) => {
      const config = configs.of(f);
      const options = { ...config.options, assumeCable: isDraftFile(f) };
      let analysis = analyze(text, options);
      if (fix) {
        const fixed = fixAll(text, options, () => true, analysis);
        if (fixed.text !== text) {
          const written = fix === 'diff' ? { ok: true as const } : writeFixed(f.path, fixed.text, encoding);
          if (written.ok) {
            if (fix === 'diff') io.out(fixDiff(f.path, text, fixed.text));
            tally.fixes += fixed.fixed;
            tally.files++;
            analysis = fixed.analysis;
          } else {
            io.err(`cablewright: ${f.path}: ${written.reason}\n`);
            tally.failed++;
            failure(f, written.reason);
          }
        }
      }
      let diagnostics = analysis.diagnostics;
      if (flags.writeBaseline !== undefined) {
        recorded.push(...baselineEntries(baselinePath(flags.writeBaseline, f), analysis.doc, diagnostics));
        diagnostics = [];
      } else {
        const file = flags.baseline ?? config.baseline;
        const baseline = file === undefined ? undefined : baselines.read(file);
        if (baseline === null) status = 2;
        else if (baseline && file !== undefined) diagnostics = newFindings(baselinePath(file, f), analysis.doc, diagnostics, baseline);
      }
      const messages = diagnostics.filter((d) => !quiet || d.severity === 'error').map((d) => toMessage(d, analysis.doc.lines));
      results.push({ filePath: f.path, messages, ...countOf(messages) });
    },
    failure,
  ) || status;
  if (flags.writeBaseline !== undefined) {
    try {
      writeFileSync(flags.writeBaseline, formatBaseline(recorded));
      const n = recorded.reduce((sum, e) => sum + e.count, 0);
      io.err(`cablewright: recorded ${n} finding${n === 1 ? '' : 's'} of ${files.length} file${files.length === 1 ? '' : 's'} in ${flags.writeBaseline}\n`);
    } catch (e) {
      io.err(`cablewright: ${flags.writeBaseline}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  }
  if (fix) {
    const verb = fix === 'diff' ? 'would fix' : 'fixed';
    io.err(`cablewright: ${verb} ${tally.fixes} problem${tally.fixes === 1 ? '' : 's'} in ${tally.files} file${tally.files === 1 ? '' : 's'}\n`);
  }
  if (fix === 'diff') {
    const left = results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);
    if (left) io.err(`cablewright: ${left} problem${left === 1 ? '' : 's'} would remain\n`);
  } else if (format === 'json') io.out(formatEslintJson(results));
  else if (format === 'sarif') io.out(formatSarif(results, RULES, CABLEWRIGHT_VERSION));
  else io.out(formatStylish(results.map((r) => ({ ...r, messages: r.messages.filter((m) => !m.fatal) })), io.color));
  const errors = results.some((r) => r.messages.some((m) => m.severity === 'error' && !m.fatal));
  return Math.max(status, configs.broken ? 2 : 0, tally.failed ? 2 : 0, errors ? 1 : 0);
}

/** How a baseline names a file: relative to the baseline's folder, with `/`, so that the archive can move. */
function baselinePath(baselineFile: string, f: InputFile): string {
  if (f.stdin) return '<stdin>';
  return path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(f.path)).split(path.sep).join('/');
}

/** Baseline files, each read once; one that cannot be read is reported once and counts as absent. */
class Baselines {
  private readonly read_ = new Map<string, Baseline | null>();
  constructor(private readonly io: Io) {}

  /** The baseline in `file`, or null when it cannot be read (reported). */
  read(file: string): Baseline | null {
    const key = path.resolve(file);
    let b = this.read_.get(key);
    if (b === undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(key, 'utf8');
      } catch (e) {
        this.io.err(`cablewright: baseline ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      }
      const parsed = text === undefined ? undefined : parseBaseline(text);
      if (parsed && !parsed.ok) this.io.err(`cablewright: baseline ${file}: ${parsed.reason}\n`);
      b = parsed?.ok ? parsed.baseline : null;
      this.read_.set(key, b);
    }
    return b;
  }
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

function extract(files: InputFile[], format: string, configs: Configs, io: Io): number {
  const all: ReturnType<typeof extractRecords> = [];
  if (format === 'csv') io.out(csvHeader());
  const status = eachReadable(files, io, (f, text) => {
    configs.of(f);
    const records = extractRecords(parse(text, { assumeCable: isDraftFile(f) }), f.path);
    if (format === 'json') all.push(...records);
    else io.out(format === 'csv' ? csvRows(records) : jsonlRows(records));
  });
  if (format === 'json') io.out(`${JSON.stringify(all, null, 2)}\n`);
  return status;
}

function outlineCommand(files: InputFile[], format: string, configs: Configs, io: Io): number {
  const json: unknown[] = [];
  const status = eachReadable(files, io, (f, text) => {
    configs.of(f);
    const doc = parse(text, { assumeCable: isDraftFile(f) });
    const nodes = outline(doc);
    if (format === 'json') {
      json.push({ filePath: f.path, outline: outlineJson(nodes, doc.lines) });
      return;
    }
    if (files.length > 1) io.out(`${f.path}\n`);
    const body = formatOutlineText(nodes, doc.lines);
    io.out(body ? body.replace(/^/gm, files.length > 1 ? '  ' : '') : `${files.length > 1 ? '  ' : ''}(no cable found)\n`);
  });
  if (format === 'json') io.out(`${JSON.stringify(json, null, 2)}\n`);
  return status;
}

// Run only when executed, not when a test imports `run`.
if (require.main === module) {
  const code = run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  });
  process.exitCode = code;
}

