import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

test('on disk: only regular files are read, so a configuration naming /dev/zero, a named pipe or a folder is reported, not read forever', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cablewright-config-'));
  try {
    // A named pipe no one writes to would block a read for ever.
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.json')]).status === 0;
    writeFileSync(path.join(dir, '.cablewrightrc.json'), JSON.stringify({ root: true, extends: ['/dev/zero', ...(fifo ? ['pipe.json'] : []), '.'], posts: '/dev/urandom', tags: dir }));
    const resolved = new ConfigResolver(nodeConfigHost).resolve(path.join(dir, 'x.tel'));
    const messages = resolved.problems.map((p) => p.message.replaceAll(dir, '<dir>'));
    assert.deepEqual(messages, [
      "Cannot find the configuration '/dev/zero' (/dev/zero).",
      ...(fifo ? ["Cannot find the configuration 'pipe.json' (<dir>/pipe.json)."] : []),
      "Cannot find the configuration '.' (<dir>).",
      "Cannot read the table of posts '/dev/urandom' (/dev/urandom).",
      "Cannot read the table of tags '<dir>' (<dir>).",
    ]);
    for (const p of ['/dev/zero', '/dev/urandom', dir]) if (existsSync(p)) assert.equal(nodeConfigHost.readFile(p), undefined, p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
