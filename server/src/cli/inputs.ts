/**
 * Finding and reading the files the command line is given: directories are
 * searched for cable files as the files are needed (an archive's folders are
 * never listed whole ahead), lists of paths are read a line at a time, bytes
 * are decoded with their encoding detected, and a file that cannot be read as
 * text gets a one-line reason instead.
 */
import { createReadStream, openSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
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
  /** The directory given that the file was found under; absent for a file given by itself. `--fix` writes only inside it. */
  root?: string;
}

/** One thing found among the inputs: a file to read, or a path that does not exist. */
export type Found = { file: InputFile; missing?: undefined } | { file?: undefined; missing: string };

/**
 * The files named by `paths` and then by the lines of `list` (see
 * {@link openList}), in order: a directory's cable files sorted by name,
 * depth first. Folders are read as the walk reaches them.
 */
export async function* findInputs(paths: readonly string[], list?: Readable): AsyncGenerator<Found> {
  for (const p of paths) yield* expand(p, true);
  if (list) for await (const p of listedPaths(list)) yield* expand(p, false);
}

/** Every file named by `paths` and `list`, gathered (for the commands whose output needs the whole list first). */
export async function collectFiles(paths: readonly string[], list?: Readable): Promise<{ files: InputFile[]; missing: string[] }> {
  const files: InputFile[] = [];
  const missing: string[] = [];
  for await (const found of findInputs(paths, list)) {
    if (found.file) files.push(found.file);
    else missing.push(found.missing);
  }
  return { files, missing };
}

/**
 * Opens the list of `--files-from`: a file, or standard input for `-`. Its
 * lines are paths relative to the current directory; blank lines are skipped.
 */
export function openList(list: string): { ok: true; stream: Readable } | { ok: false; reason: string } {
  if (list === '-') return { ok: true, stream: process.stdin };
  try {
    return { ok: true, stream: createReadStream('', { fd: openSync(list, 'r') }) };
  } catch (e) {
    return { ok: false, reason: readError(e) };
  }
}

async function* listedPaths(list: Readable): AsyncGenerator<string> {
  for await (const line of createInterface({ input: list, crlfDelay: Infinity })) if (line.trim() !== '') yield line;
}

/** One path given: standard input (for `-` on the command line), a file, or a directory to walk. */
function* expand(p: string, dashIsStdin: boolean): Generator<Found> {
  if (p === '-' && dashIsStdin) {
    yield { file: { path: '<stdin>', stdin: true } };
    return;
  }
  let st;
  try {
    st = statSync(p);
  } catch {
    yield { missing: p };
    return;
  }
  if (st.isDirectory()) yield* walk(p, p, new Set());
  else yield { file: { path: p, stdin: false } };
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Walks a directory given (`root`), depth first. Each real directory is walked
 * once (`seen`): a symbolic link back up the tree, or two links to one folder,
 * would otherwise make the walk loop until the system refuses the path, or
 * grow exponentially with the links.
 */
function* walk(dir: string, root: string, seen: Set<string>): Generator<Found> {
  let entries: Dirent[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
  } catch {
    yield { missing: dir };
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
    }
    // Only regular files: a named pipe that happens to end in .txt would block the run.
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) yield* walk(p, root, seen);
    } else if (isFile && CABLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
      yield { file: { path: p, stdin: false, root } };
    }
  }
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${code ?? (e as Error).message})`;
}

/** The bytes of one input, or why it has none. */
export function readBytes(file: InputFile): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  try {
    return { ok: true, bytes: file.stdin ? readFileSync(0) : readFileSync(file.path) };
  } catch (e) {
    return { ok: false, reason: readError(e) };
  }
}

/** Reads and decodes one input (`bytes`: already read, as standard input is before it goes to a worker). */
export function readInput(file: InputFile, bytes?: Uint8Array): Decoded {
  if (!bytes) {
    const read = readBytes(file);
    if (!read.ok) return read;
    bytes = read.bytes;
  }
  return decode(bytes);
}

/** Whether a file is a cable by its name (so a draft without a header is still linted as one). */
export function isDraftFile(file: InputFile): boolean {
  return file.stdin || DRAFT_EXTENSIONS.includes(path.extname(file.path).toLowerCase());
}
