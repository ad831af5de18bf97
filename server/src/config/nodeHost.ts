import { readFileSync, statSync } from 'node:fs';
import type { ConfigHost } from './types';

/**
 * The largest configuration file or table read (64 MB): far above any real
 * one, and a bound on what a file in an untrusted workspace can make the
 * server or the command line read.
 */
export const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

/**
 * Reads configuration files and tables from disk (as UTF-8): regular files
 * only, so that a configuration naming `/dev/zero`, a named pipe or a
 * directory is reported as unreadable instead of reading forever or blocking.
 */
export const nodeConfigHost: ConfigHost = {
  readFile(path) {
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_CONFIG_BYTES) return undefined;
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};
