import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { nodeConfigHost } from './nodeHost';
import { ConfigResolver } from './resolver';

test('on disk: configuration files and tables are read from the folders above a file; a folder or a missing file reads as none', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cablewright-config-'));
  try {
    mkdirSync(path.join(dir, 'archive', 'package.json'), { recursive: true });
    writeFileSync(path.join(dir, '.cablewrightrc.json'), '{ "root": true, "preset": "transcription", "posts": "posts.txt" }');
    writeFileSync(path.join(dir, 'posts.txt'), 'AMEMBASSY ATLANTIS\n');
    const resolved = new ConfigResolver(nodeConfigHost).resolve(path.join(dir, 'archive', '1975.tel'));
    assert.deepEqual(resolved.files, [path.join(dir, '.cablewrightrc.json')]);
    assert.deepEqual(resolved.tables, [{ kind: 'posts', file: path.join(dir, 'posts.txt'), rows: 1 }]);
    assert.equal(resolved.options.rules['non-ascii'], 'off');
    assert.deepEqual(resolved.problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
