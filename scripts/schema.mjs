// Writes schemas/cablewrightrc.schema.json and schemas/package-json.schema.json from
// server/src/config/schema.ts (made from the rule table and the presets). Run it after
// adding a rule, a preset or a rule option; a test fails while the files are out of date.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const bundle = await build({
  entryPoints: ['server/src/config/schema.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  loader: { '.tsv': 'text' },
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
  absWorkingDir: root,
});
const { configSchema, packageJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
mkdirSync(path.join(root, 'schemas'), { recursive: true });
for (const [name, schema] of [['cablewrightrc.schema.json', configSchema()], ['package-json.schema.json', packageJsonSchema()]]) {
  writeFileSync(path.join(root, 'schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
}
