/**
 * The progress bar of long runs, on standard error: files done of the total
 * (once the search for files has finished), files per second and the time
 * left. Drawn at most ten times a second, on one line that is cleared before
 * anything else is written and at the end.
 */

/** What the bar is drawn on (the terminal behind standard error). */
export interface ProgressStream {
  write(s: string): unknown;
  columns?: number;
}

const EVERY_MS = 100;

export class Progress {
  private shown = false;
  private lastDraw = -Infinity;
  private readonly start: number;
  private done = 0;
  private total: number | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }

  /** `done` files so far, of `total` when it is known. */
  update(done: number, total?: number): void {
    this.done = done;
    if (total !== undefined) this.total = total;
    const t = this.now();
    if (t - this.lastDraw < EVERY_MS) return;
    this.lastDraw = t;
    this.draw(t);
  }

  /** Takes the bar off the screen so that a line can be written; the next update draws it again. */
  hide(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }

  /** Clears the bar for good. */
  end(): void {
    this.hide();
  }

  private draw(t: number): void {
    this.stream.write(`\r${render(this.done, this.total, (t - this.start) / 1000, (this.stream.columns || 80) - 1)}\u001b[K`);
    this.shown = true;
  }
}

/** The bar's line: done/total, a bar when the total is known, the rate and the time left; at most `width` characters. */
export function render(done: number, total: number | undefined, seconds: number, width: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const rate = seconds > 0 ? done / seconds : 0;
  const parts = [total === undefined ? `${n(done)} files` : `${n(done)}/${n(total)} files`, `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s`];
  if (total !== undefined && rate > 0) parts.push(`ETA ${clock((total - done) / rate)}`);
  const text = parts.join('  ');
  const room = width - text.length - 3;
  if (total === undefined || room < 10) return text.slice(0, Math.max(0, width));
  const size = Math.min(30, room);
  const full = total === 0 ? size : Math.round((size * Math.min(done, total)) / total);
  return `${'\u2588'.repeat(full)}${'\u2591'.repeat(size - full)}  ${text}`;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
