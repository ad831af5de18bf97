import { readFileSync } from 'node:fs';
import type { ConfigHost } from './types';

/** Reads configuration files and tables from disk (as UTF-8). */
export const nodeConfigHost: ConfigHost = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};
