import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../test/support/memoryHost';
import { PRESETS } from '../service';
import { ConfigResolver } from './resolver';
import type { ConfigProblem } from './types';

const RC = '/w/.cablewrightrc.json';

/** The problems of a `.cablewrightrc.json` holding `text`, resolved for a file beside it. */
function problemsOf(text: string, others: Record<string, string> = {}, file = RC): ConfigProblem[] {
  return new ConfigResolver(memoryHost({ [file]: text, ...others })).resolve('/w/x.tel').problems;
}

/** The problem expected at the `nth` occurrence of `needle` in `text`, its position counted independently. */
function at(text: string, needle: string, message: string, severity: 'error' | 'warning' = 'error', nth = 0, file = RC): ConfigProblem {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in the text`);
  const before = text.slice(0, start).split('\n');
  const through = text.slice(0, start + needle.length).split('\n');
  return {
    file,
    start,
    end: start + needle.length,
    line: before.length - 1,
    character: before[before.length - 1].length,
    endLine: through.length - 1,
    endCharacter: through[through.length - 1].length,
    message,
    severity,
  };
}

test('a JSON syntax error is reported where it is, and what could be read still applies', () => {
  const text = '{\n  "rules": {\n    "non-ascii": "off"\n    "eo-era": "hint"\n  }\n}\n';
  const resolved = new ConfigResolver(memoryHost({ [RC]: text })).resolve('/w/x.tel');
  assert.deepEqual(resolved.problems, [at(text, '"eo-era"', 'JSON syntax error: a comma is expected.')]);
  assert.deepEqual([resolved.options.rules['non-ascii'], resolved.options.rules['eo-era']], ['off', 'hint']);
});

test('comments and trailing commas are allowed', () => {
  assert.deepEqual(problemsOf('// archive settings\n{\n  /* OCR */ "preset": "transcription",\n  "rules": { "non-ascii": "off", },\n}\n'), []);
});

test('an unknown rule id is reported on its key, with the nearest rule id', () => {
  const text = '{\n  "rules": {\n    "tag-unknown": "off",\n    "non-ascii": "off",\n    "frobnicate": "error"\n  }\n}';
  const resolved = new ConfigResolver(memoryHost({ [RC]: text })).resolve('/w/x.tel');
  assert.deepEqual(resolved.problems, [
    at(text, '"tag-unknown"', "Unknown rule 'tag-unknown': did you mean 'tags-unknown'?"),
    at(text, '"frobnicate"', "Unknown rule 'frobnicate': the rule ids are listed in the README."),
  ]);
  assert.equal(resolved.options.rules['non-ascii'], 'off');
});

test('a bad severity is reported on the value, with the severity meant', () => {
  const text = '{ "rules": { "non-ascii": "warn", "eo-era": "fatal", "eo-decl": 2, "post-unknown": ["warning", { "x": 1 }], "tags-unknown": { "severity": "eror" } } }';
  assert.deepEqual(problemsOf(text), [
    at(text, '"warn"', "'warn' is not a severity (did you mean 'warning'?): use error, warning, info, hint or off."),
    at(text, '"fatal"', "'fatal' is not a severity: use error, warning, info, hint or off."),
    at(text, '2', `A rule's setting is a severity ("error", "warning", "info", "hint" or "off") or an object: { "severity": "warning", "options": { … } }.`),
    at(text, '["warning", { "x": 1 }]', `Write a rule's severity and options as an object: { "severity": "warning", "options": { … } }.`),
    at(text, '"eror"', "'eror' is not a severity (did you mean 'error'?): use error, warning, info, hint or off."),
  ]);
});

test('unknown keys are warnings, with the key meant', () => {
  const text = '{ "rule": {}, "overrides": [{ "files": "*.txt", "posts": "p.txt" }], "rules": { "non-ascii": { "severity": "off", "option": {} } } }';
  assert.deepEqual(problemsOf(text), [
    at(text, '"rule"', "Unknown key 'rule' (did you mean 'rules'?): a configuration may set $schema, root, extends, preset, rules, overrides, posts, tags, assumeYear and baseline.", 'warning'),
    at(text, '"posts"', "Unknown key 'posts': an override may set files, excludedFiles, preset, rules and assumeYear.", 'warning'),
    at(text, '"option"', "Unknown key 'option' (did you mean 'options'?): a rule's setting may have severity and options.", 'warning'),
  ]);
});

test('a key given twice counts the last time, and the first is reported', () => {
  const text = '{ "preset": "drafting", "preset": "transcription" }';
  const resolved = new ConfigResolver(memoryHost({ [RC]: text })).resolve('/w/x.tel');
  assert.deepEqual(resolved.problems, [at(text, '"preset"', "'preset' is set again below: only the last one counts.", 'warning')]);
  assert.deepEqual(resolved.options.rules, PRESETS.transcription);
});

test('an unknown preset is reported with the preset meant', () => {
  const text = '{ "preset": "draft", "overrides": [{ "files": "a/**", "preset": 3 }] }';
  assert.deepEqual(problemsOf(text), [
    at(text, '"draft"', "'draft' is not a preset (did you mean 'drafting'?): use recommended, drafting or transcription."),
    at(text, '3', 'A preset is one of recommended, drafting or transcription.'),
  ]);
});

test('values of the wrong type are reported with what the key takes', () => {
  const text = '{ "root": "yes", "extends": 5, "rules": [], "overrides": {}, "posts": ["a.txt", 7], "tags": "", "assumeYear": "1977", "baseline": false, "$schema": 1 }';
  const problems = problemsOf(text, { '/w/a.txt': 'AMEMBASSY ATLANTIS\n' });
  assert.deepEqual(problems, [
    at(text, '"yes"', "'root' is true or false: true stops the search for configuration files in the folders above."),
    at(text, '5', "'extends' is a path, or a list of paths, of configuration files this one builds on, relative to this file."),
    at(text, '[]', `'rules' is an object of rule ids and their settings: { "non-ascii": "off", "tags-unknown": { "severity": "error" } }.`),
    at(text, '{}', `'overrides' is a list of objects such as { "files": "archive/1970s/**", "preset": "transcription" }.`),
    at(text, '7', "'posts' is a path, or a list of paths, of tables of posts (TSV, or a designation per line), relative to this file."),
    at(text, '""', "'tags' is a path, or a list of paths, of tables of TAGS (TSV, or a code and its description per line), relative to this file."),
    at(text, '"1977"', "'assumeYear' is a four-digit year such as 1977 (the year to judge an undated cable by), or null for none."),
    at(text, 'false', "'baseline' is the path of a baseline file, relative to this file."),
    at(text, '1 }', "'$schema' is the URL or path of the JSON schema of this file."),
  ].map((p) => (p.message.startsWith("'$schema'") ? { ...p, end: p.start + 1, endCharacter: p.character + 1 } : p)));
});

test('bad globs are reported on the glob; an override without files on the override', () => {
  const text = '{ "overrides": [ { "files": ["[abc", "../x/**", "/abs/**", "", "a\\\\b", "ok/**"], "excludedFiles": "{a,b" }, { "rules": {} } ] }';
  assert.deepEqual(problemsOf(text), [
    at(text, '"[abc"', "Glob '[abc' is not valid: its closing ']' is missing."),
    at(text, '"../x/**"', "Glob '../x/**' leaves the configuration file's directory: an override applies only to files under it."),
    at(text, '"/abs/**"', "Glob '/abs/**' is absolute: globs are relative to the configuration file's directory."),
    at(text, '""', "'files' is a glob, or a list of globs, of the files the override applies to, relative to this file's directory (archive/1970s/**)."),
    at(text, '"a\\\\b"', "Glob 'a\\b' has a backslash: write globs with '/' (archive/1970s/**)."),
    at(text, '"{a,b"', "Glob '{a,b' is not valid: its closing '}' is missing."),
    at(text, '{ "rules": {} }', `This override has no 'files': give the globs of the files it applies to, relative to this file's directory ("files": "archive/1970s/**").`),
  ]);
});

test('a missing table or extended file is reported on its path', () => {
  const text = '{ "extends": ["base.json", "../nowhere.json"], "posts": "data/posts.tsv", "tags": ["data/tags.txt"] }';
  assert.deepEqual(problemsOf(text, { '/w/base.json': '{}', '/w/data/tags.txt': 'XQZY Lost cities\n' }), [
    at(text, '"../nowhere.json"', "Cannot find the configuration '../nowhere.json' (/nowhere.json)."),
    at(text, '"data/posts.tsv"', "Cannot read the table of posts 'data/posts.tsv' (/w/data/posts.tsv)."),
  ]);
});

test('problems in an extended file are reported in that file', () => {
  const base = '{\n  "rules": { "non-asci": "off" }\n}';
  assert.deepEqual(problemsOf('{ "extends": "shared/base.json" }', { '/w/shared/base.json': base }), [
    at(base, '"non-asci"', "Unknown rule 'non-asci': did you mean 'non-ascii'?", 'error', 0, '/w/shared/base.json'),
  ]);
});

test("a rule's options are checked against its schema, and a rule without options says so", () => {
  const text = '{ "rules": { "non-ascii": { "options": { "allow": ["é", 1, ""], "alow": [] } }, "eo-era": { "options": {} }, "tags-unknown": { "options": 3 } } }';
  assert.deepEqual(problemsOf(text), [
    at(text, '1', 'Option \'allow[1]\' of non-ascii is a number (1): it should be a string.'),
    at(text, '""', "Option 'allow[2]' of non-ascii is too short: it should have at least 1 character."),
    at(text, '"alow"', "non-ascii has no option 'alow' (did you mean 'allow'?): its options are 'allow'.", 'warning'),
    at(text, '"options"', "Rule 'eo-era' takes no options.", 'warning', 1),
    at(text, '"options"', "Rule 'tags-unknown' takes no options.", 'warning', 2),
  ]);
  const wrong = '{ "rules": { "non-ascii": { "options": { "allow": "é" } } } }';
  assert.deepEqual(problemsOf(wrong), [at(wrong, '"é"', `Option 'allow' of non-ascii is a string ("é"): it should be a list.`)]);
});

test('a configuration that is not an object, in a file or in package.json, is reported and the defaults apply', () => {
  const text = '[ "recommended" ]';
  const resolved = new ConfigResolver(memoryHost({ [RC]: text })).resolve('/w/x.tel');
  assert.deepEqual(resolved.problems, [at(text, text, 'A configuration file holds one JSON object: { "preset": "recommended", "rules": { … } }.')]);
  assert.deepEqual(resolved.options.rules, PRESETS.recommended);
  const pkg = '{ "name": "archive", "cablewright": "drafting" }';
  assert.deepEqual(problemsOf(pkg, {}, '/w/package.json'), [
    at(pkg, '"drafting"', `The 'cablewright' key of package.json holds a configuration object: { "preset": "recommended" }.`, 'error', 0, '/w/package.json'),
  ]);
});

test('an empty configuration file is reported, and a broken package.json without a cablewright key is not a configuration', () => {
  assert.deepEqual(
    problemsOf('').map((p) => [p.line, p.character, p.message]),
    [[0, 0, 'JSON syntax error: a value is expected.']],
  );
  const resolved = new ConfigResolver(memoryHost({ '/w/package.json': '{ "name": "x", ' })).resolve('/w/x.tel');
  assert.deepEqual([resolved.files, resolved.problems], [[], []]);
});

test('positions count UTF-16 code units, after a byte-order mark, comments and astral characters', () => {
  const text = '\ufeff{\n  /* 😀 Köln */ "rules": { "tag-unknown": "off" }\n}';
  assert.deepEqual(problemsOf(text), [at(text, '"tag-unknown"', "Unknown rule 'tag-unknown': did you mean 'tags-unknown'?")]);
  assert.equal(problemsOf(text)[0].character, 27);
});

test('a URL in extends, posts, tags or baseline is reported and never read; $schema is never read at all', () => {
  const text = '{\n  "$schema": "https://example.com/schema.json",\n  "extends": ["http://example.com/base.json", "./base.json"],\n  "posts": "https://example.com/posts.tsv",\n  "tags": "file:///etc/tags.tsv",\n  "baseline": "ftp://example.com/baseline.json"\n}\n';
  const host = memoryHost({ [RC]: text, '/w/base.json': '{ "rules": { "non-ascii": "off" } }' });
  const resolved = new ConfigResolver(host).resolve('/w/x.tel');
  const url = (key: string) => `'${key}' names a URL; cablewright reads configuration from local files only and never fetches anything: write a path relative to this file.`;
  assert.deepEqual(resolved.problems, [
    at(text, '"http://example.com/base.json"', url('extends')),
    at(text, '"https://example.com/posts.tsv"', url('posts')),
    at(text, '"file:///etc/tags.tsv"', url('tags')),
    at(text, '"ftp://example.com/baseline.json"', url('baseline')),
  ]);
  // The local path beside the URL still applies; nothing else was read.
  assert.equal(resolved.options.rules['non-ascii'], 'off');
  assert.equal(resolved.baseline, undefined);
  assert.ok(host.reads.every((p) => !/example\.com|etc\/tags|schema/.test(p)), host.reads.join(', '));
});
