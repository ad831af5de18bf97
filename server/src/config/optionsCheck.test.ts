import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { RULES } from '../service';
import { checkOptions, OPTION_SCHEMA_KEYWORDS } from './optionsCheck';

/** The mistakes in `json` against `schema`, as [the text of the node, message]. */
function mistakes(schema: object, json: string): [string, string][] {
  return checkOptions('some-rule', schema, parseTree(json)!).map((m) => [json.slice(m.node.offset, m.node.offset + m.node.length), m.message]);
}

test("every rule's optionsSchema uses only the keywords the check understands", () => {
  const walk = (schema: unknown, where: string): void => {
    if (!schema || typeof schema !== 'object') return;
    for (const [k, v] of Object.entries(schema)) {
      assert.ok((OPTION_SCHEMA_KEYWORDS as readonly string[]).includes(k), `${where}: ${k}`);
      if (k === 'properties') for (const [p, s] of Object.entries(v as object)) walk(s, `${where}.${p}`);
      if (k === 'items' || k === 'additionalProperties') walk(v, `${where}.${k}`);
    }
  };
  for (const r of RULES) walk(r.optionsSchema, r.id);
});

test('types, enums, lengths and bounds', () => {
  const schema = {
    type: 'object',
    properties: {
      mode: { enum: ['strict', 'loose'] },
      count: { type: 'integer', minimum: 1, maximum: 9 },
      name: { type: ['string', 'null'], minLength: 2 },
    },
    additionalProperties: { type: 'boolean' },
  };
  assert.deepEqual(mistakes(schema, '{ "mode": "strict", "count": 3, "name": null, "extra": true }'), []);
  assert.deepEqual(mistakes(schema, '{ "mode": "lax", "count": 2.5, "name": "x", "extra": 1 }'), [
    ['"lax"', `Option 'mode' of some-rule is "lax": it should be one of "strict", "loose".`],
    ['2.5', "Option 'count' of some-rule is a number (2.5): it should be an integer."],
    ['"x"', "Option 'name' of some-rule is too short: it should have at least 2 characters."],
    ['1', "Option 'extra' of some-rule is a number (1): it should be a boolean."],
  ]);
  assert.deepEqual(mistakes(schema, '{ "count": 0 }'), [['0', "Option 'count' of some-rule is 0: it should be at least 1."]]);
  assert.deepEqual(mistakes(schema, '{ "count": 10 }'), [['10', "Option 'count' of some-rule is 10: it should be at most 9."]]);
  assert.deepEqual(mistakes(schema, '[1]'), [['[1]', "'options' of some-rule is a list: it should be an object."]]);
});

test('nested lists and objects are named by their path', () => {
  const schema = { type: 'object', properties: { groups: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false } } } };
  assert.deepEqual(mistakes(schema, '{ "groups": [{ "name": "a" }, { "name": 1, "nmae": "b" }] }'), [
    ['1', "Option 'groups[1].name' of some-rule is a number (1): it should be a string."],
    ['"nmae"', "some-rule has no option 'nmae' (did you mean 'name'?): its options are 'name'."],
  ]);
});
