/**
 * The globs of an override's `files` and `excludedFiles`. A glob is matched
 * against the linted file's path relative to a configuration file's
 * directory, written with `/`; a glob without a `/` matches the file's name
 * in any folder (`*.tel`).
 */
import path from 'node:path';
import picomatch from 'picomatch';

/** A compiled glob. */
export interface Glob {
  pattern: string;
  /** Whether a path relative to the glob's directory (with `/`, not starting with `..`) matches. */
  matches(relative: string): boolean;
}

/** Compiles a glob, or says why it cannot be used. */
export function compileGlob(pattern: string): Glob | string {
  if (pattern.trim() === '') return 'An empty glob matches no file.';
  if (pattern.includes('\\')) return `Glob '${pattern}' has a backslash: write globs with '/' (archive/1970s/**).`;
  if (path.posix.isAbsolute(pattern) || /^[A-Za-z]:/.test(pattern)) return `Glob '${pattern}' is absolute: globs are relative to the configuration file's directory.`;
  if (pattern.split('/').includes('..')) return `Glob '${pattern}' leaves the configuration file's directory: an override applies only to files under it.`;
  let test: (s: string) => boolean;
  try {
    test = picomatch(pattern, { dot: true, strictBrackets: true });
  } catch (e) {
    const missing = /Missing closing: "(.)"/.exec((e as Error).message);
    return `Glob '${pattern}' is not valid: ${missing ? `its closing '${missing[1]}' is missing` : (e as Error).message}.`;
  }
  const onName = !pattern.includes('/');
  return { pattern, matches: (relative) => test(onName ? relative.slice(relative.lastIndexOf('/') + 1) : relative) };
}

/** `file` relative to `dir` with `/` separators, or undefined when it is not under `dir`. */
export function relativeTo(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
