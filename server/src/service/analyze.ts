import { builtinReference } from './data/builtin';
import type { ReferenceData } from './data/reference';
import type { ParsedDocument, Span } from './model';
import { reparse, type Reuse } from './parser/incremental';
import { parseResumable, type ParseResult } from './parser/parse';
import { RULES } from './rules';
import type { Fix, Finding, Severity } from './rules/types';

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
 * result is the same as without it.
 */
export function analyze(text: string, options: ServiceOptions = {}, previous?: Analysis): Analysis {
  if (previous && sameOptions(previous.options, options)) {
    const { result, reuse } = reparse(previous.parsed, text);
    return { doc: result.doc, diagnostics: lint(result.doc, options, { previous, reuse }), options, parsed: result, reuse };
  }
  const parsed = parseResumable(text, { assumeCable: options.assumeCable });
  return { doc: parsed.doc, diagnostics: lint(parsed.doc, options, undefined), options, parsed, reuse: undefined };
}

function sameOptions(a: ServiceOptions, b: ServiceOptions): boolean {
  return (a.assumeCable ?? false) === (b.assumeCable ?? false) && a.reference === b.reference && a.rules === b.rules && a.ruleOptions === b.ruleOptions && a.assumeYear === b.assumeYear;
}

/** Runs the rules on a parsed document. A rule that fails reports its failure as a diagnostic instead of stopping the others. */
export function lintDocument(doc: ParsedDocument, options: ServiceOptions = {}): Diagnostic[] {
  return lint(doc, options, undefined);
}

function lint(doc: ParsedDocument, options: ServiceOptions, incremental: { previous: Analysis; reuse: Reuse } | undefined): Diagnostic[] {
  const reference = options.reference ?? builtinReference();
  const eol = lineBreakOf(doc.text);
  // Fixes of reused findings carry the previous version's line break.
  if (incremental && lineBreakOf(incremental.previous.doc.text) !== eol) incremental = undefined;
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
  for (const rule of RULES) {
    const configured = options.rules?.[rule.id];
    if (configured === 'off') continue;
    const severity = configured ?? rule.defaultSeverity;
    const ruleOptions = options.ruleOptions?.[rule.id] ?? NO_OPTIONS;
    // After an edit, a rule that reads only its own cable runs again only on the cables that changed.
    const [from, to] = incremental && !rule.readsOtherCables ? [incremental.reuse.prefix, incremental.reuse.suffixNew] : [0, cables.length];
    for (let c = from; c < to; c++) {
      const cable = cables[c];
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
    }
  }
  if (incremental) {
    const { prefix, suffixOld, suffixNew, charDelta } = incremental.reuse;
    const rerun = new Set(RULES.filter((r) => r.readsOtherCables).map((r) => r.id));
    for (const d of incremental.previous.diagnostics) {
      if (rerun.has(d.ruleId)) continue;
      if (d.cableIndex < prefix) out.push(d);
      else if (d.cableIndex >= suffixOld) out.push(moved(d, charDelta, suffixNew - suffixOld));
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}

/** The line break a document uses (its first one), which the lines fixes insert must use too. */
function lineBreakOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** Rules write inserted lines with `\n`; a fix writes them with the document's own line break. */
function withEol(newText: string, eol: string): string {
  return eol === '\n' || !/[\r\n]/.test(newText) ? newText : newText.replace(/\r\n|\r|\n/g, eol);
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
