/** A configuration host over a map of absolute paths to texts, for tests that need no disk. */
import type { ConfigHost } from '../../server/src/config';

export interface MemoryHost extends ConfigHost {
  /** The files; change them, then tell the resolver with `invalidate`. */
  files: Map<string, string>;
  /** Every path read, in order. */
  reads: string[];
}

export function memoryHost(files: Record<string, string | object>): MemoryHost {
  const map = new Map(Object.entries(files).map(([p, t]) => [p, typeof t === 'string' ? t : JSON.stringify(t, null, 2)]));
  const reads: string[] = [];
  return {
    files: map,
    reads,
    readFile(path) {
      reads.push(path);
      return map.get(path);
    },
  };
}
