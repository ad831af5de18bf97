/**
 * Edit latency and memory of the language server on a very large file, as
 * an editor sees them: the bundled server (`dist/server.js --stdio`) in a
 * child process, one file of at least 100,000 lines and more than 1,000
 * cables, and the time from the client sending a `didChange` to the client
 * holding the `publishDiagnostics` of that version.
 *
 *   npm run bench:edits                      # build, then run with the defaults
 *   npm run bench:edits -- --samples 100 --out bench/results/edits.json
 *
 * Options: --lines N (the file's minimum line count, default 100000),
 * --cables N (its minimum cable count, default 1001), --samples N (timed
 * rounds, default 50), --warmup N (untimed rounds first, default 5),
 * --out FILE (also write the figures as JSON), --profile DIR (the server
 * writes a CPU profile there, to open in Chrome's DevTools).
 *
 * The server runs with `initializationOptions: { debounceMs: 0 }` (every
 * change analysed and pushed at once) and with `--expose-gc`, so that its
 * `cablewright/debug/memory` request reads the heap after a full collection.
 *
 * Each round makes, in the middle of the file and each timed on its own:
 *   keystroke   a character typed into a numbered paragraph, then deleted;
 *   paste       a whole cable pasted between two cables, then cut again;
 *   page break  a page break deleted (the banner closing a page, the blank
 *               lines and the next page's `PAGE nn` header), then restored.
 * Every measure is reported as median and nearest-rank 95th percentile.
 *
 * Memory: the server's resident set when idle (initialised, no document),
 * then holding the file (analysed, outline asked for, after a collection),
 * after the edits (after a collection), and its peak over the run (VmHWM,
 * read before that last collection, which is the benchmark's and not the
 * server's), each above the idle baseline and as a multiple of the file's
 * size in bytes. The resident set after a collection is read once it has
 * settled (the pages a collection frees are returned from a background
 * thread); the table also shows it read at once.
 *
 * Targets (issue 5): a keystroke under 16 ms at the 95th percentile; the
 * server's memory above its idle baseline under 10 times the file's size.
 * The benchmark says whether each is met; it never fails on timing.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../server/src/service';
import { corpus } from './support/corpus';
import { buildInput, nearest, runBenchmark, table, within, withServer, writeResult } from './support/session';
import { machine, median, numberOption, percentile } from './support/stats';

const KEYSTROKE_TARGET_P95_MS = 16;
const MEMORY_TARGET_TIMES_FILE = 10;
const URI = 'file:///cablewright-bench/edits-bench.txt';

interface Options {
  lines: number;
  cables: number;
  samples: number;
  warmup: number;
  out: string | undefined;
  profile: string | undefined;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '100000' },
      cables: { type: 'string', default: '1001' },
      samples: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '5' },
      out: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const num = (name: string, s: string | undefined, min: number) => Math.round(numberOption(name, s, min));
  return { lines: num('lines', values.lines, 1), cables: num('cables', values.cables, 0), samples: num('samples', values.samples, 1), warmup: num('warmup', values.warmup, 0), out: values.out, profile: values.profile };
}

interface Position {
  line: number;
  character: number;
}
interface Change {
  range: { start: Position; end: Position };
  text: string;
}
interface Memory {
  /** The resident set once it has settled after the collection. */
  rss: number;
  /** The resident set read just after the collection. */
  rssAtCollection?: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  collected: boolean;
}

/** The position just after `text` inserted at `at`. */
function endOf(at: Position, text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.length === 1 ? { line: at.line, character: at.character + text.length } : { line: at.line + lines.length - 1, character: lines[lines.length - 1].length };
}

/** The text between two positions of `lines` (joined by LF, as the file is built). */
function between(lines: string[], a: Position, b: Position): string {
  if (a.line === b.line) return lines[a.line].slice(a.character, b.character);
  return [lines[a.line].slice(a.character), ...lines.slice(a.line + 1, b.line), lines[b.line].slice(0, b.character)].join('\n');
}

/** The peak resident set of a process (Linux), in bytes; undefined elsewhere. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const PAGE_HEADER = /^\s*PAGE\s+0?[2-9]\s+[A-Z]{3,}\s+\d{3,6}\s+\d{6}Z\s*/;
const BANNER = /^\s*(?:UNCLASSIFIED|LIMITED OFFICIAL USE|CONFIDENTIAL|SECRET)\s*$/;

async function main() {
  const opt = options();
  const texts = corpus(CABLEWRIGHT_ROOT).map((t) => ({ ...t, cables: analyze(t.text, { assumeCable: false }).doc.cables.length }));
  const input = buildInput(texts, opt.lines, opt.cables);
  const { lines } = input;
  const mid = Math.floor(lines.length / 2);
  const bytes = Buffer.byteLength(input.text);

  // The edits' places, all near the middle and apart from each other.
  const keyLine = nearest(lines, mid, /^\s*\d{1,2}\.\s+(?:\([A-Z/]{1,5}\)\s+)?[A-Z].{30,}$/)[0];
  if (keyLine === undefined) throw new Error('no numbered paragraph to type in');
  const keyAt = { line: keyLine, character: Math.floor(lines[keyLine].length / 2) };
  // A page break: the banner line closing a page, the blank lines after it, and the next page's header (up to its text).
  const pageLine = nearest(lines, mid, PAGE_HEADER).find((i) => {
    let b = i - 1;
    while (b >= 0 && lines[b].trim() === '') b--;
    return b >= 0 && BANNER.test(lines[b]) && Math.abs(i - keyLine) > 20;
  });
  if (pageLine === undefined) throw new Error('no page break (a banner, then a PAGE nn header) to delete');
  let bannerLine = pageLine - 1;
  while (lines[bannerLine].trim() === '') bannerLine--;
  const pageBreak = { start: { line: bannerLine, character: 0 }, end: { line: pageLine, character: PAGE_HEADER.exec(lines[pageLine])![0].length } };
  const pageBreakText = between(lines, pageBreak.start, pageBreak.end);
  // A paste: the released 1994 Brussels cable, at the start of a blank line after a cable, away from the other edits.
  const sample = readFileSync(path.join(CABLEWRIGHT_ROOT, 'samples/released-1994-brussels-03953.txt'), 'utf8').replace(/\r\n?/g, '\n');
  const pasted = `${sample.trimEnd()}\n\n`;
  const pasteLine = nearest(lines, mid, /^\s*$/).find((i) => /^\s*NNNN\s*$/.test(lines[i - 1] ?? '') && Math.abs(i - keyLine) > 20 && Math.abs(i - pageLine) > 20);
  if (pasteLine === undefined) throw new Error('no blank line after an NNNN to paste a cable at');
  const pasteAt = { line: pasteLine, character: 0 };

  const started = performance.now();
  const loadBefore = os.loadavg();
  await withServer(['--expose-gc', ...(opt.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opt.profile)}`] : [])], async (client) => {
    await client.initialize({ debounceMs: 0 }, {});
    const memory = () => within(client.request<Memory>('cablewright/debug/memory', {}), 'cablewright/debug/memory');
    const idle = await memory();
    if (!idle.collected) throw new Error('the server runs without --expose-gc: its memory figures would include garbage');

    let version = 1;
    const opened = client.nextDiagnostics(URI, version);
    const tOpen = performance.now();
    await client.open(URI, input.text, version);
    const openDiagnostics = (await within(opened, 'didOpen')).diagnostics.length;
    const openMs = performance.now() - tOpen;
    // What an editor asks for at once: the outline (kept up to date from then on) and the cable at the cursor.
    const symbols = await within(client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } }), 'documentSymbol');
    await within(client.request('cablewright/cableAt', { textDocument: { uri: URI }, position: keyAt }), 'cableAt');
    const held = await memory();

    const times = new Map<string, number[]>();
    /** Sends one change and waits for the diagnostics of its version; timed rounds record the time. */
    const edit = async (id: string, change: Change, timed: boolean) => {
      version++;
      const waiting = client.nextDiagnostics(URI, version);
      const t0 = performance.now();
      await client.change(URI, version, [change]);
      await within(waiting, `the diagnostics of version ${version} (${id})`);
      if (timed) times.set(id, [...(times.get(id) ?? []), performance.now() - t0]);
    };
    const at = (p: Position) => ({ start: p, end: p });
    // Each round leaves the file as it found it, so every round edits the same text.
    const round = async (timed: boolean) => {
      await edit('keystroke', { range: at(keyAt), text: 'x' }, timed);
      await edit('keystroke', { range: { start: keyAt, end: { line: keyAt.line, character: keyAt.character + 1 } }, text: '' }, timed);
      await edit('paste', { range: at(pasteAt), text: pasted }, timed);
      await edit('cut', { range: { start: pasteAt, end: endOf(pasteAt, pasted) }, text: '' }, timed);
      await edit('pageBreakDelete', { range: pageBreak, text: '' }, timed);
      await edit('pageBreakRestore', { range: at(pageBreak.start), text: pageBreakText }, timed);
    };
    for (let i = 0; i < opt.warmup; i++) await round(false);
    for (let i = 0; i < opt.samples; i++) await round(true);
    // The peak of the editing itself, read before the collection forced to measure what is held after it.
    const peak = peakRss(client.pid);
    const after = await memory();
    // The file is as it was: the diagnostics of the last version are those of the first.
    const last = client.published.get(URI)?.diagnostics.length;
    if (last !== openDiagnostics) throw new Error(`${last} diagnostics after the edits, ${openDiagnostics} at the start`);
    const totalSec = (performance.now() - started) / 1000;

    // ---- Report ----
    const measures: { id: string; label: string; target?: number }[] = [
      { id: 'keystroke', label: 'keystroke (type, delete a character)', target: KEYSTROKE_TARGET_P95_MS },
      { id: 'paste', label: `paste a whole cable (${pasted.split('\n').length - 1} lines)` },
      { id: 'cut', label: 'cut it again' },
      { id: 'pageBreakDelete', label: `delete a page break (${pageLine - bannerLine + 1} lines)` },
      { id: 'pageBreakRestore', label: 'restore it' },
    ];
    const results: Record<string, { label: string; samples: number; medianMs: number; p95Ms: number; maxMs: number; targetP95Ms?: number; targetMet?: boolean }> = {};
    for (const m of measures) {
      const sorted = [...(times.get(m.id) ?? [])].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      results[m.id] = { label: m.label, samples: sorted.length, medianMs: median(sorted), p95Ms: p95, maxMs: sorted[sorted.length - 1], ...(m.target ? { targetP95Ms: m.target, targetMet: p95 < m.target } : {}) };
    }
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const memoryRows: { label: string; above: number; at?: Memory }[] = [
      { label: 'held (file analysed, outline made, after GC)', above: held.rss - idle.rss, at: held },
      { label: 'after the edits (after GC)', above: after.rss - idle.rss, at: after },
      ...(peak !== undefined ? [{ label: 'peak over the run (VmHWM)', above: peak - idle.rss }] : []),
    ];
    const worst = Math.max(...memoryRows.map((r) => r.above));
    const memoryMet = worst < MEMORY_TARGET_TIMES_FILE * bytes;

    process.stdout.write(
      `Input: ${lines.length.toLocaleString('en-US')} lines, ${mb(bytes)} MB, ${input.cables.toLocaleString('en-US')} cables (${symbols.length.toLocaleString('en-US')} in the outline; ${input.texts} texts from ${texts.length} files, cycled); ` +
        `opened in ${openMs.toFixed(0)} ms with ${openDiagnostics} diagnostics\n` +
        `Edits (0-based lines): keystroke ${keyAt.line}:${keyAt.character}, paste at ${pasteAt.line}, page break ${bannerLine}-${pageLine}\n` +
        `Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} at the start; ` +
        `${opt.warmup} warm-up + ${opt.samples} timed rounds, edits interleaved; ${totalSec.toFixed(1)} s\n\n`,
    );
    process.stdout.write(
      table(
        [
          ['didChange -> publishDiagnostics', 'samples', 'median ms', 'p95 ms', 'max ms', 'target'],
          ...measures.map((m) => {
            const r = results[m.id];
            return [m.label, String(r.samples), r.medianMs.toFixed(1), r.p95Ms.toFixed(1), r.maxMs.toFixed(1), m.target ? `${r.targetMet ? 'met' : 'NOT met'} (p95 < ${m.target} ms)` : ''];
          }),
        ],
        new Set([1, 2, 3, 4]),
      ) + '\n',
    );
    process.stdout.write(
      table(
        [
          [`server memory above idle (idle RSS ${mb(idle.rss)} MB)`, 'RSS MB', 'x file', 'at the GC MB', 'heap used MB', 'x file', 'heap total MB', 'external MB'],
          ...memoryRows.map((r) => {
            const m = r.at;
            return [r.label, mb(r.above), (r.above / bytes).toFixed(2), m?.rssAtCollection !== undefined ? mb(m.rssAtCollection - idle.rss) : '', m ? mb(m.heapUsed - idle.heapUsed) : '', m ? ((m.heapUsed - idle.heapUsed) / bytes).toFixed(2) : '', m ? mb(m.heapTotal - idle.heapTotal) : '', m ? mb(m.external - idle.external) : ''];
          }),
        ],
        new Set([1, 2, 3, 4, 5, 6, 7]),
      ),
    );
    process.stdout.write(`Target (memory above idle under ${MEMORY_TARGET_TIMES_FILE} x the file's ${mb(bytes)} MB): ${memoryMet ? 'met' : 'NOT met'}.\n`);

    if (opt.out) {
      writeResult(opt.out, {
        ...machine(),
        loadAverage: loadBefore,
        input: { lines: lines.length, bytes, cables: input.cables, outlineCables: symbols.length, texts: input.texts, openMs, openDiagnostics },
        edits: { keystroke: keyAt, pasteLine, pageBreak: { fromLine: bannerLine, toLine: pageLine } },
        warmup: opt.warmup,
        samples: opt.samples,
        results,
        memory: { idleRss: idle.rss, idleHeap: idle.heapUsed, held, after, peakRss: peak, targetTimesFile: MEMORY_TARGET_TIMES_FILE, targetMet: memoryMet },
      });
    }
  });
}

runBenchmark(main);
