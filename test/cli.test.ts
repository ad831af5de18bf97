/**
 * The command line as users run it: the built `dist/cli.js` in a child
 * process, its output, and its exit status.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

const CLI = path.join(CABLEWRIGHT_ROOT, 'dist/cli.js');
const SAMPLE = path.join(CABLEWRIGHT_ROOT, 'samples/released-1994-brussels-03953.txt');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const work = mkdtempSync(path.join(tmpdir(), 'cablewright-cli-'));
function file(name: string, content: string | Buffer): string {
  const p = path.join(work, name);
  writeFileSync(p, content);
  return p;
}

const FLAWED = `CONFIDENTIAL

FM AMEMBASSY BRUSSELS
TO SECSTATE WASHDC IMMEDIATE

E.O. 12356: DECL: OADR
TAGS: PREL,, PGOV, BE
SUBJECT: BELGIAN VIEWS ON UNAMIR

1. (C) THE MINISTER CALLED.

CONFIDENTIAL
`;

describe('cablewright lint', () => {
  test('stylish output lists each problem with its position, and warnings alone exit 0', () => {
    const r = run(['lint', SAMPLE]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /released-1994-brussels-03953\.txt\n {2}29:1 +warning +Paragraph numbering starts at 2: the first numbered paragraph is 1\. +paragraph-numbering\n/);
    assert.match(r.stdout, /41:30 +warning +'Í' \(U\+00CD\) is outside the telegraphic character set: write 'I'\. +non-ascii/);
    assert.match(r.stdout, /✖ 3 problems \(0 errors, 3 warnings\)/);
  });

  test('an error exits 1, and --format json is ESLint-shaped with 1-based positions', () => {
    const p = file('flawed.cable', FLAWED);
    const r = run(['lint', '--format', 'json', p]);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.length, 1);
    assert.equal(report[0].filePath, p);
    assert.equal(report[0].errorCount, 1);
    assert.deepEqual(report[0].messages, [
      { ruleId: 'tags-malformed', severity: 2, message: 'Empty TAGS entry (a doubled, leading or trailing comma): separate codes with a single comma.', line: 7, column: 12, endLine: 7, endColumn: 13 },
    ]);
  });

  test('--quiet reports errors only', () => {
    const r = run(['lint', '--quiet', '--format', 'json', SAMPLE]);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
  });

  test('--format sarif is SARIF 2.1.0 with rules, levels and UTF-16 regions', () => {
    const r = run(['lint', '--format', 'sarif', SAMPLE]);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'cablewright');
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'tags-unknown'));
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'non-ascii');
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 41, startColumn: 30, endLine: 41, endColumn: 31 });
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'non-ascii');
  });

  test('a directory is searched for cable files, and standard input is read with -', () => {
    const dir = path.join(CABLEWRIGHT_ROOT, 'samples');
    const r = run(['lint', '--format', 'json', dir]);
    const files = JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath));
    assert.ok(files.includes('released-1994-brussels-03953.txt') && files.some((f: string) => f.endsWith('.cable')), files.join(','));
    const stdin = run(['lint', '--format', 'json', '-'], FLAWED);
    assert.equal(stdin.status, 1);
    assert.equal(JSON.parse(stdin.stdout)[0].filePath, '<stdin>');
  });

  test('an unreadable path gets a one-line reason, exit 2, and the other files are still linted', () => {
    const r = run(['lint', '--format', 'json', path.join(work, 'no-such-file.txt'), SAMPLE]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no-such-file\.txt: no such file or directory\n/);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });

  test('a binary file is skipped with a message and exit 2', () => {
    const p = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const r = run(['lint', '--format', 'json', p]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /image\.txt: binary file \(not text\), skipped\n/);
    assert.deepEqual(JSON.parse(r.stdout)[0].messages.map((m: { fatal: boolean; ruleId: null }) => [m.fatal, m.ruleId]), [[true, null]]);
  });

  test('an empty file is clean', () => {
    const r = run(['lint', file('empty.cable', '')]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });

  test('bytes that are not UTF-8 are read as Windows-1252, and the accent is found', () => {
    const p = file('latin1.cable', Buffer.concat([Buffer.from(FLAWED.replace('TAGS: PREL,, PGOV', 'TAGS: PREL, PGOV').replace('CALLED.', 'CALLED ')), Buffer.from([0x4d, 0x49, 0x4e, 0x49, 0x4d, 0xcd, 0x5a, 0x45, 0x0a])]));
    const r = run(['lint', '--format', 'json', p]);
    assert.match(r.stderr, /not valid UTF-8; read as Windows-1252/);
    const messages = JSON.parse(r.stdout)[0].messages;
    assert.deepEqual(messages.map((m: { ruleId: string; line: number; column: number }) => [m.ruleId, m.line, m.column]), [['non-ascii', 13, 6]]);
  });

  test('UTF-16 with a byte-order mark is decoded', () => {
    const body = Buffer.from(FLAWED, 'utf16le');
    const r = run(['lint', '--format', 'json', file('utf16.cable', Buffer.concat([Buffer.from([0xff, 0xfe]), body]))]);
    assert.equal(JSON.parse(r.stdout)[0].messages[0].ruleId, 'tags-malformed');
  });

  test('a line of a megabyte and a hundred thousand blank lines are read without trouble', () => {
    const long = `CONFIDENTIAL\nE.O. 12356: DECL: OADR\nTAGS: PREL, BE\nSUBJECT: LONG\n\n1. (C) ${'WORD '.repeat(210000)}\n\nCONFIDENTIAL\n`;
    assert.equal(run(['lint', file('long.cable', long)]).status, 0);
    assert.equal(run(['lint', file('blank.cable', '\n'.repeat(100000))]).status, 0);
  });
});

describe('bad usage', () => {
  for (const [args, reason] of [
    [[], /no command given/],
    [['frobnicate', SAMPLE], /unknown command 'frobnicate'/],
    [['lint'], /no PATH given/],
    [['lint', '--format', 'xml', SAMPLE], /--format xml is not one of stylish, json, sarif for lint/],
    [['extract', '--quiet', SAMPLE], /--quiet applies to lint only/],
    [['lint', '--frob', SAMPLE], /Unknown option '--frob'/],
  ] as [string[], RegExp][]) {
    test(`cablewright ${args.join(' ')} exits 2 with a reason and the usage`, () => {
      const r = run(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, reason);
      assert.match(r.stderr, /Usage: cablewright <command>/);
    });
  }

  test('--help and --version answer and exit 0', () => {
    assert.match(run(['--help']).stdout, /^Usage: cablewright <command>/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('cablewright lint --fix', () => {
  const FIXABLE = FLAWED.replace('E.O. 12356', 'E.0. 12356');

  test('writes the fixed file, keeps CRLF line breaks and every byte it did not fix, and reports what remains', () => {
    const crlf = FIXABLE.replace(/\n/g, '\r\n');
    const p = file('fixme.cable', crlf);
    const r = run(['lint', '--fix', p]);
    assert.equal(readFileSync(p, 'utf8'), crlf.replace('E.0.', 'E.O.').replace('PREL,, PGOV', 'PREL, PGOV'));
    assert.match(r.stderr, /fixed 2 problems in 1 file\n/);
    assert.equal(r.status, 0);
    const again = run(['lint', '--fix', p]);
    assert.match(again.stderr, /fixed 0 problems in 0 files\n/);
  });

  test('keeps a UTF-8 byte-order mark, UTF-16 and Windows-1252 files in their encoding', () => {
    const cases: [string, Buffer, (s: string) => Buffer][] = [
      ['bom.cable', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE)]), (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
      ['utf16.cable', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le')]), (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
      // Windows-1252's right quote (0x92) is fixed to an apostrophe; the undefined byte 0x81 has no certain fix and comes back as it was.
      ['cp1252.cable', Buffer.concat([Buffer.from(FIXABLE), Buffer.from([0x4d, 0x92, 0x53, 0x81, 0x0a])]), (t) => Buffer.concat([Buffer.from(t), Buffer.from([0x4d, 0x27, 0x53, 0x81, 0x0a])])],
    ];
    const fixed = FIXABLE.replace('E.0.', 'E.O.').replace('PREL,, PGOV', 'PREL, PGOV');
    for (const [name, bytes, expected] of cases) {
      const p = file(name, bytes);
      run(['lint', '--fix', p]);
      assert.deepEqual(readFileSync(p), expected(fixed), name);
    }
  });

  test('--fix-dry-run prints a unified diff and writes nothing', () => {
    const p = file('dry.cable', FIXABLE);
    const r = run(['lint', '--fix-dry-run', p]);
    assert.equal(readFileSync(p, 'utf8'), FIXABLE);
    assert.match(r.stdout, /^--- .*dry\.cable\n\+\+\+ .*dry\.cable\n@@ -3,8 \+3,8 @@\n/m);
    assert.match(r.stdout, /^-E\.0\. 12356: DECL: OADR\n-TAGS: PREL,, PGOV, BE\n\+E\.O\. 12356: DECL: OADR\n\+TAGS: PREL, PGOV, BE\n/m);
    assert.match(r.stderr, /would fix 2 problems in 1 file\n/);
  });

  test('a file that cannot be written is reported, exits 2, and is left as it was', { skip: process.getuid?.() === 0 ? 'root can write a read-only file' : false }, () => {
    const p = file('readonly.cable', FIXABLE);
    chmodSync(p, 0o444);
    const r = run(['lint', '--fix', p]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /readonly\.cable: cannot be written/);
    assert.equal(readFileSync(p, 'utf8'), FIXABLE);
  });

  test('--fix refuses standard input, and --fix with --fix-dry-run', () => {
    assert.equal(run(['lint', '--fix', '-'], FIXABLE).status, 2);
    assert.equal(run(['lint', '--fix', '--fix-dry-run', SAMPLE]).status, 2);
    assert.equal(run(['extract', '--fix', SAMPLE]).status, 2);
  });
});

describe('configuration and baselines', () => {
  const project = () => {
    const dir = mkdtempSync(path.join(work, 'project-'));
    writeFileSync(path.join(dir, 'a.txt'), readFileSync(SAMPLE));
    return dir;
  };

  test('the nearest .cablewrightrc.json turns a rule off; a mistake in it is reported with its position and exit 2, and the rest applies', () => {
    const dir = project();
    writeFileSync(path.join(dir, '.cablewrightrc.json'), '{\n  // archive of releases\n  "rules": { "non-ascii": "off", "tags-unknwn": "off" }\n}\n');
    const r = run(['lint', '--format', 'json', path.join(dir, 'a.txt')]);
    assert.deepEqual(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['paragraph-numbering', 'paragraph-numbering']);
    assert.match(r.stderr, /\.cablewrightrc\.json:3:34: error: Unknown rule 'tags-unknwn': did you mean 'tags-unknown'\?\n/);
    assert.equal(r.status, 2);
  });

  test('print-config shows the files that apply and each rule\'s severity', () => {
    const dir = project();
    writeFileSync(path.join(dir, '.cablewrightrc.json'), '{ "preset": "transcription" }');
    const r = run(['print-config', path.join(dir, 'a.txt')]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`Configuration files \\(nearest last\\):\\n  ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.cablewrightrc\\.json\\n`));
    assert.match(r.stdout, /^ {2}non-ascii +off/m);
  });

  test('--write-baseline records the findings; --baseline then reports only new ones, whatever lines moved', () => {
    const dir = project();
    const baseline = path.join(dir, 'cablewright-baseline.json');
    const write = run(['lint', '--write-baseline', baseline, dir]);
    assert.equal(write.status, 0);
    assert.equal(write.stdout, '');
    assert.match(write.stderr, /recorded 3 findings of 1 file in .*cablewright-baseline\.json\n/);
    const recorded = JSON.parse(readFileSync(baseline, 'utf8'));
    assert.deepEqual(recorded.entries.map((e: { file: string; rule: string }) => [e.file, e.rule]), [
      ['a.txt', 'non-ascii'],
      ['a.txt', 'paragraph-numbering'],
      ['a.txt', 'paragraph-numbering'],
    ]);
    assert.equal(run(['lint', '--baseline', baseline, dir]).stdout, '');
    // Lines inserted above, and a new problem: only the new one is reported.
    writeFileSync(path.join(dir, 'a.txt'), `ARCHIVIST'S NOTE\n\n${readFileSync(SAMPLE, 'utf8').replace('TAGS: PGOV, PREL', 'TAGS: PGOV, QQXX, PREL')}`);
    const after = run(['lint', '--format', 'json', '--baseline', baseline, dir]);
    assert.deepEqual(JSON.parse(after.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['tags-unknown']);
    // The configuration's "baseline" key does the same.
    writeFileSync(path.join(dir, '.cablewrightrc.json'), '{ "baseline": "cablewright-baseline.json" }');
    assert.deepEqual(JSON.parse(run(['lint', '--format', 'json', dir]).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['tags-unknown']);
  });

  test('a baseline that cannot be read is reported and exits 2', () => {
    const r = run(['lint', '--baseline', path.join(work, 'no-such-baseline.json'), SAMPLE]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /baseline .*no-such-baseline\.json: cannot be read \(ENOENT\)/);
  });
});

describe('cablewright extract', () => {
  test('json: one record per cable, with the fields historians index', () => {
    const r = run(['extract', SAMPLE]);
    assert.equal(r.status, 0);
    const [rec] = JSON.parse(r.stdout);
    assert.equal(rec.index, 0);
    assert.equal(rec.startLine, 7);
    assert.equal(rec.endLine, 47);
    assert.equal(rec.classification, 'CONFIDENTIAL');
    assert.equal(rec.dtg, '081037Z APR 94');
    assert.equal(rec.date, '1994-04-08T10:37:00Z');
    assert.equal(rec.precedence, 'NIACT IMMEDIATE');
    assert.equal(rec.from, 'AMEMBASSY BRUSSELS');
    assert.deepEqual(rec.to, ['SECSTATE WASHDC']);
    assert.equal(rec.info.length, 13);
    assert.equal(rec.eo, '12356: DECL: OADR');
    assert.deepEqual(rec.tags, ['PGOV', 'PREL', 'PHUM', 'PREF', 'KDEM', 'RW', 'BY', 'BE']);
    assert.equal(rec.subject, 'CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT');
    assert.deepEqual(rec.refs, ['JOHNSON MCCULLEY TELCON OF 4/8']);
    assert.deepEqual(rec.paragraphs.map((p: { number: number | null }) => p.number), [null, 2, 3, 3, 4, 5]);
    assert.equal(rec.signature, 'BLINKEN');
  });

  test('jsonl: one JSON object per line; csv: a header and RFC 4180 rows', () => {
    const two = file('two.cable', `${FLAWED}\n${FLAWED.replace('BRUSSELS', 'PARIS')}`);
    const jsonl = run(['extract', '--format', 'jsonl', two]).stdout.trimEnd().split('\n');
    assert.deepEqual(jsonl.map((l) => JSON.parse(l).from), ['AMEMBASSY BRUSSELS', 'AMEMBASSY PARIS']);
    const csv = run(['extract', '--format', 'csv', two]).stdout.split('\r\n');
    assert.equal(csv[0], 'file,index,startLine,endLine,classification,caveats,dtg,date,precedence,from,to,info,eo,tags,subject,refs,paragraphs,signature');
    assert.match(csv[1], /,0,1,12,CONFIDENTIAL,,,,IMMEDIATE,AMEMBASSY BRUSSELS,SECSTATE WASHDC,,12356: DECL: OADR,PREL; PGOV; BE,BELGIAN VIEWS ON UNAMIR,,"\[{""number"":1,""marking"":""C"",""line"":10}\]",$/);
  });
});

describe('cablewright outline', () => {
  test('text: the subject as the cable, with its header fields and paragraphs', () => {
    const r = run(['outline', SAMPLE]);
    assert.equal(r.status, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT  [CONFIDENTIAL · 8 Apr 1994 · BRUSSELS 03953]  (L7-47)');
    assert.ok(lines.includes('  E.O. 12356: DECL: OADR  (L19)'));
    assert.ok(lines.includes('  5. BUJUMBURA AND KIGALI MINIMÍZE CONSIDERED.  (L41)'));
    assert.ok(lines.includes('  Signature: BLINKEN  (L43)'));
  });

  test('json: nodes with kinds, names and 1-based ranges', () => {
    const [doc] = JSON.parse(run(['outline', '--format', 'json', SAMPLE]).stdout);
    const cable = doc.outline[0];
    assert.equal(cable.kind, 'cable');
    assert.deepEqual(cable.range.start, { line: 7, column: 1 });
    const para = cable.children.find((c: { name: string }) => c.name.startsWith('4.'));
    assert.deepEqual([para.kind, para.range.start.line, para.range.end.line], ['paragraph', 35, 39]);
  });
});

describe('input it copes with', () => {
  const CABLE = `CONFIDENTIAL\n\nE.O. 12356: DECL: OADR\nTAGS: PREL, BE\nSUBJECT: X\n\n1. (C) THE MINISTER CALLED.\n\nCONFIDENTIAL\n`;
  interface Message {
    ruleId: string;
    message: string;
    line: number;
    column: number;
    endColumn: number;
  }
  const lint = (p: string, ...args: string[]) => {
    const r = run(['lint', '--format', 'json', ...args, p]);
    return { ...r, messages: (r.stdout ? (JSON.parse(r.stdout)[0]?.messages ?? []) : []) as Message[] };
  };
  const where = (ms: Message[]) => ms.map((m) => [m.ruleId, m.line, m.column, m.endColumn]);

  test('NUL bytes in a text file, near its start or past its first 8 KB: read as text, each NUL reported, a note on stderr', () => {
    const early = CABLE.replace('THE MINISTER', 'THE MIN\0ISTER');
    const r = lint(file('nul-early.cable', early));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /nul-early\.cable: holds NUL bytes, read as text\n/);
    assert.deepEqual(where(r.messages), [['non-ascii', 7, 15, 16]]);
    assert.match(r.messages[0].message, /^Control character U\+0000 is outside the telegraphic character set/);
    const late = `${CABLE.replace('CALLED.\n', `CALLED.\n${'2. (C) MORE.\n'.repeat(1000)}`)}\0`;
    const l = lint(file('nul-late.cable', late));
    assert.match(l.stderr, /nul-late\.cable: holds NUL bytes, read as text\n/);
    assert.equal(l.messages.filter((m) => m.ruleId === 'non-ascii').length, 1);
  });

  test('--fix leaves NUL bytes where they are (removing one is a choice, not a certain fix)', () => {
    const text = CABLE.replace('E.O.', 'E.0.').replace('THE MINISTER', 'THE MIN\0ISTER');
    const p = file('nul-fix.cable', text);
    run(['lint', '--fix', p]);
    assert.equal(readFileSync(p, 'latin1'), text.replace('E.0.', 'E.O.'));
  });

  test('binary files are skipped: random bytes, NUL bytes among bytes that are not UTF-8, UTF-16 without a byte-order mark', () => {
    // Deterministic noise that is not UTF-8 and holds a NUL byte, as compressed data does.
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    const cases: [string, Buffer][] = [
      ['noise.txt', noise],
      ['latin1-nul.cable', Buffer.concat([Buffer.from('CONFIDENTIAL\nMINIM\xcdZE\n', 'latin1'), Buffer.from([0]), Buffer.from('\n')])],
      ['utf16-no-bom.cable', Buffer.from(CABLE, 'utf16le')],
    ];
    for (const [name, bytes] of cases) {
      const r = run(['lint', file(name, bytes)]);
      assert.equal(r.status, 2, name);
      assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: binary file \\(not text\\), skipped\\n`), name);
    }
    const stdin = run(['lint', '-'], noise);
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /<stdin>: binary file \(not text\), skipped\n/);
  });

  test('UTF-16 big-endian with a byte-order mark is decoded, its positions in UTF-16 units', () => {
    const body = Buffer.from(CABLE.replace('TAGS: PREL, BE', 'TAGS: PREL,, BE'), 'utf16le').swap16();
    const r = lint(file('utf16be.cable', Buffer.concat([Buffer.from([0xfe, 0xff]), body])));
    assert.match(r.stderr, /read as UTF-16BE/);
    assert.deepEqual(where(r.messages), [['tags-malformed', 4, 12, 13]]);
  });

  test('an empty file and a file of line breaks alone: clean for lint, no records for extract, no cable for outline', () => {
    for (const [name, content] of [['empty2.cable', ''], ['breaks.txt', '\r\n\n\r\r\n\n\n'], ['spaces.tel', ' \t\f\n  \n']]) {
      const p = file(name, content);
      const r = run(['lint', p]);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', ''], name);
      assert.equal(run(['extract', p]).stdout, '[]\n', name);
      assert.equal(run(['outline', p]).stdout, '(no cable found)\n', name);
    }
  });

  test('a line of a megabyte: a finding at its end has its true column', () => {
    const long = `CONFIDENTIAL\nE.O. 12356: DECL: OADR\nTAGS: PREL, BE\nSUBJECT: LONG\n\n1. (C) ${'WORD '.repeat(210000)}CAF\u00c9\n\nCONFIDENTIAL\n`;
    const r = lint(file('long-accent.cable', long));
    assert.deepEqual(where(r.messages), [['non-ascii', 6, 8 + 5 * 210000 + 3, 8 + 5 * 210000 + 4]]);
    // One line of a megabyte of noise, no line break at all.
    assert.equal(run(['lint', file('noise-line.txt', 'A'.repeat(1 << 20))]).status, 0);
  });

  test('a hundred thousand blank lines, then a cable: its findings are on its own lines', () => {
    const r = lint(file('blank-then-cable.cable', `${'\n'.repeat(100000)}${CABLE.replace('TAGS: PREL, BE', 'TAGS: PREL,, BE')}`));
    assert.deepEqual(where(r.messages), [['tags-malformed', 100004, 12, 13]]);
  });

  test('columns count UTF-16 units after a BOM, emoji, combining marks, tabs and every kind of line break', () => {
    // Line 4 (after LF, CRLF and a lone CR) holds a tab, an emoji (two units) and a combining accent before the flaw.
    const text = `\ufeffCONFIDENTIAL\n\r\nE.O. 12356: DECL: OADR\rTAGS: \t\u{1F30B}e\u0301 PREL,, BE\r\nSUBJECT: X\n`;
    const r = lint(file('units.cable', text));
    assert.deepEqual(where(r.messages.filter((m) => m.ruleId === 'tags-malformed' && /^Empty/.test(m.message))), [['tags-malformed', 4, 18, 19]]);
    assert.deepEqual(where(r.messages.filter((m) => m.ruleId === 'non-ascii')), [['non-ascii', 4, 8, 10], ['non-ascii', 4, 11, 12]]);
  });
});

describe('batch runs: --jobs, --files-from, progress', () => {
  /** A tree of many files as an archive has them: real cables, drafts, a Windows-1252 file, a binary one, folders with their own configuration. */
  const archive = (() => {
    const dir = mkdtempSync(path.join(work, 'archive-'));
    const sources = ['test/fixtures/real', 'test/fixtures/golden', 'samples'].map((d) => path.join(CABLEWRIGHT_ROOT, d));
    let n = 0;
    for (const [i, source] of sources.entries()) {
      for (const name of readdirSync(source).sort()) {
        if (!/\.(txt|cable|tel)$/.test(name)) continue;
        const sub = path.join(dir, `part-${i}`, `box-${n++ % 3}`);
        mkdirSync(sub, { recursive: true });
        writeFileSync(path.join(sub, name), readFileSync(path.join(source, name)));
      }
    }
    writeFileSync(path.join(dir, 'part-0', '.cablewrightrc.json'), '{ "rules": { "non-ascii": "off", "tags-unknwn": "off" } }');
    writeFileSync(path.join(dir, 'part-1', 'box-0', 'latin1.cable'), Buffer.concat([Buffer.from(FLAWED), Buffer.from([0x4d, 0x49, 0x4e, 0x49, 0x4d, 0xcd, 0x5a, 0x45, 0x0a])]));
    writeFileSync(path.join(dir, 'part-1', 'box-1', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    return dir;
  })();
  const fileCount = (dir: string): number => readdirSync(dir, { recursive: true }).filter((f) => /\.(txt|cable|tel)$/.test(String(f))).length;

  test('the archive has many files', () => {
    assert.ok(fileCount(archive) > 40, String(fileCount(archive)));
  });

  for (const args of [
    ['lint', '--format', 'stylish'],
    ['lint', '--format', 'json'],
    ['lint', '--format', 'sarif'],
    ['lint', '--fix-dry-run'],
    ['extract', '--format', 'json'],
    ['extract', '--format', 'jsonl'],
    ['extract', '--format', 'csv'],
  ]) {
    test(`${args.join(' ')}: --jobs 2 and 3 write byte for byte what --jobs 1 writes`, () => {
      const one = run([...args, '--jobs', '1', archive]);
      assert.equal(one.status, 2, one.stderr);
      assert.match(one.stderr, /image\.txt: binary file \(not text\), skipped\n/);
      assert.match(one.stderr, /latin1\.cable: not valid UTF-8; read as Windows-1252\n/);
      assert.equal(one.stderr.match(/Unknown rule 'tags-unknwn'/g)?.length, 1, 'a configuration mistake is reported once');
      for (const jobs of ['2', '3']) {
        const many = run([...args, '--jobs', jobs, archive]);
        assert.equal(many.stdout, one.stdout);
        assert.equal(many.stderr, one.stderr);
        assert.equal(many.status, one.status);
      }
      if (args.includes('json') || args.includes('sarif')) JSON.parse(one.stdout);
    });
  }

  test('standard input among other files is read by the main thread and checked in its place', () => {
    const one = run(['lint', '--format', 'json', '--jobs', '1', path.join(archive, 'part-2'), '-', path.join(archive, 'part-0', 'box-1')], FLAWED);
    const two = run(['lint', '--format', 'json', '--jobs', '2', path.join(archive, 'part-2'), '-', path.join(archive, 'part-0', 'box-1')], FLAWED);
    assert.equal(two.stdout, one.stdout);
    assert.ok(JSON.parse(two.stdout).some((r: { filePath: string; errorCount: number }) => r.filePath === '<stdin>' && r.errorCount === 1));
  });

  test('a reader that stops early ends the run quietly', () => {
    const r = spawnSync('sh', ['-c', `'${process.execPath}' '${CLI}' extract --format jsonl --jobs 2 '${archive}' | head -c 10`], { encoding: 'utf8' });
    assert.equal(r.stdout.length, 10);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });

  test('--write-baseline and --baseline give the same with --jobs 2 as with --jobs 1', () => {
    const baselines = ['1', '2'].map((jobs) => {
      const file = path.join(work, `baseline-${jobs}.json`);
      const r = run(['lint', '--jobs', jobs, '--write-baseline', file, archive]);
      assert.match(r.stderr, /recorded \d+ findings of \d+ files in /);
      return readFileSync(file, 'utf8');
    });
    assert.equal(baselines[1], baselines[0]);
    const file = path.join(work, 'baseline-1.json');
    const one = run(['lint', '--format', 'json', '--jobs', '1', '--baseline', file, archive]);
    const two = run(['lint', '--format', 'json', '--jobs', '2', '--baseline', file, archive]);
    assert.equal(two.stdout, one.stdout);
    assert.deepEqual(JSON.parse(one.stdout).flatMap((r: { messages: { ruleId: string | null }[] }) => r.messages.filter((m) => m.ruleId !== null)), []);
  });

  test('--files-from reads paths from a file or standard input (blank lines skipped), after the PATHs given', () => {
    const all = readdirSync(archive, { recursive: true })
      .map(String)
      .filter((f) => /\.(txt|cable)$/.test(f) && !f.endsWith('image.txt'))
      .sort()
      .map((f) => path.join(archive, f));
    const listed = all.slice(1, 9);
    const list = file('list.txt', `${listed[0]}\n\n${listed.slice(1, 4).join('\r\n')}\r\n  \n${listed.slice(4).join('\n')}`);
    const expected = run(['lint', '--format', 'json', '--jobs', '1', all[0], ...listed]);
    assert.equal(JSON.parse(expected.stdout).length, 9);
    for (const jobs of ['1', '2']) {
      const fromFile = run(['lint', '--format', 'json', '--jobs', jobs, all[0], '--files-from', list]);
      assert.equal(fromFile.stdout, expected.stdout);
      const fromStdin = run(['lint', '--format', 'json', '--jobs', jobs, '--files-from', '-', all[0]], readFileSync(list));
      assert.equal(fromStdin.stdout, expected.stdout);
    }
    // A folder in the list is searched; the list alone is enough.
    const folders = run(['extract', '--format', 'jsonl', '--files-from', '-'], `${path.join(archive, 'part-2')}\n`);
    assert.equal(folders.stdout, run(['extract', '--format', 'jsonl', path.join(archive, 'part-2')]).stdout);
    const missing = run(['lint', '--files-from', path.join(work, 'no-such-list.txt')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--files-from .*no-such-list\.txt: no such file or directory\n/);
    assert.equal(run(['lint', '--files-from', '-', '-'], '').status, 2);
  });

  test('a worker that crashes on a file (out of memory) costs that file only: a fatal message, exit 2, every other file reported', () => {
    const dir = mkdtempSync(path.join(work, 'crash-'));
    const small = readdirSync(path.join(archive, 'part-0', 'box-0')).slice(0, 6);
    for (const name of small) writeFileSync(path.join(dir, name), readFileSync(path.join(archive, 'part-0', 'box-0', name)));
    // 24 MB of text cannot even be decoded in a 16 MB heap; the main thread, which never reads the files, fits.
    const sample = readFileSync(SAMPLE, 'utf8');
    writeFileSync(path.join(dir, '000-huge.txt'), sample.repeat(Math.ceil(24e6 / sample.length)));
    const r = spawnSync(process.execPath, ['--max-old-space-size=16', CLI, 'lint', '--format', 'json', '--jobs', '2', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /000-huge\.txt: crashed while reading it \(.*memory.*\)\n/);
    const report = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number; messages: unknown[] }[];
    assert.deepEqual(
      report.map((x) => [path.basename(x.filePath), x.fatalErrorCount]),
      ['000-huge.txt', ...small].map((name) => [name, name === '000-huge.txt' ? 1 : 0]),
    );
    assert.deepEqual(report.slice(1), JSON.parse(run(['lint', '--format', 'json', ...small.map((name) => path.join(dir, name))]).stdout));
  });

  test('no progress is written when standard error is not a terminal', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--jobs', '2', archive], { encoding: 'utf8', maxBuffer: 1 << 28, env });
    assert.doesNotMatch(r.stderr, /\r|\u001b|files\/s/);
    assert.doesNotMatch(r.stdout, /\r|\u001b|files\/s/);
  });

  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  test('on a terminal, a progress bar is drawn on standard error and cleared; not with --no-progress, nor in CI', { skip: script.status === 0 ? false : 'needs script(1) for a terminal' }, () => {
    // script(1) runs the command on a pseudo-terminal and copies what it shows; standard output goes to a file.
    const out = path.join(work, 'progress-out.json');
    const shown = (extra: string[], ci: boolean) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
      delete env.CI;
      if (ci) env.CI = 'true';
      const command = [process.execPath, CLI, 'lint', '--format', 'json', '--jobs', '2', ...extra, archive].map((a) => `'${a}'`).join(' ');
      const r = spawnSync('script', ['-qec', `${command} > '${out}'`, '/dev/null'], { encoding: 'utf8', env });
      return { terminal: r.stdout, stdout: readFileSync(out, 'utf8') };
    };
    const bar = shown([], false);
    assert.match(bar.terminal, /[\d,]+\/[\d,]+ files +[\d.]+ files\/s/);
    assert.match(bar.terminal.slice(bar.terminal.lastIndexOf('files/s')), /\r\u001b\[K/, 'the bar is cleared at the end');
    assert.doesNotMatch(bar.stdout, /files\/s|\r/);
    assert.equal(bar.stdout, run(['lint', '--format', 'json', '--jobs', '2', archive]).stdout);
    assert.doesNotMatch(shown(['--no-progress'], false).terminal, /files\/s/);
    assert.doesNotMatch(shown([], true).terminal, /files\/s/);
  });

  test('lint --fix --jobs 2 fixes every file, the same file named twice included', () => {
    const FIXABLE = FLAWED.replace('E.O. 12356', 'E.0. 12356');
    const fixed = FIXABLE.replace('E.0.', 'E.O.').replace('PREL,, PGOV', 'PREL, PGOV');
    const dir = mkdtempSync(path.join(work, 'fix-'));
    const names = Array.from({ length: 12 }, (_, i) => path.join(dir, `draft-${String(i).padStart(2, '0')}.cable`));
    for (const n of names) writeFileSync(n, FIXABLE);
    const r = run(['lint', '--fix', '--jobs', '2', dir, names[3]]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /fixed 24 problems in 12 files\n/);
    for (const n of names) assert.equal(readFileSync(n, 'utf8'), fixed, n);
  });

  test('--jobs takes a whole number of at least 1, for lint and extract', () => {
    assert.match(run(['lint', '--jobs', '0', SAMPLE]).stderr, /--jobs takes a whole number of at least 1/);
    assert.match(run(['lint', '--jobs', 'many', SAMPLE]).stderr, /--jobs takes a whole number of at least 1/);
    assert.match(run(['outline', '--jobs', '2', SAMPLE]).stderr, /--jobs applies to lint and extract only/);
  });
});
