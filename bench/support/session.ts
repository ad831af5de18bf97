/** What the language server benchmarks share: the one big file they open, line lookups in it, the server's session, a guard against a stuck server, and their output. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LspClient } from '../../test/support/lspClient';

/** LSP's line breaks: CRLF, CR or LF. */
export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/**
 * Whole texts, each followed by a blank line, cycled until the file has at
 * least `minLines` lines and, when the texts say how many cables they hold,
 * at least `minCables` cables.
 */
export function buildInput(texts: { text: string; cables?: number }[], minLines: number, minCables = 0): { text: string; lines: string[]; texts: number; cables: number } {
  if (texts.length === 0) throw new Error('no input texts found');
  if (minCables > 0 && !texts.some((t) => (t.cables ?? 0) > 0)) throw new Error('no input text holds a cable');
  const parts: string[] = [];
  let lineCount = 0;
  let cables = 0;
  let n = 0;
  while (lineCount < minLines || cables < minCables) {
    const t = texts[n % texts.length];
    const part = (/[\r\n]$/.test(t.text) ? t.text : `${t.text}\n`) + '\n';
    parts.push(part);
    lineCount += splitLines(part).length - 1;
    cables += t.cables ?? 0;
    n++;
  }
  const text = parts.join('');
  return { text, lines: splitLines(text), texts: n, cables };
}

/** Line numbers matching `re`, nearest to `mid` first. */
export function nearest(lines: string[], mid: number, re: RegExp, exclude: Set<number> = new Set()): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (re.test(l) && !exclude.has(i)) out.push(i);
  });
  return out.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid) || a - b);
}

/** No answer in this long means the server is stuck: the benchmark stops rather than hang. */
const STUCK_MS = 15_000;

/** `p`, or a failure naming `what` when it takes longer than a working server ever would. */
export function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} in ${STUCK_MS / 1000} s`)), STUCK_MS);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs `body` with the bundled server started with `execArgv`: a server that
 * closes the connection before `body` is done ends the benchmark, and a
 * failure prints what the server wrote on standard error. The server is
 * stopped in every case. `CABLEWRIGHT_BENCH_SERVER=path/to/server.js` runs
 * another build's server instead, to compare two builds in turn.
 */
export async function withServer(execArgv: string[], body: (client: LspClient) => Promise<void>): Promise<void> {
  const client = new LspClient(process.env.CABLEWRIGHT_BENCH_SERVER || undefined, execArgv);
  let stopping = false;
  client.connection.onClose(() => {
    if (stopping) return;
    process.stderr.write(`The server closed the connection.\n${client.stderr}\n`);
    process.exit(1);
  });
  try {
    await body(client);
  } catch (e) {
    if (client.stderr) process.stderr.write(`server stderr:\n${client.stderr}\n`);
    throw e;
  } finally {
    stopping = true;
    await client.stop();
  }
}

/** A plain-text table: the first row is the header, columns in `numeric` are right-aligned. */
export function table(rows: string[][], numeric: Set<number>): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return `${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.slice(1).map(line).join('\n')}\n`;
}

/** Writes a benchmark's figures to `file` as JSON (making its folder), and says so. */
export function writeResult(file: string, result: unknown): void {
  const out = path.resolve(file);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`Wrote ${out}\n`);
}

/** Runs a benchmark; a failure is printed and exits with status 1. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
