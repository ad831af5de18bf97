/** What the language server benchmarks share: the one big file they open, line lookups in it, and a guard against a stuck server. */

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
