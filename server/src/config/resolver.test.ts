import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../test/support/memoryHost';
import { analyze, builtinReference, PRESETS } from '../service';
import { ConfigResolver } from './resolver';

const rulesOf = (host: ReturnType<typeof memoryHost>, file: string) => new ConfigResolver(host).resolve(file).options.rules;

test('without any configuration file, every rule has its default severity and the bundled tables apply', () => {
  const resolved = new ConfigResolver(memoryHost({})).resolve('/w/a/cable.tel');
  assert.deepEqual(resolved.options.rules, PRESETS.recommended);
  assert.equal(resolved.options.reference, builtinReference());
  assert.deepEqual([resolved.options.ruleOptions, resolved.options.assumeYear, resolved.baseline], [undefined, undefined, undefined]);
  assert.deepEqual([resolved.files, resolved.overrides, resolved.tables, resolved.problems], [[], [], [], []]);
});

test('configuration files are found walking up from the file, and the nearest one wins', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': { rules: { 'non-ascii': 'off', 'tags-unknown': 'error' } },
    '/w/a/.cablewrightrc.json': { rules: { 'non-ascii': 'hint' } },
  });
  const resolved = new ConfigResolver(host).resolve('/w/a/b/c/cable.tel');
  assert.deepEqual(resolved.files, ['/w/.cablewrightrc.json', '/w/a/.cablewrightrc.json']);
  assert.deepEqual([resolved.options.rules['non-ascii'], resolved.options.rules['tags-unknown'], resolved.options.rules['eo-era']], ['hint', 'error', 'error']);
  assert.equal(rulesOf(host, '/w/cable.tel')['non-ascii'], 'off');
  assert.deepEqual(rulesOf(host, '/elsewhere/cable.tel'), PRESETS.recommended);
});

test('"root": true stops the walk', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': { rules: { 'non-ascii': 'off', 'tags-unknown': 'error' } },
    '/w/a/.cablewrightrc.json': { root: true, rules: { 'tags-unknown': 'info' } },
  });
  const resolved = new ConfigResolver(host).resolve('/w/a/cable.tel');
  assert.deepEqual(resolved.files, ['/w/a/.cablewrightrc.json']);
  assert.deepEqual([resolved.options.rules['non-ascii'], resolved.options.rules['tags-unknown']], ['warning', 'info']);
});

test("a package.json's cablewright key is a configuration; one without it is passed over; .cablewrightrc.json comes first", () => {
  const host = memoryHost({
    '/w/package.json': { name: 'archive', cablewright: { rules: { 'non-ascii': 'off' } } },
    '/w/a/package.json': { name: 'no-config' },
    '/w/b/package.json': { cablewright: { rules: { 'non-ascii': 'error' } } },
    '/w/b/.cablewrightrc.json': { rules: { 'non-ascii': 'hint' } },
  });
  const resolver = new ConfigResolver(host);
  assert.deepEqual(resolver.resolve('/w/a/cable.tel').files, ['/w/package.json']);
  assert.equal(resolver.resolve('/w/a/cable.tel').options.rules['non-ascii'], 'off');
  assert.deepEqual(resolver.resolve('/w/b/cable.tel').files, ['/w/package.json', '/w/b/.cablewrightrc.json']);
  assert.equal(resolver.resolve('/w/b/cable.tel').options.rules['non-ascii'], 'hint');
});

test('extends: a path or a list, applied in order before the file itself, each relative to the file naming it', () => {
  const host = memoryHost({
    '/shared/base.json': { rules: { 'non-ascii': 'off', 'post-unknown': 'error', 'eo-era': 'info' }, extends: 'deeper/root.json' },
    '/shared/deeper/root.json': { rules: { 'eo-era': 'hint', 'eo-decl': 'hint' } },
    '/w/second.json': { rules: { 'post-unknown': 'info' } },
    '/w/.cablewrightrc.json': { extends: ['../shared/base.json', './second.json'], rules: { 'non-ascii': 'error' } },
  });
  const resolved = new ConfigResolver(host).resolve('/w/cable.tel');
  assert.deepEqual(resolved.files, ['/shared/deeper/root.json', '/shared/base.json', '/w/second.json', '/w/.cablewrightrc.json']);
  const r = resolved.options.rules;
  assert.deepEqual([r['non-ascii'], r['post-unknown'], r['eo-era'], r['eo-decl']], ['error', 'info', 'info', 'hint']);
  assert.deepEqual(resolved.problems, []);
});

test('a cycle of extends is reported where it closes, and the rest still applies', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': '{ "extends": "a.json", "rules": { "non-ascii": "off" } }',
    '/w/a.json': '{ "extends": "b.json" }',
    '/w/b.json': '{ "extends": ["./a.json"], "rules": { "eo-era": "hint" } }',
  });
  const resolved = new ConfigResolver(host).resolve('/w/cable.tel');
  assert.deepEqual(resolved.problems, [
    {
      file: '/w/b.json',
      start: 14,
      end: 24,
      line: 0,
      character: 14,
      endLine: 0,
      endCharacter: 24,
      message: "'extends' makes a cycle: /w/a.json → /w/b.json → /w/a.json.",
      severity: 'error',
    },
  ]);
  assert.deepEqual([resolved.options.rules['non-ascii'], resolved.options.rules['eo-era']], ['off', 'hint']);
});

test('a configuration extending itself is a cycle', () => {
  const host = memoryHost({ '/w/.cablewrightrc.json': '{ "extends": "./.cablewrightrc.json" }' });
  assert.deepEqual(
    new ConfigResolver(host).resolve('/w/x.tel').problems.map((p) => p.message),
    ["'extends' makes a cycle: /w/.cablewrightrc.json → /w/.cablewrightrc.json."],
  );
});

test('overrides apply to the files their globs match, relative to the configuration file, after the rest of it', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': {
      preset: 'drafting',
      rules: { 'header-mismatch': 'warning' },
      overrides: [
        { files: 'archive/1970s/**', excludedFiles: ['**/drafts/**'], preset: 'transcription', assumeYear: 1975 },
        { files: ['*.txt'], rules: { 'non-ascii': 'off' } },
      ],
    },
  });
  const resolver = new ConfigResolver(host);
  const old = resolver.resolve('/w/archive/1970s/box1/1975-state-133602.tel');
  assert.deepEqual(old.options.rules, PRESETS.transcription);
  assert.equal(old.options.assumeYear, 1975);
  assert.deepEqual(old.overrides, [{ file: '/w/.cablewrightrc.json', index: 0, files: ['archive/1970s/**'] }]);

  const draft = resolver.resolve('/w/archive/1970s/drafts/new.tel');
  assert.deepEqual(draft.overrides, []);
  assert.deepEqual(draft.options.rules, { ...PRESETS.drafting, 'header-mismatch': 'warning' });

  // A glob without a slash matches a file name in any folder.
  const txt = resolver.resolve('/w/archive/1970s/box1/notes.txt');
  assert.deepEqual(txt.overrides.map((o) => o.index), [0, 1]);
  assert.equal(txt.options.rules['non-ascii'], 'off');
  assert.equal(resolver.resolve('/w/notes.txt').options.rules['non-ascii'], 'off');
  // Files outside the configuration's folder are not matched by its globs.
  assert.deepEqual(resolver.resolve('/other/archive/1970s/x.tel').overrides, []);
});

test("the overrides of an extended configuration match relative to the extending file's folder", () => {
  const host = memoryHost({
    '/shared/archive.json': { overrides: [{ files: 'archive/**', rules: { 'non-ascii': 'off' } }] },
    '/w/project/.cablewrightrc.json': { extends: '../../shared/archive.json' },
  });
  const resolver = new ConfigResolver(host);
  assert.equal(resolver.resolve('/w/project/archive/x.tel').options.rules['non-ascii'], 'off');
  assert.equal(resolver.resolve('/w/project/drafts/x.tel').options.rules['non-ascii'], 'warning');
});

test('a preset resets every rule, then its file\'s rules apply; a nearer preset resets what farther files set', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': { preset: 'drafting', rules: { 'non-ascii': 'hint' } },
    '/w/released/.cablewrightrc.json': { preset: 'transcription' },
    '/w/mine/.cablewrightrc.json': { rules: { 'eo-era': 'warning' } },
  });
  const resolver = new ConfigResolver(host);
  assert.deepEqual(resolver.resolve('/w/x.tel').options.rules, { ...PRESETS.drafting, 'non-ascii': 'hint' });
  assert.deepEqual(resolver.resolve('/w/released/x.tel').options.rules, PRESETS.transcription);
  assert.deepEqual(resolver.resolve('/w/mine/x.tel').options.rules, { ...PRESETS.drafting, 'non-ascii': 'hint', 'eo-era': 'warning' });
});

test('a rule is set by a severity, or by an object with a severity, options or both; options merge key by key', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': { rules: { 'non-ascii': { severity: 'error', options: { allow: ['É'] } }, 'tags-unknown': 'hint' } },
    '/w/a/.cablewrightrc.json': { rules: { 'non-ascii': { options: { allow: ['É', 'Ü'] } }, 'tags-unknown': { severity: 'off' } } },
  });
  const resolver = new ConfigResolver(host);
  const top = resolver.resolve('/w/x.tel').options;
  assert.deepEqual([top.rules['non-ascii'], top.rules['tags-unknown'], top.ruleOptions], ['error', 'hint', { 'non-ascii': { allow: ['É'] } }]);
  const inner = resolver.resolve('/w/a/x.tel').options;
  assert.deepEqual([inner.rules['non-ascii'], inner.rules['tags-unknown'], inner.ruleOptions], ['error', 'off', { 'non-ascii': { allow: ['É', 'Ü'] } }]);
  const text = 'UNCLASSIFIED\n\nTAGS: PREL\nSUBJECT: CAFÉ IN MÜNCHEN AND MALMÖ\n\n1. (U) TEXT.\n\nRICE\nUNCLASSIFIED\n';
  const flagged = analyze(text, { ...inner, assumeCable: true }).diagnostics.filter((d) => d.ruleId === 'non-ascii');
  assert.deepEqual(flagged.map((d) => [d.severity, text.slice(d.range.start, d.range.end)]), [['error', 'Ö']]);
});

const CABLE = `UNCLASSIFIED

O 141406Z MAY 08
FM AMEMBASSY ATLANTIS
TO SECSTATE WASHDC IMMEDIATE 0001
E.O. 12958: N/A
TAGS: PREL, XQZY, QQ
SUBJECT: THE LOST CITY

1. (U) TEXT.

RICE
UNCLASSIFIED
`;

const unknowns = (options: Parameters<typeof analyze>[1]) =>
  analyze(CABLE, { ...options, assumeCable: true })
    .diagnostics.filter((d) => d.ruleId === 'post-unknown' || d.ruleId === 'tags-unknown')
    .map((d) => CABLE.slice(d.range.start, d.range.end));

test('extra tables (TSV, or plain text) make their posts and TAGS known to post-unknown and tags-unknown', () => {
  assert.deepEqual(unknowns({}), ['AMEMBASSY ATLANTIS', 'XQZY', 'QQ']);
  const host = memoryHost({
    '/w/.cablewrightrc.json': { posts: 'data/posts.txt', tags: ['data/tags.tsv', 'data/geo.txt'] },
    '/w/data/posts.txt': '# Posts of the project\nAMEMBASSY ATLANTIS\r\n\r\nAMCONSUL EL DORADO\n',
    '/w/data/tags.tsv': '\ufeffcode\tkind\ttable\tdescription\tsource\nXQZY\tsubject\tcurrent\tLost cities\tproject notes\n',
    '/w/data/geo.txt': 'QQ\tAtlantis\nQR    Lemuria (sunk)\n',
  });
  const resolved = new ConfigResolver(host).resolve('/w/cables/lost.tel');
  assert.deepEqual(resolved.tables, [
    { kind: 'posts', file: '/w/data/posts.txt', rows: 2 },
    { kind: 'tags', file: '/w/data/tags.tsv', rows: 1 },
    { kind: 'tags', file: '/w/data/geo.txt', rows: 2 },
  ]);
  assert.deepEqual(unknowns(resolved.options), []);
  const reference = resolved.options.reference;
  assert.deepEqual([reference.post('AMCONSUL EL DORADO')?.source, reference.tagRows('QR')[0]?.description, reference.tagRows('XQZY')[0]?.source], [
    '/w/data/posts.txt',
    'Lemuria (sunk)',
    'project notes',
  ]);
});

test('tables add up from level to level, each relative to the file naming it', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': { posts: 'posts.txt' },
    '/w/posts.txt': 'AMEMBASSY ATLANTIS\n',
    '/w/a/.cablewrightrc.json': { tags: 'tags.txt' },
    '/w/a/tags.txt': 'XQZY Lost cities\nQQ Atlantis\n',
  });
  const resolved = new ConfigResolver(host).resolve('/w/a/lost.tel');
  assert.deepEqual(resolved.tables.map((t) => t.file), ['/w/posts.txt', '/w/a/tags.txt']);
  assert.deepEqual(unknowns(resolved.options), []);
});

test('assumeYear and baseline: the nearest setting wins; null assumes no year; baseline is made absolute', () => {
  const host = memoryHost({
    '/w/.cablewrightrc.json': { assumeYear: 1977, baseline: 'lint/baseline.json' },
    '/w/a/.cablewrightrc.json': { assumeYear: null, overrides: [{ files: '1990s/**', assumeYear: 1994 }] },
  });
  const resolver = new ConfigResolver(host);
  assert.deepEqual([resolver.resolve('/w/x.tel').options.assumeYear, resolver.resolve('/w/x.tel').baseline], [1977, '/w/lint/baseline.json']);
  assert.deepEqual([resolver.resolve('/w/a/x.tel').options.assumeYear, resolver.resolve('/w/a/x.tel').baseline], [undefined, '/w/lint/baseline.json']);
  assert.equal(resolver.resolve('/w/a/1990s/x.tel').options.assumeYear, 1994);
  assert.equal('assumeYear' in resolver.resolve('/w/a/x.tel').options, false);
});

test("the editor's settings apply under every configuration file, and alone to a document without a path", () => {
  const host = memoryHost({ '/w/.cablewrightrc.json': { rules: { 'tags-unknown': 'error' } }, '/w/b/.cablewrightrc.json': { preset: 'recommended' } });
  const resolver = new ConfigResolver(host, { preset: 'transcription', rules: { 'tags-unknown': 'info', 'eo-era': 'off' }, assumeYear: 1980 });
  const unsaved = resolver.resolve();
  assert.deepEqual(unsaved.options.rules, { ...PRESETS.transcription, 'tags-unknown': 'info', 'eo-era': 'off' });
  assert.equal(unsaved.options.assumeYear, 1980);
  const inW = resolver.resolve('/w/x.tel').options;
  assert.deepEqual(inW.rules, { ...PRESETS.transcription, 'tags-unknown': 'error', 'eo-era': 'off' });
  assert.equal(inW.assumeYear, 1980);
  assert.deepEqual(resolver.resolve('/w/b/x.tel').options.rules, PRESETS.recommended);
});

test("mistakes in the editor's settings are reported without a position, and the rest applies", () => {
  const resolver = new ConfigResolver(memoryHost({}), { rules: { 'tag-unknown': 'off', 'non-ascii': 'warn', 'eo-era': 'hint' } });
  const resolved = resolver.resolve('/w/x.tel');
  assert.deepEqual(
    resolved.problems.map((p) => [p.file, p.line, p.character, p.message]),
    [
      ['<settings>', 0, 0, "Unknown rule 'tag-unknown': did you mean 'tags-unknown'?"],
      ['<settings>', 0, 0, "'warn' is not a severity (did you mean 'warning'?): use error, warning, info, hint or off."],
    ],
  );
  assert.deepEqual([resolved.options.rules['non-ascii'], resolved.options.rules['eo-era']], ['warning', 'hint']);
});

test('a broken configuration file still gives the defaults, and what could be read of it', () => {
  const host = memoryHost({ '/w/.cablewrightrc.json': '{\n  // the archive\n  "rules": { "non-ascii": "off", }\n  "preset": \n' });
  const resolved = new ConfigResolver(host).resolve('/w/x.tel');
  assert.deepEqual(resolved.options.rules, { ...PRESETS.recommended, 'non-ascii': 'off' });
  assert.ok(resolved.problems.length > 0);
  assert.ok(resolved.problems.every((p) => p.severity === 'error' && p.message.startsWith('JSON syntax error')));
  const garbage = new ConfigResolver(memoryHost({ '/w/.cablewrightrc.json': '\u0000\u0001 not json at all' })).resolve('/w/x.tel');
  assert.deepEqual(garbage.options.rules, PRESETS.recommended);
  assert.ok(garbage.problems.length > 0);
});

test('a host that fails to read counts as a missing file', () => {
  const host = {
    readFile(p: string) {
      if (p === '/w/.cablewrightrc.json') throw new Error('EACCES');
      return undefined;
    },
  };
  const resolved = new ConfigResolver(host).resolve('/w/x.tel');
  assert.deepEqual([resolved.files, resolved.options.rules], [[], PRESETS.recommended]);
});

test('equal configurations give the very same options, rules and reference objects, also after an unrelated change', () => {
  const config = { preset: 'drafting', rules: { 'non-ascii': { options: { allow: ['é'] } } }, tags: 'tags.txt' };
  const host = memoryHost({
    '/w/a/.cablewrightrc.json': config,
    '/w/a/tags.txt': 'XQZY Lost cities\n',
    '/w/b/.cablewrightrc.json': { ...config, tags: '../a/tags.txt' },
    '/w/c/.cablewrightrc.json': { preset: 'drafting' },
  });
  const resolver = new ConfigResolver(host);
  const a = resolver.resolve('/w/a/one.tel');
  assert.equal(resolver.resolve('/w/a/two.tel'), a);
  const b = resolver.resolve('/w/b/x/y.tel');
  assert.equal(b.options, a.options);
  const c = resolver.resolve('/w/c/x.tel');
  assert.equal(c.options.rules, a.options.rules);
  assert.notEqual(c.options.reference, a.options.reference);

  resolver.invalidate('/w/c/.cablewrightrc.json');
  assert.equal(resolver.resolve('/w/a/one.tel').options, a.options);
  // Forgetting everything reads every file again: the unchanged ones give the same objects.
  resolver.invalidate();
  assert.equal(resolver.resolve('/w/c/x.tel').options, c.options);
  assert.equal(resolver.resolve('/w/a/one.tel').options, a.options);

  // The same options let the next analysis reuse the previous one.
  const first = analyze(CABLE, { ...a.options, assumeCable: true });
  const next = analyze(`${CABLE}\n`, { ...resolver.resolve('/w/a/one.tel').options, assumeCable: true }, first);
  assert.notEqual(next.reuse, undefined);
});

test('invalidate makes a changed configuration or table apply; until then what was read is kept', () => {
  const host = memoryHost({ '/w/.cablewrightrc.json': { rules: { 'non-ascii': 'off' }, posts: 'posts.txt' }, '/w/posts.txt': 'AMEMBASSY ATLANTIS\n' });
  const resolver = new ConfigResolver(host);
  const before = resolver.resolve('/w/x.tel');
  host.files.set('/w/.cablewrightrc.json', JSON.stringify({ rules: { 'non-ascii': 'error' }, posts: 'posts.txt' }));
  assert.equal(resolver.resolve('/w/x.tel'), before);
  resolver.invalidate('/w/.cablewrightrc.json');
  const after = resolver.resolve('/w/x.tel');
  assert.equal(after.options.rules['non-ascii'], 'error');
  assert.equal(after.options.reference, before.options.reference);

  host.files.set('/w/posts.txt', 'AMEMBASSY ATLANTIS\nAMEMBASSY LEMURIA\n');
  resolver.invalidate('/w/posts.txt');
  const grown = resolver.resolve('/w/x.tel');
  assert.notEqual(grown.options.reference, before.options.reference);
  assert.equal(grown.options.rules, after.options.rules);
  assert.deepEqual(grown.tables, [{ kind: 'posts', file: '/w/posts.txt', rows: 2 }]);

  // A configuration file created where there was none.
  host.files.set('/w/a/.cablewrightrc.json', '{ "root": true }');
  resolver.invalidate('/w/a/.cablewrightrc.json');
  assert.deepEqual(resolver.resolve('/w/a/x.tel').files, ['/w/a/.cablewrightrc.json']);
});

test('each configuration file is read once, however many files and folders below it are resolved', () => {
  const host = memoryHost({ '/w/.cablewrightrc.json': { posts: 'posts.txt' }, '/w/posts.txt': 'AMEMBASSY ATLANTIS\n' });
  const resolver = new ConfigResolver(host);
  for (const f of ['/w/a/1.tel', '/w/a/2.tel', '/w/b/1.tel', '/w/a/c/1.tel']) resolver.resolve(f);
  const counts = new Map<string, number>();
  for (const r of host.reads) counts.set(r, (counts.get(r) ?? 0) + 1);
  assert.deepEqual([...counts.values()].filter((n) => n > 1), []);
  assert.equal(counts.get('/w/posts.txt'), 1);
});
