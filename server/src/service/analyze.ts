import { builtinReference } from './data/builtin';
import type { ReferenceData } from './data/reference';
import type { Cable, ParsedDocument, Span } from './model';
import { reparse, settle, type ChangedRegion, type ReparseOptions, type Reuse } from './parser/incremental';
import { parseInSteps, parseResumable, type ParseResult } from './parser/parse';
import { RULES } from './rules';
import type { Fix, Finding, Rule, Severity } from './rules/types';
import type { LineIndex } from './text/lineIndex';
import type { Source } from './text/source';

/** Options of the language service; everything has a default. */
export interface ServiceOptions {
  /** Take a file without any cable header as one cable (editors set it for `*.cable`, `*.tel`). */
  assumeCable?: boolean;
  /** Posts and TAGS to check against (default: the bundled tables). */
  reference?: ReferenceData;
  /** Severity per rule id; `off` turns a rule off. */
  rules?: Record<string, Severity | 'off'>;
  /** The year to judge an undated cable by (TAGS eras). */
  assumeYear?: number;
  /** Options per rule id, in the shape the rule's `optionsSchema` describes (`{ "non-ascii": { "allow": ["é"] } }`). */
  ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A finding of a rule, placed and graded. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Span;
  /** The cable the finding belongs to. */
  cableIndex: number;
  fixes: Fix[];
  tags: Finding['tags'];
}

/** A parsed document with its diagnostics. */
export interface Analysis {
  doc: ParsedDocument;
  diagnostics: Diagnostic[];
  /** The options it was made with, and what an analysis of the next version reuses (see {@link analyze}). */
  options: ServiceOptions;
  parsed: ParseResult;
  /** Which cables this analysis took over from the previous version's, when it was made from one. */
  reuse: Reuse | undefined;
}

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The lower (less severe) of two severities. */
function milder(a: Severity, b: Severity): Severity {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/**
 * Parses `text` and runs every enabled rule on every cable. Given the
 * analysis of the previous version of the same document (made with the same
 * options), only the cables an edit touched are parsed and checked again; the
 * result is the same as without it. `change`, when the caller knows it, is
 * where the two versions' texts differ (see `reparse`); `lines`, when it
 * keeps the text's line index, spares making it again.
 */
export function analyze(text: Source, options: ServiceOptions = {}, previous?: Analysis, change?: ChangedRegion, lines?: LineIndex): Analysis {
  if (previous && sameOptions(previous.options, options)) return next(previous, text, options, { change, defer: false, lines });
  const parsed = parseResumable(text, { assumeCable: options.assumeCable }, lines);
  return { doc: parsed.doc, diagnostics: lint(parsed.doc, options, undefined), options, parsed, reuse: undefined };
}

/**
 * {@link analyze} for an editor that holds one analysis per document and
 * replaces it at each edit: `previous` is given up (the new analysis shares
 * its cables, and moves them). The cables after the edit are left where they
 * were until {@link settled} moves them, so a keystroke costs the cables it
 * touched, not the file: the diagnostics and the line index are exact at once;
 * read anything else of the document only from `settled(analysis)`.
 * `lines`, when the editor keeps the text's line index, spares making it again.
 */
export function analyzeEdit(previous: Analysis, text: Source, options: ServiceOptions, change?: ChangedRegion, lines?: LineIndex): Analysis {
  if (!sameOptions(previous.options, options)) return analyze(text, options, undefined, undefined, lines);
  return next(previous, text, options, { change, defer: true, lines });
}

/**
 * {@link analyze} (without a previous version) in steps: the generator
 * pauses after every `every` lines parsed and every `every / 100` cables
 * checked by a rule, so that a host can answer requests between steps of a
 * long text. Its value is the analysis. `lines` as for {@link analyze}.
 */
export function* analyzeInSteps(text: Source, options: ServiceOptions = {}, every = 20_000, lines?: LineIndex): Generator<void, Analysis, void> {
  const parsed = yield* parseInSteps(text, { assumeCable: options.assumeCable }, every, lines);
  const diagnostics = yield* lintSteps(parsed.doc, options, undefined, Math.max(1, Math.round(every / 100)));
  return { doc: parsed.doc, diagnostics, options, parsed, reuse: undefined };
}

/** The analysis with every cable where it says it is (see {@link analyzeEdit}); the same object. */
export function settled(a: Analysis): Analysis {
  settle(a.parsed);
  return a;
}

function next(previous: Analysis, text: Source, options: ServiceOptions, how: ReparseOptions): Analysis {
  const { result, reuse } = reparse(previous.parsed, text, how);
  return { doc: result.doc, diagnostics: lint(result.doc, options, { previous, reuse, parsed: result, inPlace: how.defer ?? false }), options, parsed: result, reuse };
}

function sameOptions(a: ServiceOptions, b: ServiceOptions): boolean {
  return (a.assumeCable ?? false) === (b.assumeCable ?? false) && a.reference === b.reference && a.rules === b.rules && a.ruleOptions === b.ruleOptions && a.assumeYear === b.assumeYear;
}

/** Runs the rules on a parsed document. A rule that fails reports its failure as a diagnostic instead of stopping the others. */
export function lintDocument(doc: ParsedDocument, options: ServiceOptions = {}): Diagnostic[] {
  return lint(doc, options, undefined);
}

/** What `lint` takes over from the previous version; `inPlace` when that version is given up, so its diagnostics may be moved rather than copied. */
interface Previous {
  previous: Analysis;
  reuse: Reuse;
  parsed: ParseResult;
  inPlace: boolean;
}

function lint(doc: ParsedDocument, options: ServiceOptions, incremental: Previous | undefined): Diagnostic[] {
  const steps = lintSteps(doc, options, incremental, 0);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** {@link lint}, pausing after every `every` cables checked by a rule when `every` is positive. */
function* lintSteps(doc: ParsedDocument, options: ServiceOptions, incremental: Previous | undefined, every: number): Generator<void, Diagnostic[], void> {
  const reference = options.reference ?? builtinReference();
  const eol = lineBreakOf(doc);
  // Fixes of reused findings carry the previous version's line break: with another one, every cable is checked again.
  if (incremental && lineBreakOf(incremental.previous.doc) !== eol) {
    settle(incremental.parsed);
    incremental = undefined;
  }
  const out: Diagnostic[] = [];
  // A fix several findings share (a cable's renumbering) is copied once: it may hold an edit per paragraph.
  const copies = new Map<Fix, Fix>();
  const copyOf = (x: Fix): Fix => {
    let c = copies.get(x);
    if (!c) {
      c = { ...x, edits: x.edits.map((e) => ({ range: { start: e.range.start, end: e.range.end }, newText: withEol(e.newText, eol) })) };
      copies.set(x, c);
    }
    return c;
  };
  const cables = doc.cables;
  // After an edit, a rule that reads only its own cable runs again only on the cables that changed. A rule that
  // reads other cables reads them only for a section of a telegram (the other sections of it, by position in the
  // file): it runs again on the cables that changed and, when a section changed, appeared or went, or the cables
  // after the edit changed places, on every section.
  const again = incremental && sectionsAgain(incremental.previous.doc.cables, cables, incremental.reuse) ? sectionIndices(cables, incremental.reuse) : [];
  if (incremental && again.length) settle(incremental.parsed, again);
  const check = (rule: Rule, cable: Cable, severity: Severity, ruleOptions: Readonly<Record<string, unknown>>) => {
    let findings: Finding[];
    try {
      findings = rule.check({ doc, cable, text: doc.text, reference, assumeYear: options.assumeYear, options: ruleOptions });
    } catch (e) {
      findings = [{ range: { start: cable.start, end: cable.start }, message: `Internal error in rule ${rule.id}; please report it: ${(e as Error).message}` }];
    }
    for (const f of findings) {
      out.push({
        ruleId: rule.id,
        severity: f.severity ? milder(f.severity, severity) : severity,
        message: f.message,
        // Rules often give a model node as the range: only its span is the diagnostic's.
        range: { start: f.range.start, end: f.range.end },
        cableIndex: cable.index,
        fixes: (f.fixes ?? []).map(copyOf),
        tags: f.tags,
      });
    }
  };
  const [from, to] = incremental ? [incremental.reuse.prefix, incremental.reuse.suffixNew] : [0, cables.length];
  for (const rule of RULES) {
    const configured = options.rules?.[rule.id];
    if (configured === 'off') continue;
    const severity = configured ?? rule.defaultSeverity;
    const ruleOptions = options.ruleOptions?.[rule.id] ?? NO_OPTIONS;
    for (let c = from; c < to; c++) {
      check(rule, cables[c], severity, ruleOptions);
      if (every > 0 && c % every === every - 1) yield;
    }
    if (rule.readsOtherCables) for (const c of again) check(rule, cables[c], severity, ruleOptions);
  }
  if (incremental) {
    const { prefix, suffixOld, suffixNew, charDelta } = incremental.reuse;
    const rerun = new Set(RULES.filter((r) => r.readsOtherCables).map((r) => r.id));
    const checkedAgain = new Set(again);
    const indexDelta = suffixNew - suffixOld;
    const move = incremental.inPlace ? moveInPlace(charDelta, indexDelta) : (d: Diagnostic) => moved(d, charDelta, indexDelta);
    for (const d of incremental.previous.diagnostics) {
      if (d.cableIndex < prefix) {
        if (!(rerun.has(d.ruleId) && checkedAgain.has(d.cableIndex))) out.push(d);
      } else if (d.cableIndex >= suffixOld) {
        if (!(rerun.has(d.ruleId) && checkedAgain.has(d.cableIndex + indexDelta))) out.push(charDelta === 0 && indexDelta === 0 ? d : move(d));
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}

/** Whether the rules that read other cables must run again on the sections the edit did not touch (see `lint`). */
function sectionsAgain(before: readonly Cable[], after: readonly Cable[], reuse: Reuse): boolean {
  if (reuse.suffixNew !== reuse.suffixOld) return true;
  for (let c = reuse.prefix; c < reuse.suffixOld; c++) if (before[c].section) return true;
  for (let c = reuse.prefix; c < reuse.suffixNew; c++) if (after[c].section) return true;
  return false;
}

/** The sections of telegrams among the cables an edit did not touch. */
function sectionIndices(cables: readonly Cable[], reuse: Reuse): number[] {
  const out: number[] = [];
  for (let c = 0; c < cables.length; c++) if ((c < reuse.prefix || c >= reuse.suffixNew) && cables[c].section) out.push(c);
  return out;
}

/** The line break a document uses (its first one), which the lines fixes insert must use too. */
function lineBreakOf(doc: ParsedDocument): string {
  const { lines, text } = doc;
  return lines.lineCount > 1 ? text.slice(lines.ends[0], lines.starts[1]) : '\n';
}

/** Rules write inserted lines with `\n`; a fix writes them with the document's own line break. */
function withEol(newText: string, eol: string): string {
  return eol === '\n' || !/[\r\n]/.test(newText) ? newText : newText.replace(/\r\n|\r|\n/g, eol);
}

/** Moves diagnostics of cables that an edit above them moved, in place; a fix several of them share moves once. */
function moveInPlace(charDelta: number, indexDelta: number): (d: Diagnostic) => Diagnostic {
  const done = new Set<Fix>();
  return (d) => {
    d.range.start += charDelta;
    d.range.end += charDelta;
    d.cableIndex += indexDelta;
    for (const f of d.fixes) {
      if (done.has(f)) continue;
      done.add(f);
      for (const e of f.edits) {
        e.range.start += charDelta;
        e.range.end += charDelta;
      }
    }
    return d;
  };
}

/** A diagnostic of a cable that an edit above it moved. */
function moved(d: Diagnostic, charDelta: number, indexDelta: number): Diagnostic {
  const span = (s: Span) => ({ start: s.start + charDelta, end: s.end + charDelta });
  return {
    ...d,
    range: span(d.range),
    cableIndex: d.cableIndex + indexDelta,
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: span(e.range) })) })),
  };
}
