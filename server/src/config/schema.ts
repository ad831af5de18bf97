/**
 * The JSON schemas of `.cablewrightrc.json` and of the `cablewright` key of
 * `package.json`, made from the rule table and the presets so they cannot
 * drift from them. `node scripts/schema.mjs` writes them to `schemas/`; a
 * test checks the committed files are up to date.
 */
import { PRESET_NAMES, RULES } from '../service';
import { RULE_SETTINGS } from './configFile';

const SEVERITY_DESCRIPTIONS: Record<string, string> = {
  error: 'Report as an error (the CLI exits with 1).',
  warning: 'Report as a warning.',
  info: 'Report as information.',
  hint: 'Report as a hint (editors show it faintly).',
  off: 'Do not run the rule.',
};

const PRESET_DESCRIPTIONS: Record<string, string> = {
  recommended: 'Every rule at its default severity.',
  drafting: 'For cables being written: everything a cable must have is an error.',
  transcription: "For OCR'd and typed copies of released cables: tolerant of OCR and printing damage, strict on classification, date, TAGS and subject.",
};

const paths = (description: string) => ({ description, anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] });

/** The schema of a configuration object (`.cablewrightrc.json`). */
export function configSchema(): object {
  const rules = Object.fromEntries(
    RULES.map((r) => [
      r.id,
      {
        description: `${r.description} Default: ${r.defaultSeverity}.`,
        anyOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'object',
            properties: { severity: { $ref: '#/definitions/severity' }, ...(r.optionsSchema && { options: r.optionsSchema }) },
            additionalProperties: false,
          },
        ],
      },
    ]),
  );
  const layer = {
    preset: { $ref: '#/definitions/preset' },
    rules: { $ref: '#/definitions/rules' },
    assumeYear: { description: 'The year to judge a cable by when it shows no date (which TAGS geographic table applies), or null for none.', type: ['integer', 'null'], minimum: 1000, maximum: 9999 },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'cablewright configuration',
    description: 'Configuration of cablewright, the checker of diplomatic cables. The nearest configuration file above a cable applies, on top of those further up (unless it sets "root": true).',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'The JSON schema of this file.' },
      root: { type: 'boolean', description: 'Stop looking for configuration files in the folders above this one.' },
      extends: paths('A configuration file, or a list of them, that this one builds on (relative to this file); this file overrides them.'),
      ...layer,
      overrides: {
        description: 'Settings for some files only: each override whose globs match a file applies on top of the rest of this file, in order.',
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          properties: {
            files: paths("Globs of the files this override applies to, relative to this file's directory ('archive/1970s/**'); a glob without '/' matches file names in any folder ('*.tel')."),
            excludedFiles: paths("Globs of files this override does not apply to, even when 'files' matches them."),
            ...layer,
          },
          additionalProperties: false,
        },
      },
      posts: paths('Tables of extra posts, relative to this file: TSV with the columns of server/data/posts.tsv, or plain text with a designation per line.'),
      tags: paths('Tables of extra TAGS, relative to this file: TSV with the columns of server/data/tags.tsv, or plain text with a code and its description per line.'),
      baseline: { type: 'string', minLength: 1, description: 'The baseline file (known problems not to report), relative to this file.' },
    },
    additionalProperties: false,
    definitions: {
      severity: { enum: [...RULE_SETTINGS], enumDescriptions: RULE_SETTINGS.map((s) => SEVERITY_DESCRIPTIONS[s]) },
      preset: {
        description: "A set of rule severities to start from; 'rules' apply on top of it.",
        enum: [...PRESET_NAMES],
        enumDescriptions: PRESET_NAMES.map((p) => PRESET_DESCRIPTIONS[p]),
      },
      rules: {
        description: 'Per rule id, a severity ("error", "warning", "info", "hint" or "off") or { "severity": …, "options": { … } }.',
        type: 'object',
        properties: rules,
        additionalProperties: false,
      },
    },
  };
}

/** The schema of `package.json`'s `cablewright` key, pointing at the configuration schema beside it. */
export function packageJsonSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'cablewright in package.json',
    type: 'object',
    properties: {
      cablewright: { description: 'Configuration of cablewright, as in a .cablewrightrc.json file.', $ref: './cablewrightrc.schema.json' },
    },
  };
}
