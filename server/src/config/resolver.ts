/**
 * Finds and combines the configuration that applies to a file: the editor's
 * settings, then every configuration file from the outermost folder (or the
 * nearest `"root": true`) down to the file's own folder, each after the files
 * it `extends` and followed by its overrides that match the file. Each later
 * level overrides the earlier ones.
 */
import path from 'node:path';
import { builtinReference, PRESETS, RULES, type ReferenceData, type RuleSetting } from '../service';
import { PACKAGE_KEY, RC_FILE, readConfigFile, readSettings, type ConfigFile, type Layer, type PathRef } from './configFile';
import { relativeTo, type Glob } from './globs';
import { readTable, type TableKind } from './tables';
import type { AppliedOverride, ConfigHost, ConfigProblem, EditorSettings, ResolvedConfig, TableInfo } from './types';

/** A layer, and when it is an override, what decides whether it applies. */
interface Step {
  layer: Layer;
  override?: AppliedOverride & { globs: Glob[]; excluded: Glob[]; base: string };
}

/** A table that applies, as read. */
interface LoadedTable {
  /** Tells tables apart in the keys of reference data. */
  id: number;
  text: string;
  info: TableInfo;
  rows: ReturnType<typeof readTable>;
}

/** What applies to every file of a folder, before overrides are matched. */
interface Chain {
  steps: Step[];
  files: string[];
  problems: ConfigProblem[];
  tables: LoadedTable[];
  baseline: string | undefined;
  /** Resolved configurations by which of the steps' overrides matched. */
  results: Map<string, ResolvedConfig>;
}

/**
 * Resolves configurations, caching what it read per configuration file,
 * table and folder until told a file changed ({@link invalidate}).
 */
export class ConfigResolver {
  private readonly settings: { layer: Layer; problems: ConfigProblem[] };
  /** Configuration files by path; null where there is none. */
  private readonly configs = new Map<string, ConfigFile | null>();
  /** Tables by kind and path, until invalidated; null where the file cannot be read. */
  private readonly tables = new Map<string, LoadedTable | null>();
  /** The last text read of each table, kept across invalidations: a table read again unchanged is the same table. */
  private readonly lastTables = new Map<string, LoadedTable>();
  private nextTableId = 0;
  private readonly chains = new Map<string, Chain>();
  /** Reference data by the ids of the tables merged into it. */
  private readonly references = new Map<string, ReferenceData>();
  /** Rule severities and options by their content, so equal configurations share them. */
  private readonly interned = new Map<string, object>();
  /** Service options by their content (the reference data by the ids of its tables). */
  private readonly serviceOptions = new Map<string, ResolvedConfig['options']>();

  /** `settings`: the editor's settings, under every configuration file (make a new resolver when they change). */
  constructor(
    private readonly host: ConfigHost,
    settings: EditorSettings = {},
  ) {
    this.settings = readSettings(settings);
  }

  /** The configuration for the file at `filePath`; without a path (an unsaved document), the editor's settings alone. */
  resolve(filePath?: string): ResolvedConfig {
    if (filePath === undefined) return this.result(this.rootChain(), '', []);
    const file = path.resolve(filePath);
    const chain = this.chainOf(path.dirname(file));
    const matched = chain.steps.map((s) => !s.override || applies(s.override, file));
    return this.result(chain, matched.map((m) => (m ? '1' : '0')).join(''), matched);
  }

  /**
   * Forgets what was read from `changedPath` (a configuration file, a
   * `package.json` or a table, created, changed or deleted), or everything.
   * Configurations resolved again from unchanged files are the same objects.
   */
  invalidate(changedPath?: string): void {
    this.chains.clear();
    if (changedPath === undefined) {
      this.configs.clear();
      this.tables.clear();
    } else {
      const changed = path.resolve(changedPath);
      this.configs.delete(changed);
      for (const kind of ['posts', 'tags']) this.tables.delete(`${kind}:${changed}`);
    }
  }

  private read(file: string): string | undefined {
    try {
      return this.host.readFile(file);
    } catch {
      return undefined;
    }
  }

  private config(file: string): ConfigFile | undefined {
    let config = this.configs.get(file);
    if (config === undefined) {
      const text = this.read(file);
      config = (text === undefined ? undefined : readConfigFile(file, text)) ?? null;
      this.configs.set(file, config);
    }
    return config ?? undefined;
  }

  private rootChain(): Chain {
    let chain = this.chains.get('');
    if (!chain) {
      chain = { steps: [{ layer: this.settings.layer }], files: [], problems: [...this.settings.problems], tables: [], baseline: undefined, results: new Map() };
      this.chains.set('', chain);
    }
    return chain;
  }

  /** The chain of a folder: its parent's, with the folder's own configuration file added. */
  private chainOf(dir: string): Chain {
    let chain = this.chains.get(dir);
    if (chain) return chain;
    const own = this.config(path.join(dir, RC_FILE)) ?? this.config(path.join(dir, 'package.json'));
    const parent = path.dirname(dir);
    const base = own?.root || parent === dir ? this.rootChain() : this.chainOf(parent);
    if (!own) chain = base;
    else {
      chain = { steps: [...base.steps], files: [...base.files], problems: [...base.problems], tables: [...base.tables], baseline: base.baseline, results: new Map() };
      this.add(chain, own, [own.file], dir);
    }
    this.chains.set(dir, chain);
    return chain;
  }

  /** Adds a configuration file (after the files it extends) to a chain; its overrides' globs are relative to `base`. */
  private add(chain: Chain, config: ConfigFile, stack: string[], base: string): void {
    for (const ref of config.extends) {
      const cycle = stack.indexOf(ref.path);
      if (cycle >= 0) {
        chain.problems.push(config.problemAt(ref.start, ref.end, `'extends' makes a cycle: ${[...stack.slice(cycle), ref.path].join(' → ')}.`));
        continue;
      }
      const target = this.config(ref.path);
      if (target) this.add(chain, target, [...stack, ref.path], base);
      else chain.problems.push(config.problemAt(ref.start, ref.end, `Cannot find the configuration '${ref.written}' (${ref.path})${path.basename(ref.path) === 'package.json' ? `, or it has no '${PACKAGE_KEY}' key` : ''}.`));
    }
    chain.steps.push({ layer: config.layer });
    for (const o of config.overrides) {
      chain.steps.push({ layer: o.layer, override: { file: config.file, index: o.index, files: o.files.map((g) => g.pattern), globs: o.files, excluded: o.excludedFiles, base } });
    }
    if (!chain.files.includes(config.file)) {
      chain.files.push(config.file);
      chain.problems.push(...config.problems);
    }
    this.addTables(chain, config, 'posts', config.posts);
    this.addTables(chain, config, 'tags', config.tags);
    chain.baseline = config.baseline ?? chain.baseline;
  }

  private addTables(chain: Chain, config: ConfigFile, kind: TableKind, refs: PathRef[]): void {
    for (const ref of refs) {
      if (chain.tables.some((t) => t.info.kind === kind && t.info.file === ref.path)) continue;
      const key = `${kind}:${ref.path}`;
      let table = this.tables.get(key);
      if (table === undefined) {
        table = this.loadTable(kind, ref.path);
        this.tables.set(key, table);
      }
      if (table) chain.tables.push(table);
      else chain.problems.push(config.problemAt(ref.start, ref.end, `Cannot read the table of ${kind} '${ref.written}' (${ref.path}).`));
    }
  }

  private loadTable(kind: TableKind, file: string): LoadedTable | null {
    const text = this.read(file);
    if (text === undefined) return null;
    const key = `${kind}:${file}`;
    const last = this.lastTables.get(key);
    if (last?.text === text) return last;
    const rows = readTable(kind, text, file);
    const table = { id: this.nextTableId++, text, info: { kind, file, rows: (rows.posts ?? rows.tags ?? []).length }, rows };
    this.lastTables.set(key, table);
    if (last) this.forgetTable(last.id);
    return table;
  }

  /** Drops the reference data made with a table that changed, and the options holding it. */
  private forgetTable(id: number): void {
    for (const key of this.references.keys()) if (key.split(',').includes(String(id))) this.references.delete(key);
    const live = new Set([builtinReference(), ...this.references.values()]);
    for (const [key, options] of this.serviceOptions) if (!live.has(options.reference)) this.serviceOptions.delete(key);
  }

  /** The configuration of a chain given which of its steps apply (`signature` says the same, as a cache key). */
  private result(chain: Chain, signature: string, matched: boolean[]): ResolvedConfig {
    let result = chain.results.get(signature);
    if (result) return result;
    const severities: Record<string, RuleSetting> = { ...PRESETS.recommended };
    const options: Record<string, Record<string, unknown>> = {};
    let assumeYear: number | null = null;
    const overrides: AppliedOverride[] = [];
    chain.steps.forEach((step, i) => {
      if (step.override && !matched[i]) return;
      const { layer } = step;
      if (layer.preset) Object.assign(severities, PRESETS[layer.preset]);
      for (const [id, entry] of layer.rules) {
        if (entry.severity) severities[id] = entry.severity;
        if (entry.options) options[id] = { ...options[id], ...entry.options };
      }
      if (layer.assumeYear !== undefined) assumeYear = layer.assumeYear;
      if (step.override) overrides.push({ file: step.override.file, index: step.override.index, files: step.override.files });
    });
    const rulesJson = stableJson(Object.fromEntries(RULES.map((r) => [r.id, severities[r.id]])));
    const rules = this.intern(`rules|${rulesJson}`, () => JSON.parse(rulesJson) as Record<string, RuleSetting>);
    const optionsJson = stableJson(options);
    const ruleOptions = Object.keys(options).length > 0 ? this.intern(`options|${optionsJson}`, () => JSON.parse(optionsJson) as Record<string, Record<string, unknown>>) : undefined;
    const tablesKey = chain.tables.map((t) => t.id).join(',');
    const reference = this.reference(tablesKey, chain.tables);
    const year = assumeYear ?? undefined;
    const key = `${rulesJson}|${optionsJson}|${tablesKey}|${year}`;
    let serviceOptions = this.serviceOptions.get(key);
    if (!serviceOptions) {
      serviceOptions = { rules, reference, ...(ruleOptions && { ruleOptions }), ...(year !== undefined && { assumeYear: year }) };
      this.serviceOptions.set(key, serviceOptions);
    }
    result = {
      options: serviceOptions,
      ...(chain.baseline !== undefined && { baseline: chain.baseline }),
      files: chain.files,
      overrides,
      tables: chain.tables.map((t) => t.info),
      problems: dedupe(chain.problems),
    };
    chain.results.set(signature, result);
    return result;
  }

  private reference(key: string, tables: LoadedTable[]): ReferenceData {
    let reference = this.references.get(key);
    if (!reference) {
      reference = builtinReference().withExtra({ posts: tables.flatMap((t) => t.rows.posts ?? []), tags: tables.flatMap((t) => t.rows.tags ?? []) });
      this.references.set(key, reference);
    }
    return reference;
  }

  /** The one object of this content made so far, or a new one, kept for next time. */
  private intern<T extends object>(key: string, make: () => T): T {
    let value = this.interned.get(key) as T | undefined;
    if (!value) {
      value = make();
      this.interned.set(key, value);
    }
    return value;
  }
}

function applies(o: NonNullable<Step['override']>, file: string): boolean {
  const relative = relativeTo(o.base, file);
  return relative !== undefined && o.globs.some((g) => g.matches(relative)) && !o.excluded.some((g) => g.matches(relative));
}

/** JSON with object keys sorted, so equal contents give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}|${p.start}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
