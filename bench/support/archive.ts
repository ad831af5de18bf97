/**
 * A generated archive for the batch benchmark: many files of realistic sizes
 * made of the corpus's cables, written once into a cache folder and reused
 * while the corpus and the requested shape stay the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the way files are made changes, so a cached archive is made again. */
const GENERATOR = 1;
const PER_FOLDER = 100;

export interface Archive {
  dir: string;
  files: number;
  bytes: number;
  /** Median and largest file size, in bytes. */
  medianFile: number;
  largestFile: number;
  /** Whether it was made by this run (not taken from the cache). */
  made: boolean;
  /** Every file, relative to `dir`, in the order the command line walks them. */
  paths: string[];
}

/** A small seeded generator (mulberry32): the same archive on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normal deviate (Box-Muller). */
const gaussian = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/**
 * The archive of `files` files and at least `bytes` bytes in `dir` (made if
 * missing or out of date). File sizes are log-normal (a median of about half
 * the mean, a long tail of multi-cable exports), each file the corpus's texts
 * in seeded random order, cut at a line break once it reaches its size, as an
 * OCR export cuts a box of cables; files go 100 to a folder.
 */
export function ensureArchive(dir: string, texts: { text: string }[], files: number, bytes: number): Archive {
  const corpusHash = createHash('sha1');
  for (const t of texts) corpusHash.update(t.text).update('\u0000');
  const want = { generator: GENERATOR, files, bytes, corpus: corpusHash.digest('hex') };
  const manifestFile = path.join(dir, 'archive.json');
  if (existsSync(manifestFile)) {
    try {
      const have = JSON.parse(readFileSync(manifestFile, 'utf8'));
      if (have.generator === want.generator && have.files === want.files && have.bytes === want.bytes && have.corpus === want.corpus) return { ...have.archive, dir, made: false };
    } catch {
      // Made again below.
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const rnd = random(20260401);
  const sigma = 0.9;
  const raw = Array.from({ length: files }, () => Math.exp(sigma * gaussian(rnd)));
  // 1% over the target, so that cutting files at line breaks never leaves the archive short.
  const scale = (bytes * 1.01) / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((r) => Math.max(1500, Math.round(r * scale)));
  const pieces = texts.map((t) => Buffer.from(/\n$/.test(t.text) ? `${t.text}\n` : `${t.text}\n\n`, 'utf8'));
  const paths: string[] = [];
  const written: number[] = [];
  sizes.forEach((size, i) => {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < size) {
      const piece = pieces[Math.floor(rnd() * pieces.length)];
      chunks.push(piece);
      length += piece.length;
    }
    let body = Buffer.concat(chunks);
    const cut = body.indexOf(0x0a, size - 1);
    if (cut >= 0) body = body.subarray(0, cut + 1);
    const rel = path.join(`box-${String(Math.floor(i / PER_FOLDER)).padStart(4, '0')}`, `file-${String(i).padStart(6, '0')}.txt`);
    if (i % PER_FOLDER === 0) mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), body);
    paths.push(rel);
    written.push(body.length);
  });
  const sorted = [...written].sort((a, b) => a - b);
  const archive = { files, bytes: written.reduce((a, b) => a + b, 0), medianFile: sorted[Math.floor(sorted.length / 2)] ?? 0, largestFile: sorted[sorted.length - 1] ?? 0, paths };
  writeFileSync(manifestFile, `${JSON.stringify({ ...want, archive })}\n`);
  return { ...archive, dir, made: true };
}
