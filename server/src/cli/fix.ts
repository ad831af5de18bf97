/**
 * `lint --fix` and `--fix-dry-run`: a fixed file is written back in its own
 * encoding, atomically (a file is either left as it was or fully replaced),
 * and a dry run prints the change as a unified diff instead.
 *
 * A fix is only ever written inside the folder it was asked for: the file's
 * real path must lie in the real path of the folder given (the PATH a file
 * was found under, or a file's own folder when it was named by itself). A
 * file reached through a symbolic link that leads out of that folder is
 * checked but not written. A link that stays inside is written through: the
 * file it points to is replaced, the link stays a link. The temporary file is
 * made beside that real file, never elsewhere.
 */
import { chmodSync, closeSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { createTwoFilesPatch } from 'diff';
import { encode, type Encoding } from './encoding';

type Written = { ok: true } | { ok: false; reason: string };

const failure = (e: unknown): { ok: false; reason: string } => {
  const code = (e as NodeJS.ErrnoException).code;
  return { ok: false, reason: `cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (e as Error).message)}); left as it was` };
};

/**
 * The real file `--fix` may replace for `file`, found under the folder
 * `within` (a PATH given, or the file's own folder), or why it may not.
 */
export function fixTarget(file: string, within: string = path.dirname(file)): { ok: true; target: string } | { ok: false; reason: string } {
  let target: string;
  let root: string;
  try {
    target = realpathSync(file);
    root = realpathSync(within);
  } catch (e) {
    return failure(e);
  }
  const inside = target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  if (!inside) return { ok: false, reason: `not fixed: a symbolic link leads to ${target}, outside ${within}; left as it was` };
  return { ok: true, target };
}

/**
 * Writes `text` to `file` in `encoding`, through a temporary file beside the
 * real file and a rename; on any failure the file is left as it was. `within`:
 * the PATH the file was found under (see {@link fixTarget}).
 */
export function writeFixed(file: string, text: string, encoding: Encoding, within?: string): Written {
  const bytes = encode(text, encoding);
  if (!bytes.ok) return bytes;
  const where = fixTarget(file, within);
  if (!where.ok) return where;
  const target = where.target;
  // Named by process and thread, so that worker threads never share one.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.cablewright-${process.pid}-${threadId}.tmp`);
  let made = false;
  try {
    const mode = statSync(target).mode & 0o7777;
    // 'wx' creates the file or fails: a file or link already at that name is never written through, nor removed.
    const fd = openSync(temp, 'wx', mode);
    made = true;
    try {
      writeFileSync(fd, bytes.bytes);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode);
    renameSync(temp, target);
    return { ok: true };
  } catch (e) {
    if (made) {
      try {
        unlinkSync(temp);
      } catch {
        // Gone already.
      }
    }
    return failure(e);
  }
}

/** The unified diff from `before` to `after` of one file, as `patch -p0` reads it. */
export function fixDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3 });
}
