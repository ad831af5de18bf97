/**
 * Reads one configuration file (`.cablewrightrc.json`, or the `cablewright`
 * key of a `package.json`) into what it sets, reporting every mistake at the
 * JSON node it concerns and keeping whatever is valid. Reading needs no file
 * system: what the file names (extends, tables) is only resolved to paths.
 */
import path from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, nearest, PRESET_NAMES, ruleById, RULES, type PresetName, type RuleSetting } from '../service';
import { compileGlob, type Glob } from './globs';
import { checkOptions } from './optionsCheck';
import { SETTINGS_SOURCE, type ConfigProblem, type EditorSettings } from './types';

/** The name of a configuration file. */
export const RC_FILE = '.cablewrightrc.json';
/** The key of `package.json` that holds a configuration. */
export const PACKAGE_KEY = 'cablewright';

/** The keys of a configuration object, and of one of its overrides. */
export const CONFIG_KEYS = ['$schema', 'root', 'extends', 'preset', 'rules', 'overrides', 'posts', 'tags', 'assumeYear', 'baseline'] as const;
export const OVERRIDE_KEYS = ['files', 'excludedFiles', 'preset', 'rules', 'assumeYear'] as const;

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** One rule's configuration: a severity, options, or both. */
export interface RuleEntry {
  severity?: RuleSetting;
  /** Merged key by key over options set further out. */
  options?: Readonly<Record<string, unknown>>;
}

/** What one level of configuration sets: a file's top level, one of its overrides, or the editor's settings. */
export interface Layer {
  /** Resets every rule's severity to the preset's before `rules` apply. */
  preset?: PresetName;
  rules: Map<string, RuleEntry>;
  /** `null` assumes no year (undoing one set further out). */
  assumeYear?: number | null;
}

/** A path a configuration file names, resolved, with where it is written. */
export interface PathRef {
  /** As written. */
  written: string;
  /** Absolute. */
  path: string;
  start: number;
  end: number;
}

/** An override of a configuration file. */
export interface Override {
  /** Its position in the file's `overrides`. */
  index: number;
  files: Glob[];
  excludedFiles: Glob[];
  layer: Layer;
}

/** What one configuration file sets. */
export interface ConfigFile {
  file: string;
  root: boolean;
  extends: PathRef[];
  layer: Layer;
  overrides: Override[];
  posts: PathRef[];
  tags: PathRef[];
  /** Absolute. */
  baseline?: string;
  /** The mistakes found in the file itself. */
  problems: ConfigProblem[];
  /** A problem at offsets of this file (for what only resolving finds: a missing file, a cycle). */
  problemAt(start: number, end: number, message: string, severity?: ConfigProblem['severity']): ConfigProblem;
}

type Severity = ConfigProblem['severity'];

/** Collects problems, placed in the file's text (or at 0 for the editor's settings, which have no text). */
class Problems {
  readonly list: ConfigProblem[] = [];
  constructor(
    readonly file: string,
    private readonly lines: LineIndex | undefined,
  ) {}

  at(start: number, end: number, message: string, severity: Severity = 'error'): ConfigProblem {
    if (!this.lines) return { file: this.file, start: 0, end: 0, line: 0, character: 0, endLine: 0, endCharacter: 0, message, severity };
    const from = this.lines.positionAt(start);
    const to = this.lines.positionAt(end);
    return { file: this.file, start, end, line: from.line, character: from.character, endLine: to.line, endCharacter: to.character, message, severity };
  }

  report(node: Node, message: string, severity: Severity = 'error'): void {
    this.list.push(this.at(node.offset, node.offset + node.length, message, severity));
  }
}

const WHAT = {
  $schema: "'$schema' is the URL or path of the JSON schema of this file.",
  root: "'root' is true or false: true stops the search for configuration files in the folders above.",
  extends: "'extends' is a path, or a list of paths, of configuration files this one builds on, relative to this file.",
  rules: `'rules' is an object of rule ids and their settings: { "non-ascii": "off", "tags-unknown": { "severity": "error" } }.`,
  overrides: `'overrides' is a list of objects such as { "files": "archive/1970s/**", "preset": "transcription" }.`,
  posts: "'posts' is a path, or a list of paths, of tables of posts (TSV, or a designation per line), relative to this file.",
  tags: "'tags' is a path, or a list of paths, of tables of TAGS (TSV, or a code and its description per line), relative to this file.",
  assumeYear: "'assumeYear' is a four-digit year such as 1977 (the year to judge an undated cable by), or null for none.",
  baseline: "'baseline' is the path of a baseline file, relative to this file.",
  files: "'files' is a glob, or a list of globs, of the files the override applies to, relative to this file's directory (archive/1970s/**).",
  excludedFiles: "'excludedFiles' is a glob, or a list of globs, of files the override does not apply to, relative to this file's directory.",
};

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: "a closing '}' is expected",
  CloseBracketExpected: "a closing ']' is expected",
  EndOfFileExpected: 'the file should end after the configuration object',
  InvalidCommentToken: 'a malformed comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape',
  InvalidCharacter: 'a character that must be escaped in a string',
};

/**
 * Reads a configuration file's text. A `package.json` without a `cablewright`
 * key is no configuration (undefined); any other text is one, however broken.
 */
export function readConfigFile(file: string, text: string): ConfigFile | undefined {
  // A byte-order mark becomes a space, so offsets stay those of the file.
  const source = text.replace(/^\ufeff/, ' ');
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true });
  const isPackage = path.basename(file) === 'package.json';
  let config = tree;
  if (isPackage) {
    config = tree?.type === 'object' ? tree.children?.find((p) => p.children?.[0]?.value === PACKAGE_KEY)?.children?.[1] : undefined;
    if (!config) return undefined;
  }
  const problems = new Problems(file, new LineIndex(source));
  for (const e of errors) problems.list.push(problems.at(e.offset, e.offset + e.length, `JSON syntax error: ${SYNTAX[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}.`));
  const result: ConfigFile = {
    file,
    root: false,
    extends: [],
    layer: { rules: new Map() },
    overrides: [],
    posts: [],
    tags: [],
    problems: problems.list,
    problemAt: (start, end, message, severity) => problems.at(start, end, message, severity),
  };
  if (config?.type === 'object') readTopLevel(config, path.dirname(file), result, problems);
  else if (config) problems.report(config, isPackage ? `The '${PACKAGE_KEY}' key of package.json holds a configuration object: { "preset": "recommended" }.` : `A configuration file holds one JSON object: { "preset": "recommended", "rules": { … } }.`);
  return result;
}

/** Reads the editor's settings as a layer under every configuration file. */
export function readSettings(settings: EditorSettings): { layer: Layer; problems: ConfigProblem[] } {
  const problems = new Problems(SETTINGS_SOURCE, undefined);
  const layer: Layer = { rules: new Map() };
  const { preset, rules, assumeYear } = settings;
  const tree = parseTree(JSON.stringify({ preset, rules, assumeYear }))!;
  for (const [name, , value] of properties(tree, problems)) readLayerKey(name, value, layer, problems);
  return { layer, problems: problems.list };
}

function readTopLevel(config: Node, dir: string, result: ConfigFile, problems: Problems): void {
  for (const [name, key, value] of properties(config, problems)) {
    switch (name) {
      case '$schema':
        if (value.type !== 'string') problems.report(value, WHAT.$schema);
        break;
      case 'root':
        if (value.type === 'boolean') result.root = value.value === true;
        else problems.report(value, WHAT.root);
        break;
      case 'extends':
      case 'posts':
      case 'tags':
        result[name] = readPaths(value, dir, WHAT[name], problems, name);
        break;
      case 'baseline':
        if (value.type === 'string' && value.value !== '') {
          if (notUrl(value as Node & { value: string }, name, problems)) result.baseline = path.resolve(dir, value.value as string);
        } else problems.report(value, WHAT.baseline);
        break;
      case 'overrides':
        result.overrides = readOverrides(value, problems);
        break;
      default:
        if (!readLayerKey(name, value, result.layer, problems)) unknownKey(name, key, CONFIG_KEYS, 'a configuration may set', problems);
    }
  }
}

/** Reads `preset`, `rules` or `assumeYear` into a layer; false for any other key. */
function readLayerKey(name: string, value: Node, layer: Layer, problems: Problems): boolean {
  switch (name) {
    case 'preset': {
      const preset = readEnum(value, PRESET_NAMES, 'preset', problems);
      if (preset) layer.preset = preset;
      return true;
    }
    case 'rules':
      if (value.type !== 'object') problems.report(value, WHAT.rules);
      else for (const [id, key, setting] of properties(value, problems)) readRule(id, key, setting, layer.rules, problems);
      return true;
    case 'assumeYear':
      if (value.type === 'null') layer.assumeYear = null;
      else if (value.type === 'number' && Number.isInteger(value.value) && value.value >= 1000 && value.value <= 9999) layer.assumeYear = value.value as number;
      else problems.report(value, WHAT.assumeYear);
      return true;
    default:
      return false;
  }
}

function readRule(id: string, key: Node, value: Node, rules: Map<string, RuleEntry>, problems: Problems): void {
  const rule = ruleById(id);
  if (!rule) {
    const [guess] = nearest(id, RULES, (r) => r.id, Math.max(2, Math.floor(id.length / 3)), 1);
    problems.report(key, `Unknown rule '${id}': ${guess ? `did you mean '${guess.id}'?` : 'the rule ids are listed in the README.'}`);
    return;
  }
  if (value.type === 'string') {
    const severity = readEnum(value, RULE_SETTINGS, 'severity', problems);
    if (severity) rules.set(id, { severity });
  } else if (value.type === 'object') {
    const entry: RuleEntry = {};
    for (const [name, entryKey, v] of properties(value, problems)) {
      if (name === 'severity') {
        const severity = readEnum(v, RULE_SETTINGS, 'severity', problems);
        if (severity) entry.severity = severity;
      } else if (name === 'options') {
        if (!rule.optionsSchema) problems.report(entryKey, `Rule '${id}' takes no options.`, 'warning');
        else {
          for (const m of checkOptions(id, rule.optionsSchema, v)) problems.report(m.node, m.message, m.severity);
          // What is wrong inside the options is reported; the rule itself ignores what it cannot use.
          if (v.type === 'object') entry.options = getNodeValue(v) as Record<string, unknown>;
        }
      } else unknownKey(name, entryKey, ['severity', 'options'], "a rule's setting may have", problems);
    }
    rules.set(id, entry);
  } else if (value.type === 'array') {
    problems.report(value, `Write a rule's severity and options as an object: { "severity": "warning", "options": { … } }.`);
  } else {
    problems.report(value, `A rule's setting is a severity ("error", "warning", "info", "hint" or "off") or an object: { "severity": "warning", "options": { … } }.`);
  }
}

function readOverrides(value: Node, problems: Problems): Override[] {
  if (value.type !== 'array') {
    problems.report(value, WHAT.overrides);
    return [];
  }
  const out: Override[] = [];
  (value.children ?? []).forEach((item, index) => {
    if (item.type !== 'object') {
      problems.report(item, WHAT.overrides);
      return;
    }
    const layer: Layer = { rules: new Map() };
    let files: Glob[] | undefined;
    let excludedFiles: Glob[] = [];
    for (const [name, key, v] of properties(item, problems)) {
      if (name === 'files') files = readGlobs(v, WHAT.files, problems);
      else if (name === 'excludedFiles') excludedFiles = readGlobs(v, WHAT.excludedFiles, problems);
      else if (!readLayerKey(name, v, layer, problems)) unknownKey(name, key, OVERRIDE_KEYS, 'an override may set', problems);
    }
    if (files === undefined) problems.report(item, `This override has no 'files': give the globs of the files it applies to, relative to this file's directory ("files": "archive/1970s/**").`);
    else if (files.length > 0) out.push({ index, files, excludedFiles, layer });
  });
  return out;
}

/** Calls `each` on the non-empty strings of a string or a list of strings, in order, and reports anything else. */
function eachString(value: Node, what: string, problems: Problems, each: (n: Node & { value: string }) => void): void {
  if (value.type !== 'array' && value.type !== 'string') {
    problems.report(value, what);
    return;
  }
  for (const item of value.type === 'array' ? (value.children ?? []) : [value]) {
    if (item.type === 'string' && item.value !== '') each(item as Node & { value: string });
    else problems.report(item, what);
  }
}

/** A URL (`https://…`, `file://…`): configuration names local files only, and nothing is ever fetched. Two letters at least, so `C://` stays a path. */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;

function notUrl(n: Node & { value: string }, key: string, problems: Problems): boolean {
  if (!URL_LIKE.test(n.value)) return true;
  problems.report(n, `'${key}' names a URL; cablewright reads configuration from local files only and never fetches anything: write a path relative to this file.`);
  return false;
}

function readPaths(value: Node, dir: string, what: string, problems: Problems, key: string): PathRef[] {
  const out: PathRef[] = [];
  eachString(value, what, problems, (n) => {
    if (notUrl(n, key, problems)) out.push({ written: n.value, path: path.resolve(dir, n.value), start: n.offset, end: n.offset + n.length });
  });
  return out;
}

function readGlobs(value: Node, what: string, problems: Problems): Glob[] {
  const out: Glob[] = [];
  eachString(value, what, problems, (n) => {
    const glob = compileGlob(n.value);
    if (typeof glob === 'string') problems.report(n, glob);
    else out.push(glob);
  });
  return out;
}

function readEnum<T extends string>(value: Node, allowed: readonly T[], what: string, problems: Problems): T | undefined {
  if (value.type === 'string' && allowed.includes(value.value as T)) return value.value as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  if (value.type !== 'string') {
    problems.report(value, `A ${what} is one of ${list}.`);
    return undefined;
  }
  const written = value.value as string;
  const lower = written.toLowerCase();
  // Abbreviations ('warn', 'info' for 'information') are the usual slip; then typos.
  const guess = (lower.length >= 3 ? allowed.find((a) => a.startsWith(lower)) : undefined) ?? nearest(lower, allowed, (a) => a, Math.max(2, Math.floor(written.length / 2)), 1)[0];
  problems.report(value, `'${written}' is not a ${what}${guess ? ` (did you mean '${guess}'?)` : ''}: use ${list}.`);
  return undefined;
}

function unknownKey(name: string, key: Node, known: readonly string[], intro: string, problems: Problems): void {
  const [guess] = nearest(name, known, (k) => k, Math.max(2, Math.floor(name.length / 3)), 1);
  problems.report(key, `Unknown key '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}: ${intro} ${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}.`, 'warning');
}

/** The properties of an object as [name, key node, value node]; a key given twice counts once, the last time. */
function properties(object: Node, problems: Problems): [string, Node, Node][] {
  const all = (object.children ?? []).flatMap((p): [string, Node, Node][] => {
    const [key, value] = p.children ?? [];
    return key && value ? [[String(key.value), key, value]] : [];
  });
  const last = new Map(all.map(([name], i) => [name, i]));
  return all.filter(([name, key], i) => {
    if (last.get(name) === i) return true;
    problems.report(key, `'${name}' is set again below: only the last one counts.`, 'warning');
    return false;
  });
}
