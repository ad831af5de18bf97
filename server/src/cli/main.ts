/**
 * `cablewright`: lint, extract and outline cables from the command line.
 * Exit status: 0 clean, 1 errors found, 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { analyze, certainFix, extractRecords, fixAll, outline, parse, RULES, type Diagnostic, type LineIndex } from '../service';
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
  lint       check cables and report problems
  extract    print the metadata of every cable found
  outline    print the structure of every cable found

Options:
  --format FORMAT   lint: stylish (default), json (ESLint's shape) or sarif
                    extract: json (default), jsonl or csv
                    outline: text (default) or json
  --quiet           lint: report errors only
  --fix             lint: fix what can be fixed for certain, write the files
                    back (same encoding and line breaks), report what remains
  --fix-dry-run     lint: print the fixes as a unified diff, write nothing
  -h, --help        show this help
  -v, --version     show the version

PATH is a file, a directory (searched for *.cable, *.tel and *.txt files),
or - for standard input.

Exit status: 0 clean, 1 errors found, 2 bad usage or unreadable input.
`;

const FORMATS: Record<string, string[]> = {
  lint: ['stylish', 'json', 'sarif'],
  extract: ['json', 'jsonl', 'csv'],
  outline: ['text', 'json'],
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
    if (paths.length === 0) throw new UsageError('no PATH given');
    if (values.fix && paths.includes('-')) throw new UsageError('--fix cannot write standard input back; use --fix-dry-run');
    const { files, missing } = collectFiles(paths);
    for (const m of missing) io.err(`cablewright: ${m}: no such file or directory\n`);
    let status = missing.length ? 2 : 0;
    if (command === 'lint') status = Math.max(status, lint(files, format, !!values.quiet, fix, io));
    else if (command === 'extract') status = Math.max(status, extract(files, format, io));
    else status = Math.max(status, outlineCommand(files, format, io));
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

function lint(files: InputFile[], format: string, quiet: boolean, fix: 'write' | 'diff' | undefined, io: Io): number {
  const results: FileResult[] = [];
  const tally: FixTally = { fixes: 0, files: 0, failed: 0 };
  const failure = (f: InputFile, reason: string) => {
    const messages: Message[] = [{ ruleId: null, severity: 'error', message: reason, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, fatal: true }];
    results.push({ filePath: f.path, messages, ...countOf(messages) });
  };
  const status = eachReadable(
    files,
    io,
    (f, text, encoding) => {
      const options = { assumeCable: isDraftFile(f) };
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
      const messages = analysis.diagnostics.filter((d) => !quiet || d.severity === 'error').map((d) => toMessage(d, analysis.doc.lines));
      results.push({ filePath: f.path, messages, ...countOf(messages) });
    },
    failure,
  );
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
  return Math.max(status, tally.failed ? 2 : 0, errors ? 1 : 0);
}

function extract(files: InputFile[], format: string, io: Io): number {
  const all: ReturnType<typeof extractRecords> = [];
  if (format === 'csv') io.out(csvHeader());
  const status = eachReadable(files, io, (f, text) => {
    const records = extractRecords(parse(text, { assumeCable: isDraftFile(f) }), f.path);
    if (format === 'json') all.push(...records);
    else io.out(format === 'csv' ? csvRows(records) : jsonlRows(records));
  });
  if (format === 'json') io.out(`${JSON.stringify(all, null, 2)}\n`);
  return status;
}

function outlineCommand(files: InputFile[], format: string, io: Io): number {
  const json: unknown[] = [];
  const status = eachReadable(files, io, (f, text) => {
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

