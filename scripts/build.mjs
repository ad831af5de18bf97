// Bundles the command line (and, with --tests, every test file) with esbuild.
// Data files (*.tsv) are inlined as text, so the bundles need nothing at run time.
import { build } from 'esbuild';
import { chmodSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.tsv': 'text' },
  // jsonc-parser's UMD build requires its parts by paths esbuild cannot follow: bundle its ES modules instead.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  define: { CABLEWRIGHT_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: { cli: 'server/src/cli/main.ts', server: 'server/src/server.ts' },
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node' },
});
// The bins run as commands: make them executable (npm does it on install, a plain build does not).
for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(path.join(root, bin), 0o755);
await build({
  ...common,
  entryPoints: { extension: 'client/src/extension.ts' },
  outdir: 'dist',
  external: ['vscode'],
});

const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv.includes('--tests')) {
  // --outdir and --only let several people build and run a subset of the tests at once.
  const outdir = argValue('--outdir') ?? 'out/test';
  const only = argValue('--only');
  const tests = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (name === 'node_modules' || name === 'fixtures') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.ts') && (!only || p.includes(only))) tests.push(path.relative(root, p));
    }
  };
  walk(path.join(root, 'server/src'));
  walk(path.join(root, 'test'));
  rmSync(path.resolve(root, outdir), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: tests,
    outdir,
    outbase: '.',
    external: ['fast-check'],
    define: { ...common.define, CABLEWRIGHT_ROOT: JSON.stringify(root) },
  });
}

if (process.argv.includes('--bench')) {
  // Benchmarks: every bench/*.ts to out/bench/*.js (run them with node; see bench/throughput.ts). --bench-outdir
  // builds them elsewhere, so one benchmark can be rebuilt while another runs.
  const benchOut = argValue('--bench-outdir') ?? 'out/bench';
  const benchDir = path.join(root, 'bench');
  const entries = readdirSync(benchDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join('bench', name));
  rmSync(path.resolve(root, benchOut), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: entries,
    outdir: benchOut,
    define: { ...common.define, CABLEWRIGHT_ROOT: JSON.stringify(root) },
  });
}
