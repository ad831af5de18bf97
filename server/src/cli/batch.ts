/**
 * What `lint` and `extract` do with one file, the same in the main thread
 * (`--jobs 1`) and in a worker: read it, resolve its configuration, check or
 * extract it, and render its share of the output. The result is plain data
 * (strings and numbers), cheap to send between threads; the main thread only
 * writes it out, in the order the files were found.
 */
import path from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { ConfigResolver, nodeConfigHost } from '../config';
import {
  analyze,
  baselineEntries,
  certainFix,
  extractRecords,
  fixAll,
  newFindings,
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
import { eslintElement } from './formats/eslintJson';
import { csvRows, EXTRACT_JSON, jsonlRows } from './formats/extractFormats';
import { countOf, type FileResult, type Message } from './formats/results';
import { sarifDocument, sarifElements } from './formats/sarif';
import { stylishBlock } from './formats/stylish';
import { isDraftFile, readInput, type InputFile } from './inputs';
import { toLineColumns } from './positions';

/** What a run does with every file; the same for each thread. */
export interface JobSpec {
  command: 'lint' | 'extract';
  /** lint: stylish, json or sarif; extract: json, jsonl or csv. Unused by `fix: 'diff'`, which prints diffs. */
  format: string;
  color: boolean;
  quiet: boolean;
  fix: 'write' | 'diff' | undefined;
  /** `--baseline FILE`, over the configuration's. */
  baseline: string | undefined;
  writeBaseline: string | undefined;
}

/** One file to do, numbered in the order it was found. */
export interface FileTask {
  seq: number;
  file: InputFile;
  /** The bytes, when the main thread read them (standard input). */
  bytes?: Uint8Array;
}

/** A line for standard error; one with a `once` key is printed the first time only (a configuration file's mistake, an unreadable baseline). */
export interface Note {
  text: string;
  once?: string;
}

/** What one file gave. */
export interface FileOutcome {
  seq: number;
  /**
   * Its output: for a JSON document (lint json and sarif, extract json), one
   * string per array element; otherwise text, written as it is.
   */
  pieces: string[];
  notes: Note[];
  /** 2 when something could not be read or written, or a configuration has an error; else 0. */
  status: number;
  /** Problems reported (fatal messages aside): the stylish total, and exit status 1 for errors. */
  errors: number;
  warnings: number;
  fixable: number;
  /** lint --fix and --fix-dry-run: problems fixed, whether the file changed, whether writing it failed. */
  fixes: number;
  changed: boolean;
  writeFailed: boolean;
  /** lint --write-baseline: the file's findings. */
  recorded?: BaselineEntry[];
}

function emptyOutcome(seq: number): FileOutcome {
  return { seq, pieces: [], notes: [], status: 0, errors: 0, warnings: 0, fixable: 0, fixes: 0, changed: false, writeFailed: false };
}

function fatalResult(file: InputFile, reason: string): FileResult {
  const messages: Message[] = [{ ruleId: null, severity: 'error', message: reason, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, fatal: true }];
  return { filePath: file.path, messages, ...countOf(messages) };
}

/** The outcome of a file that could not be read, or whose reading crashed: a one-line reason on stderr and, in lint's JSON reports, a fatal message. */
export function failedOutcome(job: JobSpec, task: FileTask, reason: string): FileOutcome {
  const outcome = emptyOutcome(task.seq);
  outcome.notes.push({ text: `cablewright: ${task.file.path}: ${reason}\n` });
  outcome.status = 2;
  if (job.command === 'lint') outcome.pieces = render(job, fatalResult(task.file, reason)).pieces;
  return outcome;
}

/** What a file's result adds to the output, and to the counts. */
function render(job: JobSpec, r: FileResult): { pieces: string[]; errors: number; warnings: number; fixable: number } {
  const counts = { errors: 0, warnings: 0, fixable: 0 };
  for (const m of r.messages) {
    if (m.fatal) continue;
    if (m.severity === 'error') counts.errors++;
    else counts.warnings++;
    if (m.fixable) counts.fixable++;
  }
  if (job.fix === 'diff') return { pieces: [], ...counts };
  if (job.format === 'json') return { pieces: [eslintElement(r)], ...counts };
  if (job.format === 'sarif') return { pieces: sarifElements(SARIF, r, RULES), ...counts };
  const block = stylishBlock(r, job.color);
  return { pieces: block.text ? [block.text] : [], ...counts };
}

/** The SARIF document of every run (the rules and the version are fixed). */
export const SARIF = sarifDocument(RULES, CABLEWRIGHT_VERSION);

function toMessage(d: Diagnostic, lines: LineIndex): Message {
  return { ruleId: d.ruleId, severity: d.severity, message: d.message, ...toLineColumns(lines, d.range), fixable: certainFix(d) !== undefined };
}

/** How a baseline names a file: relative to the baseline's folder, with `/`, so that the archive can move. */
export function baselinePath(baselineFile: string, f: InputFile): string {
  if (f.stdin) return '<stdin>';
  return path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(f.path)).split(path.sep).join('/');
}

/** A baseline's entries by the file they name, so that each file looks at its own only. */
type BaselineIndex = Map<string, Baseline>;

/** Reads a baseline file (`key`, resolved; `file`, as given) and indexes its entries by file. */
function readBaseline(key: string, file: string): { index: BaselineIndex | null; problem?: string } {
  let text: string;
  try {
    // A regular file only: a configuration's "baseline" naming /dev/zero or a pipe must not read for ever.
    if (!statSync(key).isFile()) return { index: null, problem: `cablewright: baseline ${file}: cannot be read (not a regular file)\n` };
    text = readFileSync(key, 'utf8');
  } catch (e) {
    return { index: null, problem: `cablewright: baseline ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n` };
  }
  const parsed = parseBaseline(text);
  if (!parsed.ok) return { index: null, problem: `cablewright: baseline ${file}: ${parsed.reason}\n` };
  const index: BaselineIndex = new Map();
  for (const e of parsed.baseline.entries) {
    let b = index.get(e.file);
    if (!b) index.set(e.file, (b = { version: 1, entries: [] }));
    b.entries.push(e);
  }
  return { index };
}

/**
 * Does one file after another for a run. Each thread has its own: its own
 * configuration resolver (whose caches make the files of one folder cheap)
 * and the baselines it has read.
 */
export class FileWork {
  private readonly resolver = new ConfigResolver(nodeConfigHost);
  /** Notes with a `once` key this thread has already sent (the main thread prints each once over all threads). */
  private readonly sent = new Set<string>();
  private readonly baselines = new Map<string, { index: BaselineIndex | null; problem?: string }>();

  constructor(private readonly job: JobSpec) {}

  run(task: FileTask): FileOutcome {
    const read = readInput(task.file, task.bytes);
    if (!read.ok) return failedOutcome(this.job, task, read.reason);
    const outcome = emptyOutcome(task.seq);
    if (read.note) outcome.notes.push({ text: `cablewright: ${task.file.path}: ${read.note}\n` });
    try {
      if (this.job.command === 'lint') this.lint(task.file, read.text, read.encoding, outcome);
      else this.extract(task.file, read.text, outcome);
    } catch (e) {
      // A bug must not take the other files down with it.
      return failedOutcome(this.job, task, `cablewright failed on this file (${(e as Error).message ?? e}); please report it`);
    }
    return outcome;
  }

  private note(outcome: FileOutcome, text: string, once: string): void {
    if (this.sent.has(once)) return;
    this.sent.add(once);
    outcome.notes.push({ text, once });
  }

  /** The file's configuration, its mistakes noted (once per configuration file and mistake). */
  private config(f: InputFile, outcome: FileOutcome) {
    const config = this.resolver.resolve(f.stdin ? path.join(process.cwd(), '<stdin>') : f.path);
    for (const p of config.problems) {
      this.note(outcome, `cablewright: ${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${p.message}\n`, `config:${p.file}:${p.start}:${p.message}`);
      if (p.severity === 'error' && this.job.command === 'lint') outcome.status = 2;
    }
    return config;
  }

  /** The baseline in `file`, by the file its entries name, or null when it cannot be read (noted once). */
  private baseline(file: string, outcome: FileOutcome): BaselineIndex | null {
    const key = path.resolve(file);
    let read = this.baselines.get(key);
    if (!read) this.baselines.set(key, (read = readBaseline(key, file)));
    if (read.problem) this.note(outcome, read.problem, `baseline:${key}`);
    return read.index;
  }

  private lint(f: InputFile, text: string, encoding: Encoding, outcome: FileOutcome): void {
    const { job } = this;
    const config = this.config(f, outcome);
    const options = { ...config.options, assumeCable: isDraftFile(f) };
    let analysis = analyze(text, options);
    const results: FileResult[] = [];
    if (job.fix) {
      const fixed = fixAll(text, options, () => true, analysis);
      if (fixed.text !== text) {
        const written = job.fix === 'diff' ? { ok: true as const } : writeFixed(f.path, fixed.text, encoding, f.root);
        if (written.ok) {
          if (job.fix === 'diff') outcome.pieces.push(fixDiff(f.path, text, fixed.text));
          outcome.fixes = fixed.fixed;
          outcome.changed = true;
          analysis = fixed.analysis;
        } else {
          outcome.notes.push({ text: `cablewright: ${f.path}: ${written.reason}\n` });
          outcome.writeFailed = true;
          outcome.status = 2;
          results.push(fatalResult(f, written.reason));
        }
      }
    }
    let diagnostics = analysis.diagnostics;
    if (job.writeBaseline !== undefined) {
      outcome.recorded = baselineEntries(baselinePath(job.writeBaseline, f), analysis.doc, diagnostics);
      diagnostics = [];
    } else {
      const file = job.baseline ?? config.baseline;
      const index = file === undefined ? undefined : this.baseline(file, outcome);
      if (index === null) outcome.status = 2;
      else if (index && file !== undefined) {
        const name = baselinePath(file, f);
        const baseline = index.get(name);
        if (baseline) diagnostics = newFindings(name, analysis.doc, diagnostics, baseline);
      }
    }
    const messages = diagnostics.filter((d) => !job.quiet || d.severity === 'error').map((d) => toMessage(d, analysis.doc.lines));
    results.push({ filePath: f.path, messages, ...countOf(messages) });
    for (const r of results) {
      const shown = render(job, r);
      outcome.pieces.push(...shown.pieces);
      outcome.errors += shown.errors;
      outcome.warnings += shown.warnings;
      outcome.fixable += shown.fixable;
    }
  }

  private extract(f: InputFile, text: string, outcome: FileOutcome): void {
    this.config(f, outcome);
    const records = extractRecords(parse(text, { assumeCable: isDraftFile(f) }), f.path);
    if (this.job.format === 'json') outcome.pieces = records.map((r) => EXTRACT_JSON.element(r));
    else if (records.length) outcome.pieces = [this.job.format === 'csv' ? csvRows(records) : jsonlRows(records)];
  }
}
