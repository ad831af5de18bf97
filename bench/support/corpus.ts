/** The texts the benchmarks are made of: the real cables, the samples and the golden tests' inputs, in a fixed order. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const utf8 = new TextDecoder('utf-8');

/** Every real, sample and golden cable file under `root`, decoded, empty ones left out. */
export function corpus(root: string): { name: string; text: string }[] {
  const files: string[] = [];
  const add = (dir: string, accept: (name: string) => boolean) => {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) return;
    for (const name of readdirSync(abs).sort()) {
      const p = path.join(abs, name);
      if (statSync(p).isFile() && accept(name)) files.push(p);
    }
  };
  add('test/fixtures/real', (n) => n.endsWith('.txt'));
  add('samples', (n) => /\.(txt|cable|tel)$/.test(n));
  add('test/fixtures/golden', (n) => /\.(txt|cable|tel)$/.test(n));
  return files.map((p) => ({ name: path.relative(root, p), text: utf8.decode(readFileSync(p)) })).filter((t) => t.text.trim() !== '');
}
