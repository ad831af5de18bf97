/**
 * Finding and reading the files the command line is given: directories are
 * searched for cable files, bytes are decoded with their encoding detected,
 * and a file that cannot be read as text gets a one-line reason instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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

/** The text of a file, or why it has none; `note` says how it was decoded when that was not plain UTF-8. */
export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/**
 * Decodes file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, and, for
 * bytes that are not valid UTF-8, Windows-1252 (what older OCR tools write).
 * Binary files (NUL bytes outside UTF-16) are refused.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16BE' };
  const head = bytes.subarray(0, 8192);
  let nul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (nul > 0 || (head.length > 0 && control / head.length > 0.1)) return { ok: false, reason: 'binary file (not text), skipped' };
  try {
    // TextDecoder drops a UTF-8 BOM by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8; read as Windows-1252' };
  }
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
