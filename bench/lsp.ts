/**
 * Latency of the language server over stdio, as an editor sees it: the
 * bundled server (`dist/server.js --stdio`) in a child process, one file of
 * at least 10,000 lines made of many cables, and the time from the client
 * sending a message to the client holding the answer.
 *
 *   npm run bench:lsp                   # build, then run with the defaults
 *   npm run bench:lsp -- --out bench/results/lsp.json --samples 100
 *
 * Options: --lines N (the file's minimum line count, default 10000),
 * --samples N (timed samples of each measure, default 100), --warmup N
 * (untimed rounds first, default 10), --out FILE (also write the figures as
 * JSON).
 *
 * The server is started with `initializationOptions: { debounceMs: 0 }` and a
 * client that does not announce pull diagnostics, so every change is analysed
 * and its diagnostics pushed at once (no debounce in the figures).
 *
 * Measures (each a median and a nearest-rank 95th percentile):
 *   (a) keystroke: an incremental didChange inserting (then, next time,
 *       deleting) one character in the middle of the file, to the
 *       publishDiagnostics of that version;
 *   (b) completion on a TAGS line and on an address line (`FM AMEMBASSY BRU`);
 *   (c) hover on a TAGS code and on a DTG;
 *   (d) documentSymbol for the whole file.
 * (b)-(d) are measured twice: "after edit" sends a keystroke didChange and
 * then the request at once, and times from the didChange to the answer (the
 * server must analyse the new version first: that is what a user waits for
 * when a completion list pops up as they type); "cached" sends only the
 * request, on an unchanged document whose analysis the server holds.
 *
 * The issue's target is that every request answers in under 20 ms at the
 * 95th percentile on that file. The benchmark says whether each meets it; it
 * never fails on timing.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { corpus } from './support/corpus';
import { buildInput, nearest, runBenchmark, table, within, withServer, writeResult } from './support/session';
import { machine, median, numberOption, percentile } from './support/stats';

const TARGET_P95_MS = 20;
const URI = 'file:///cablewright-bench/lsp-bench.txt';

interface Options {
  lines: number;
  samples: number;
  warmup: number;
  out: string | undefined;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '10000' },
      samples: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '10' },
      out: { type: 'string' },
    },
  });
  const num = (name: string, s: string | undefined, min: number) => Math.round(numberOption(name, s, min));
  return { lines: num('lines', values.lines, 1), samples: num('samples', values.samples, 1), warmup: num('warmup', values.warmup, 0), out: values.out };
}

// ---- Statistics -----------------------------------------------------------------------

interface Stats {
  samples: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  targetMet: boolean;
  timesMs: number[];
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return {
    samples: sorted.length,
    medianMs: median(sorted),
    p95Ms: p95,
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    meanMs: sorted.reduce((s, t) => s + t, 0) / sorted.length,
    targetMet: p95 < TARGET_P95_MS,
    timesMs: times.map((t) => Math.round(t * 100) / 100),
  };
}

// ---- The session ----------------------------------------------------------------------

interface Position {
  line: number;
  character: number;
}

interface Query {
  id: string;
  label: string;
  method: string;
  params: unknown;
  /** Says what came back (items, characters of markdown, symbols), and throws when it is not what the query is for. */
  check: (result: unknown) => string;
}

type Hover = { contents: { value: string } } | null;
type Symbol = { name: string; children?: Symbol[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const countSymbols = (s: Symbol[]): number => s.reduce((n, x) => n + 1 + countSymbols(x.children ?? []), 0);

async function main() {
  const opt = options();
  const root = CABLEWRIGHT_ROOT;
  const texts = corpus(root);
  const input = buildInput(texts, opt.lines);
  const { lines } = input;
  const mid = Math.floor(lines.length / 2);

  const started = performance.now();
  const loadBefore = os.loadavg();
  await withServer([], async (client) => {
    const init = await client.initialize({ debounceMs: 0 }, {});
    if ((init.capabilities.textDocumentSync as { change?: number } | undefined)?.change !== 2) throw new Error('the server does not announce incremental sync');

    let version = 1;
    const opened = client.nextDiagnostics(URI, version);
    const tOpen = performance.now();
    await client.open(URI, input.text, version);
    const openDiagnostics = (await within(opened, 'didOpen')).diagnostics.length;
    const openMs = performance.now() - tOpen;

    // The keystroke: in the middle of the first line of a numbered paragraph near the middle of the file.
    const keyLine = nearest(lines, mid, /^\s*\d{1,2}\.\s+(?:\([A-Z/]{1,5}\)\s+)?[A-Z].{30,}$/)[0];
    if (keyLine === undefined) throw new Error('no numbered paragraph to type in');
    const keyChar = Math.floor(lines[keyLine].length / 2);
    let inserted = false;
    /** The next keystroke: insert a character, or delete the one inserted last, so the file does not drift. */
    const keystroke = () => {
      const at = { line: keyLine, character: keyChar };
      const change = inserted ? { range: { start: at, end: { line: keyLine, character: keyChar + 1 } }, text: '' } : { range: { start: at, end: at }, text: 'x' };
      inserted = !inserted;
      version++;
      return { version, change };
    };
    const exclude = new Set([keyLine]);

    // An address line: the FM line nearest the middle, rewritten by an edit to `FM AMEMBASSY BRU`.
    const fmLine = nearest(lines, mid, /^\s*FM\s+\S/, exclude)[0];
    if (fmLine === undefined) throw new Error('no FM line');
    exclude.add(fmLine);
    {
      version++;
      const waiting = client.nextDiagnostics(URI, version);
      await client.change(URI, version, [{ range: { start: { line: fmLine, character: 0 }, end: { line: fmLine, character: lines[fmLine].length } }, text: 'FM AMEMBASSY BRU' }]);
      await within(waiting, 'the FM line edit');
      lines[fmLine] = 'FM AMEMBASSY BRU';
    }
    const fmPos: Position = { line: fmLine, character: 'FM AMEMBASSY BRU'.length };

    const request = <T>(method: string, position?: Position) => within(client.request<T>(method, position ? { textDocument: { uri: URI }, position } : { textDocument: { uri: URI } }), method);

    // A TAGS line near the middle whose first code the server explains on hover.
    let tagsPos: Position | undefined;
    let tagHoverPos: Position | undefined;
    for (const i of nearest(lines, mid, /^\s*TAGS\s*:?\s+[A-Z]{2,}/, exclude).slice(0, 30)) {
      const m = /^(\s*TAGS\s*:?\s+)([A-Z]+)/.exec(lines[i])!;
      const hoverAt = { line: i, character: m[1].length + Math.floor(m[2].length / 2) };
      const h = await request<Hover>('textDocument/hover', hoverAt);
      if (h && /TAG|era/i.test(h.contents.value)) {
        // Completion as if the user had typed the first letter of the code.
        tagsPos = { line: i, character: m[1].length + 1 };
        tagHoverPos = hoverAt;
        break;
      }
    }
    if (!tagsPos || !tagHoverPos) throw new Error('no TAGS line whose code has a hover');
    exclude.add(tagsPos.line);

    // A DTG near the middle that the server decodes on hover.
    let dtgPos: Position | undefined;
    for (const i of nearest(lines, mid, /\b\d{6}Z\s+[A-Z]{3}\s+\d{2}/, exclude).slice(0, 30)) {
      const c = /\b\d{6}Z\s+[A-Z]{3}\s+\d{2}/.exec(lines[i])!.index + 3;
      const h = await request<Hover>('textDocument/hover', { line: i, character: c });
      if (h && /UTC/.test(h.contents.value)) {
        dtgPos = { line: i, character: c };
        break;
      }
    }
    if (!dtgPos) throw new Error('no DTG that the server decodes on hover');

    const queries: Query[] = [
      {
        id: 'completionTags',
        label: '(b) completion, TAGS line',
        method: 'textDocument/completion',
        params: tagsPos,
        check: (r) => {
          const items = r as { label: string }[];
          if (!items.length) throw new Error('no completion on the TAGS line');
          return plural(items.length, 'item');
        },
      },
      {
        id: 'completionAddress',
        label: '(b) completion, FM AMEMBASSY BRU',
        method: 'textDocument/completion',
        params: fmPos,
        check: (r) => {
          const items = r as { label: string }[];
          if (!items.some((i) => i.label === 'AMEMBASSY BRUSSELS')) throw new Error('completion after FM AMEMBASSY BRU does not offer AMEMBASSY BRUSSELS');
          return plural(items.length, 'item');
        },
      },
      {
        id: 'hoverTag',
        label: '(c) hover, TAGS code',
        method: 'textDocument/hover',
        params: tagHoverPos,
        check: (r) => {
          const h = r as Hover;
          if (!h) throw new Error('no hover on the TAGS code');
          return `${h.contents.value.length} chars`;
        },
      },
      {
        id: 'hoverDtg',
        label: '(c) hover, DTG',
        method: 'textDocument/hover',
        params: dtgPos,
        check: (r) => {
          const h = r as Hover;
          if (!h || !/UTC/.test(h.contents.value)) throw new Error('no hover on the DTG');
          return `${h.contents.value.length} chars`;
        },
      },
      {
        id: 'documentSymbol',
        label: '(d) documentSymbol, whole file',
        method: 'textDocument/documentSymbol',
        params: undefined,
        check: (r) => {
          const s = r as Symbol[];
          if (!s.length) throw new Error('no document symbols');
          return `${s.length} cables, ${countSymbols(s)} symbols`;
        },
      },
    ];
    const send = (q: Query) => request<unknown>(q.method, q.params as Position | undefined);

    // What each query answers, and the size of the answer on the wire.
    const answers: Record<string, { answer: string; jsonBytes: number }> = {};
    for (const q of queries) {
      const r = await send(q);
      answers[q.id] = { answer: q.check(r), jsonBytes: Buffer.byteLength(JSON.stringify(r)) };
    }
    const cables = (await request<Symbol[]>('textDocument/documentSymbol')).length;

    // ---- The measures ----
    type MeasureId = string;
    const times = new Map<MeasureId, number[]>();
    const record = (id: MeasureId, ms: number, timed: boolean) => {
      if (!timed) return;
      const list = times.get(id) ?? [];
      list.push(ms);
      times.set(id, list);
    };

    /** (a): a keystroke to the diagnostics of its version. */
    const typeOne = async (timed: boolean) => {
      const { version: v, change } = keystroke();
      const waiting = client.nextDiagnostics(URI, v);
      const t0 = performance.now();
      await client.change(URI, v, [change]);
      await within(waiting, `the diagnostics of version ${v}`);
      record('keystroke', performance.now() - t0, timed);
    };
    /** A keystroke and at once the request: from the didChange to the answer. */
    const afterEdit = async (q: Query, timed: boolean) => {
      const { version: v, change } = keystroke();
      const waiting = client.nextDiagnostics(URI, v);
      const t0 = performance.now();
      await client.change(URI, v, [change]);
      await send(q);
      record(`${q.id}:edit`, performance.now() - t0, timed);
      await within(waiting, `the diagnostics of version ${v}`);
    };
    /** The request alone, on an unchanged (already analysed) version. */
    const cached = async (q: Query, timed: boolean) => {
      const t0 = performance.now();
      await send(q);
      record(`${q.id}:cached`, performance.now() - t0, timed);
    };

    // Rounds interleave the measures, so a slow spell of the machine falls on all of them.
    const round = async (timed: boolean) => {
      await typeOne(timed);
      for (const q of queries) {
        await afterEdit(q, timed);
        await cached(q, timed);
      }
    };
    for (let i = 0; i < opt.warmup; i++) await round(false);
    for (let i = 0; i < opt.samples; i++) await round(true);
    if (inserted) await typeOne(false);

    // The file is as it was (but for the FM line): check the answers did not change under the edits.
    for (const q of queries) {
      const now = q.check(await send(q));
      if (now !== answers[q.id].answer) throw new Error(`${q.label}: answered ${now} at the end, ${answers[q.id].answer} at the start`);
    }
    const totalSec = (performance.now() - started) / 1000;

    // ---- Report ----
    const rowsSpec: { id: MeasureId; label: string; state: string; answer: string }[] = [
      { id: 'keystroke', label: '(a) didChange -> publishDiagnostics', state: 'edit', answer: `${openDiagnostics} diagnostics` },
      ...queries.flatMap((q) => [
        { id: `${q.id}:edit`, label: q.label, state: 'after edit', answer: answers[q.id].answer },
        { id: `${q.id}:cached`, label: q.label, state: 'cached', answer: `${(answers[q.id].jsonBytes / 1024).toFixed(1)} KiB JSON` },
      ]),
    ];
    const results: Record<MeasureId, Stats & { label: string; state: string }> = {};
    for (const r of rowsSpec) results[r.id] = { label: r.label, state: r.state, ...stats(times.get(r.id) ?? []) };

    const rows = [
      ['measure', 'document', 'median ms', 'p95 ms', 'max ms', 'answer', `target (p95 < ${TARGET_P95_MS} ms)`],
      ...rowsSpec.map((r) => {
        const s = results[r.id];
        return [r.label, r.state, s.medianMs.toFixed(1), s.p95Ms.toFixed(1), s.maxMs.toFixed(1), r.answer, s.targetMet ? 'met' : 'NOT met'];
      }),
    ];

    const shape = { lines: lines.length, chars: input.text.length, bytes: Buffer.byteLength(input.text), cables, files: texts.length, textsConcatenated: input.texts };
    process.stdout.write(
      `Input: ${shape.lines.toLocaleString('en-US')} lines, ${(shape.bytes / 1e6).toFixed(2)} MB, ${cables} cables (${input.texts} texts from ${texts.length} files, cycled); ` +
        `opened in ${openMs.toFixed(0)} ms with ${openDiagnostics} diagnostics\n` +
        `Positions (0-based): keystroke ${keyLine}:${keyChar}, TAGS completion ${tagsPos.line}:${tagsPos.character}, FM completion ${fmPos.line}:${fmPos.character}, ` +
        `TAGS hover ${tagHoverPos.line}:${tagHoverPos.character}, DTG hover ${dtgPos.line}:${dtgPos.character}\n` +
        `Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at the start; ${opt.warmup} warm-up + ${opt.samples} timed rounds, measures interleaved; ${totalSec.toFixed(1)} s\n\n`,
    );
    process.stdout.write(`${table(rows, new Set([2, 3, 4]))}\n`);
    process.stdout.write(
      'Times are the client\'s, over stdio, with debounceMs 0 and pushed diagnostics. "after edit": a one-character didChange\n' +
        '(alternately insert and delete) sent right before the request, timed from the didChange to the answer, so it includes\n' +
        'analysing the new version (and pushing its diagnostics); "cached": the request alone on an unchanged, analysed version.\n' +
        '"answer" is what came back (for "cached", the size of the answer as JSON). p95 is nearest-rank.\n',
    );
    const missed = rowsSpec.filter((r) => !results[r.id].targetMet);
    process.stdout.write(
      `Target (every request under ${TARGET_P95_MS} ms at the 95th percentile): ${missed.length === 0 ? 'met' : `NOT met by ${missed.map((r) => `${r.label} [${r.state}]`).join('; ')}`}.\n`,
    );

    if (opt.out) {
      writeResult(opt.out, {
        ...machine(),
        loadAverage: loadBefore,
        input: { ...shape, openMs, openDiagnostics },
        positions: { keystroke: { line: keyLine, character: keyChar }, completionTags: tagsPos, completionAddress: fmPos, hoverTag: tagHoverPos, hoverDtg: dtgPos },
        answers,
        warmup: opt.warmup,
        samples: opt.samples,
        targetP95Ms: TARGET_P95_MS,
        targetMet: missed.length === 0,
        results,
      });
    }
  });
}

runBenchmark(main);
