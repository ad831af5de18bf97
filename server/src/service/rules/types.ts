import type { Source } from '../text/source';
import type { ReferenceData } from '../data/reference';
import type { Cable, ParsedDocument, Span } from '../model';

/** How serious a finding is; `hint` findings are suggestions an editor shows faintly. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One text edit: replace `range` with `newText`. */
export interface TextEdit {
  range: Span;
  newText: string;
}

/** A fix a rule offers for a finding. */
export interface Fix {
  /** What the fix does, as a command: "Replace with AMEMBASSY BRUSSELS". */
  title: string;
  edits: TextEdit[];
  /** The one right answer (an editor may apply it on its own). */
  preferred?: boolean;
}

/** What a rule reports. */
export interface Finding {
  range: Span;
  /** What is wrong and what would be right. */
  message: string;
  /** Lower than the rule's default for findings that are only suggestions (a hint on TAGS order). */
  severity?: Severity;
  fixes?: Fix[];
  /** LSP diagnostic tags: text that is superfluous (`unnecessary`) or an outdated form (`deprecated`). */
  tags?: ('unnecessary' | 'deprecated')[];
}

/** Everything a rule may read. Rules are pure: same context, same findings. */
export interface RuleContext {
  doc: ParsedDocument;
  cable: Cable;
  /** The document's text (`doc.text`); read it by slices and characters. */
  text: Source;
  reference: ReferenceData;
  /** The year to judge a cable by when it shows no date, if the user set one. */
  assumeYear: number | undefined;
  /** The rule's options as configured (`{}` when none were), shaped as its `optionsSchema` says; a rule tolerates anything else. */
  options: Readonly<Record<string, unknown>>;
}

/** A diagnostics rule. Its `id` is a public interface: never rename one. */
export interface Rule {
  id: string;
  /** One line: what the rule flags. */
  description: string;
  defaultSeverity: Severity;
  /**
   * The rule reads cables other than the one it checks (`doc.cables`): after
   * an edit it runs again on every cable, where other rules' findings on the
   * unchanged cables are reused.
   */
  readsOtherCables?: boolean;
  /**
   * The JSON schema of the rule's options, when it takes any. Configuration
   * files are checked against it and the published config schema embeds it;
   * only the keywords `config/optionsCheck.ts` knows may be used.
   */
  optionsSchema?: object;
  check(ctx: RuleContext): Finding[];
}
