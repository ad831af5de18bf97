import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../test/support/memoryHost';
import { describeConfig } from './describe';
import { ConfigResolver } from './resolver';

test('describeConfig lists the files, overrides, every rule, options, tables, year, baseline and problems', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': '{\n  "preset": "drafting",\n  "rules": { "non-ascii": { "severity": "warning", "options": { "allow": ["É"] } }, "eo-erra": "off" },\n  "posts": "posts.txt",\n  "baseline": "baseline.json",\n  "overrides": [{ "files": "archive/**", "assumeYear": 1977, "rules": { "header-mismatch": "off" } }]\n}\n',
    '/w/posts.txt': 'AMEMBASSY ATLANTIS\n',
  });
  assert.equal(
    describeConfig(new ConfigResolver(host).resolve('/w/archive/x.tel')),
    `Configuration files (nearest last):
  /w/.cablewrightrc.json
Overrides applied:
  /w/.cablewrightrc.json overrides[0]: archive/**
Rules:
  classification-missing   error
  classification-mismatch  error
  portion-exceeds-overall  error
  portion-marking-missing  error    (default warning)
  tags-missing             error
  tags-malformed           error
  tags-unknown             error    (default warning)
  subject-missing          error
  paragraph-numbering      error    (default warning)
  block-unbalanced         error    (default warning)
  dtg-invalid              error
  precedence-unknown       error
  eo-malformed             error
  eo-era                   error
  eo-decl                  error    (default warning)
  post-unknown             warning
  addressee-missing        error
  header-mismatch          off      (default warning)
  non-ascii                warning  options {"allow":["É"]}
Extra tables:
  posts  /w/posts.txt  (1 row)
assumeYear: 1977
baseline: /w/baseline.json
Problems:
  /w/.cablewrightrc.json:3:85  error  Unknown rule 'eo-erra': did you mean 'eo-era'?
`,
  );
});

test('describeConfig of the defaults says nothing applies', () => {
  const text = describeConfig(new ConfigResolver(memoryHost({})).resolve('/w/x.tel'));
  assert.match(text, /^Configuration files: none \(built-in defaults and editor settings\)\nRules:\n/);
  assert.match(text, /\nExtra tables: none\nassumeYear: none \(an undated cable is judged by the TAGS of every era\)\nbaseline: none\n$/);
  assert.doesNotMatch(text, /Overrides|Problems|default /);
});
