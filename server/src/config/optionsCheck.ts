/**
 * Checks a rule's options, as written in a configuration file, against the
 * rule's `optionsSchema`. Only the JSON Schema keywords listed here are
 * understood; a test holds every rule's schema to them.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { nearest } from '../service';

/** The JSON Schema keywords an `optionsSchema` may use. */
export const OPTION_SCHEMA_KEYWORDS = ['type', 'properties', 'additionalProperties', 'items', 'enum', 'minLength', 'minimum', 'maximum', 'description'] as const;

/** The part of JSON Schema an `optionsSchema` is written in. */
interface OptionSchema {
  type?: string | string[];
  properties?: Record<string, OptionSchema>;
  additionalProperties?: boolean | OptionSchema;
  items?: OptionSchema;
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Something wrong in a rule's options, at the JSON node it concerns. */
export interface OptionsMistake {
  node: Node;
  message: string;
  severity: 'error' | 'warning';
}

/** Checks the options of rule `ruleId` (the JSON node `node`) against its schema. */
export function checkOptions(ruleId: string, schema: object, node: Node): OptionsMistake[] {
  const out: OptionsMistake[] = [];
  check(schema as OptionSchema, node, '', ruleId, out);
  return out;
}

function check(schema: OptionSchema, node: Node, path: string, ruleId: string, out: OptionsMistake[]): void {
  const label = path === '' ? `'options' of ${ruleId}` : `Option '${path}' of ${ruleId}`;
  const value: unknown = getNodeValue(node);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => hasType(value, t))) {
    out.push({ node, message: `${label} is ${typeName(value)}: it should be ${types.map(article).join(' or ')}.`, severity: 'error' });
    return;
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    out.push({ node, message: `${label} is ${JSON.stringify(value)}: it should be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}.`, severity: 'error' });
  }
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) {
    out.push({ node, message: `${label} is too short: it should have at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}.`, severity: 'error' });
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    out.push({ node, message: `${label} is ${value}: it should be at least ${schema.minimum}.`, severity: 'error' });
  }
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) {
    out.push({ node, message: `${label} is ${value}: it should be at most ${schema.maximum}.`, severity: 'error' });
  }
  if (node.type === 'array' && schema.items) {
    (node.children ?? []).forEach((item, i) => check(schema.items!, item, `${path}[${i}]`, ruleId, out));
  }
  if (node.type === 'object') {
    const known = Object.keys(schema.properties ?? {});
    for (const property of node.children ?? []) {
      const [key, child] = property.children ?? [];
      if (!key || !child) continue;
      const name = String(key.value);
      const sub = schema.properties?.[name] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      const childPath = path === '' ? name : `${path}.${name}`;
      if (sub) check(sub, child, childPath, ruleId, out);
      else if (schema.additionalProperties === false) {
        const [guess] = nearest(name, known, (k) => k, Math.max(2, Math.floor(name.length / 3)), 1);
        const hint = guess ? ` (did you mean '${guess}'?)` : '';
        out.push({ node: key, message: `${ruleId} has no option '${name}'${hint}: its options are ${known.map((k) => `'${k}'`).join(', ')}.`, severity: 'warning' });
      }
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
