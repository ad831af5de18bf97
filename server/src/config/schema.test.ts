import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PRESET_NAMES, RULES } from '../service';
import { CONFIG_KEYS, OVERRIDE_KEYS } from './configFile';
import { configSchema, packageJsonSchema } from './schema';

interface Schema {
  properties: Record<string, { items: { properties: Record<string, unknown> } }>;
  definitions: { rules: { properties: Record<string, { anyOf: { properties?: Record<string, unknown> }[] }> }; preset: { enum: string[] } };
}

test('the committed schemas are up to date (run node scripts/schema.mjs)', () => {
  for (const [name, schema] of [['cablewrightrc.schema.json', configSchema()], ['package-json.schema.json', packageJsonSchema()]] as const) {
    const committed = readFileSync(path.join(CABLEWRIGHT_ROOT, 'schemas', name), 'utf8');
    assert.equal(committed, `${JSON.stringify(schema, null, 2)}\n`, `schemas/${name} is out of date: run node scripts/schema.mjs`);
  }
});

test('the schema names exactly the rules, the presets and the keys the configuration reader takes', () => {
  const schema = configSchema() as Schema;
  assert.deepEqual(Object.keys(schema.definitions.rules.properties), RULES.map((r) => r.id));
  assert.deepEqual(schema.definitions.preset.enum, [...PRESET_NAMES]);
  assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
  assert.deepEqual(Object.keys(schema.properties.overrides.items.properties).sort(), [...OVERRIDE_KEYS].sort());
});

test("a rule's options in the schema are its optionsSchema; a rule without one takes no options", () => {
  const rules = (configSchema() as Schema).definitions.rules.properties;
  for (const r of RULES) assert.deepEqual(rules[r.id].anyOf[1].properties?.options, r.optionsSchema, r.id);
});
