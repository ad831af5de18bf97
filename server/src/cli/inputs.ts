/**
 * Finding and reading the files the command line is given: directories are
 * searched for cable files, bytes are decoded with their encoding detected,
 * and a file that cannot be read as text gets a one-line reason instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decode, type Decoded } from './encoding';

/** Extensions searched for in directories. */
export const CABLE_EXTENSIONS = ['.cable', '.tel', '.txt'];
/** Extensions that are cables whatever their content (drafts may lack a header yet). */
export const DRAFT_EXTENSIONS = ['.cable', '.tel'];

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface InputFile {
  /** The path as the user gave it (or found under a directory they gave); `<stdin>` for standard input. */
  path: string;
  stdin: boolean;
}

/** Expands paths into files; a path that does not exist is returned in `missing`. */
export function collectFiles(paths: string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      missing.push(dir);
      return;
    }
    for (const name of names) {
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (CABLE_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
        files.push({ path: p, stdin: false });
      }
    }
  };
  for (const p of paths) {
    if (p === '-') {
      files.push({ path: '<stdin>', stdin: true });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push({ path: p, stdin: false });
  }
  return { files, missing };
}

/** Reads and decodes one input. */
export function readInput(file: InputFile): Decoded {
  let bytes: Uint8Array;
  try {
    bytes = file.stdin ? readFileSync(0) : readFileSync(file.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? (e as Error).message})` };
  }
  return decode(bytes);
}

/** Whether a file is a cable by its name (so a draft without a header is still linted as one). */
export function isDraftFile(file: InputFile): boolean {
  return file.stdin || DRAFT_EXTENSIONS.includes(path.extname(file.path).toLowerCase());
}
