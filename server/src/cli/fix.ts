/**
 * `lint --fix` and `--fix-dry-run`: a fixed file is written back in its own
 * encoding, atomically (a file is either left as it was or fully replaced),
 * and a dry run prints the change as a unified diff instead.
 */
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { encode, type Encoding } from './encoding';

/** Writes `text` to `file` in `encoding`, through a temporary file beside it and a rename; on any failure the file is left as it was. */
export function writeFixed(file: string, text: string, encoding: Encoding): { ok: true } | { ok: false; reason: string } {
  const bytes = encode(text, encoding);
  if (!bytes.ok) return bytes;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.cablewright-${process.pid}.tmp`);
  try {
    const mode = statSync(file).mode & 0o7777;
    writeFileSync(temp, bytes.bytes, { flag: 'wx', mode });
    chmodSync(temp, mode);
    renameSync(temp, file);
    return { ok: true };
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never made.
    }
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (e as Error).message)}); left as it was` };
  }
}

/** The unified diff from `before` to `after` of one file, as `patch -p0` reads it. */
export function fixDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3 });
}
