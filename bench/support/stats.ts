/** What the benchmarks share: order statistics, reading a number option, and the description of the machine that goes into a result file. */
import os from 'node:os';

/** The median of sorted numbers. */
export function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** When and where a benchmark ran, for its result file. */
export function machine(): { date: string; node: string; platform: string; cpus: number; cpuModel: string | undefined } {
  return { date: new Date().toISOString(), node: process.version, platform: `${process.platform} ${process.arch}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model };
}

/** The number an option `--name` was given, which must be at least `min`. */
export function numberOption(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min} (got ${value})`);
  return n;
}
