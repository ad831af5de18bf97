import { builtinReference } from './data/builtin';
import type { ReferenceData } from './data/reference';
import type { ParsedDocument, Span } from './model';
import { parse } from './parser/parse';
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
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The lower (less severe) of two severities. */
function milder(a: Severity, b: Severity): Severity {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** Parses `text` and runs every enabled rule on every cable. */
export function analyze(text: string, options: ServiceOptions = {}): Analysis {
  const doc = parse(text, { assumeCable: options.assumeCable });
  return { doc, diagnostics: lintDocument(doc, options) };
}

/** Runs the rules on a parsed document. A rule that fails reports its failure as a diagnostic instead of stopping the others. */
export function lintDocument(doc: ParsedDocument, options: ServiceOptions = {}): Diagnostic[] {
  const reference = options.reference ?? builtinReference();
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const configured = options.rules?.[rule.id];
    if (configured === 'off') continue;
    const severity = configured ?? rule.defaultSeverity;
    for (const cable of doc.cables) {
      let findings: Finding[];
      try {
        findings = rule.check({ doc, cable, text: doc.text, reference, assumeYear: options.assumeYear });
      } catch (e) {
        findings = [{ range: { start: cable.start, end: cable.start }, message: `Internal error in rule ${rule.id}; please report it: ${(e as Error).message}` }];
      }
      for (const f of findings) {
        out.push({
          ruleId: rule.id,
          severity: f.severity ? milder(f.severity, severity) : severity,
          message: f.message,
          range: f.range,
          cableIndex: cable.index,
          fixes: f.fixes ?? [],
          tags: f.tags,
        });
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}
