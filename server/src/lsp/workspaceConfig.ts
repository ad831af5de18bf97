/**
 * The configuration of the documents a language server holds: the editor's
 * settings under the configuration files nearest each document, read again
 * when a configuration file or table changes, and the problems found in those
 * files, by file, so the server can show them on the files themselves.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigResolver, RC_FILE, SETTINGS_SOURCE, type ConfigHost, type ConfigProblem, type EditorSettings, type ResolvedConfig } from '../config';

/** The file-system path of a `file:` URI; documents of other schemes (unsaved, virtual) have none. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Globs of the files whose change can change a configuration (the tables configurations name are watched by path). */
export const CONFIG_GLOBS = [`**/${RC_FILE}`, '**/package.json'];

export class WorkspaceConfig {
  private resolver: ConfigResolver;
  /** Every table file a configuration has named, so that a change to one is noticed. */
  private readonly tables = new Set<string>();

  constructor(
    private readonly host: ConfigHost,
    settings: EditorSettings,
  ) {
    this.resolver = new ConfigResolver(host, settings);
  }

  /** New editor settings: every configuration is resolved again. */
  setSettings(settings: EditorSettings): void {
    this.resolver = new ConfigResolver(this.host, settings);
  }

  /** The configuration of the document at `uri`. */
  resolve(uri: string): ResolvedConfig {
    const resolved = this.resolver.resolve(pathOfUri(uri));
    for (const t of resolved.tables) this.tables.add(t.file);
    return resolved;
  }

  /** Whether a changed file can change a configuration; if so, what was read of it is forgotten. */
  changed(file: string): boolean {
    const name = path.basename(file);
    if (name !== RC_FILE && name !== 'package.json' && !this.tables.has(file)) return false;
    this.resolver.invalidate(file);
    return true;
  }

  /** The table files named so far (to watch them). */
  tableFiles(): string[] {
    return [...this.tables];
  }

  /**
   * The problems of the configuration files that apply to `uris`, by file URI,
   * and those of the editor's settings, which have no file to show them on.
   */
  problemsOf(uris: Iterable<string>): { byFile: Map<string, ConfigProblem[]>; settings: ConfigProblem[] } {
    const byFile = new Map<string, ConfigProblem[]>();
    const settings: ConfigProblem[] = [];
    const seen = new Set<string>();
    for (const uri of uris) {
      const resolved = this.resolve(uri);
      for (const file of resolved.files) {
        const key = pathToFileURL(file).toString();
        if (!byFile.has(key)) byFile.set(key, []);
      }
      for (const p of resolved.problems) {
        const key = `${p.file}\u0000${p.start}\u0000${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (p.file === SETTINGS_SOURCE) settings.push(p);
        else {
          const uri = pathToFileURL(p.file).toString();
          byFile.set(uri, [...(byFile.get(uri) ?? []), p]);
        }
      }
    }
    return { byFile, settings };
  }
}
