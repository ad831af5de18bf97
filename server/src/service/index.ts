/**
 * The cablewright language service: text and options in, plain data out.
 * No LSP, no file system, no global state; the command line and the language
 * server are both thin layers over these functions.
 */
export { analyze, analyzeEdit, analyzeInSteps, lintDocument, settled, type Analysis, type Diagnostic, type ServiceOptions } from './analyze';
export { builtinReference } from './data/builtin';
export { ERAS, eraOf, type TagEra, type TagTable } from './data/eras';
export { ORDERS, orderOf, type ExecutiveOrder } from './data/orders';
export { deriveShortName, normalisePost, ReferenceData, type ExtraReference, type PostInfo, type PostKind, type TagInfo, type TagKind } from './data/reference';
export { nearest } from './data/similar';
export { parseTsv } from './data/tsv';
export { extractRecords, type CableRecord } from './extract';
export * from './model';
export { cableDetail, cableTitle, outline, type OutlineKind, type OutlineNode } from './outline';
export { changedRegion, composeReuse, reparse, settle, type ChangedRegion, type ReparseOptions, type Reuse } from './parser/incremental';
export { parse, parseInSteps, parseResumable, type CableMoves, type Checkpoint, type ParseOptions, type ParseResult } from './parser/parse';
export { RULES, ruleById } from './rules';
export { PRESET_NAMES, PRESETS, type Preset, type PresetName, type RuleSetting } from './presets';
export type { Finding, Fix, Rule, RuleContext, Severity, TextEdit } from './rules/types';
export { LineIndex } from './text/lineIndex';
export { compactCopy, ownStrings } from './text/ownStrings';
export { fullText, Rope, type Source } from './text/source';
export { NEW_CABLE_SNIPPET } from './snippets';
export { cableAt, complete, type Completion, type CompletionKind, type CompletionOptions } from './completion';
export { foldingRanges, type Fold } from './folding';
export { hover, type HoverInfo, type HoverOptions } from './hover';
export { selectionSpans } from './selection';
export { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken, type TokenModifier, type TokenType } from './semanticTokens';
export { ruleDocsUrl } from './docs';
export { applyEdits, certainFix, compatibleEdits, fixAll, type Applied, type FixAllResult } from './fixes/apply';
export { baselineEntries, cableKey, formatBaseline, newFindings, parseBaseline, type Baseline, type BaselineEntry } from './baseline';
export { renumberParagraphs, type Renumbering } from './fixes/renumber';
