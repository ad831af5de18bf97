/**
 * The public shapes of the configuration system: what it reads through, what
 * it returns, and what it reports about the files it read.
 */
import type { PresetName, ServiceOptions } from '../service';

/** How the configuration system reads files; the CLI and the server pass {@link nodeConfigHost}, tests an in-memory map. */
export interface ConfigHost {
  /** The text of the file at an absolute path, or undefined when there is none or it cannot be read. */
  readFile(path: string): string | undefined;
}

/** A mistake in a configuration file (or in the editor's settings, whose file is {@link SETTINGS_SOURCE}). */
export interface ConfigProblem {
  /** The file it is in. */
  file: string;
  /** UTF-16 offsets of the offending JSON node in the file's text. */
  start: number;
  end: number;
  /** Zero-based line and UTF-16 character of `start`, and of `end`. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The `file` of problems found in the editor's settings, which have no position. */
export const SETTINGS_SOURCE = '<settings>';

/** The editor's `cablewright.*` settings that configure checking; a configuration file overrides them. */
export interface EditorSettings {
  preset?: PresetName;
  /** Per rule id, a severity or `{ "severity": …, "options": { … } }`, as in a configuration file. */
  rules?: Record<string, unknown>;
  assumeYear?: number | null;
}

/** An extra table of posts or TAGS that applies. */
export interface TableInfo {
  kind: 'posts' | 'tags';
  /** Absolute path. */
  file: string;
  /** How many rows it added. */
  rows: number;
}

/** An override of a configuration file whose globs matched. */
export interface AppliedOverride {
  /** The configuration file that holds it. */
  file: string;
  /** Its position in that file's `overrides`. */
  index: number;
  /** Its `files` globs. */
  files: string[];
}

/** The configuration that applies to one file. */
export interface ResolvedConfig {
  /**
   * What to pass to `analyze` (with the host's own `assumeCable`): `rules`
   * names every rule; `ruleOptions` and `assumeYear` are there when set;
   * `reference` is the bundled data with the extra tables merged in. Equal
   * configurations give the very same `options`, `rules`, `ruleOptions` and
   * `reference` objects, so an analysis of the previous version is reused.
   */
  options: ServiceOptions & Required<Pick<ServiceOptions, 'rules' | 'reference'>>;
  /** Absolute path of the baseline file, when one is configured. */
  baseline?: string;
  /** The configuration files that applied, outermost first, nearest last (a file's `extends` before it). */
  files: string[];
  overrides: AppliedOverride[];
  tables: TableInfo[];
  /** Everything wrong in those files; what was valid still applies. */
  problems: ConfigProblem[];
}
