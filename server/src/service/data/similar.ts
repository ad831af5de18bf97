/**
 * Nearest-match scoring for suggestions. OCR confuses some characters more
 * than others (0 and O, 1 and I, 5 and S, 8 and B), so those substitutions
 * cost less than an ordinary typo.
 */
const OCR_PAIRS = new Set(['0O', 'O0', '1I', 'I1', '1L', 'L1', '5S', 'S5', '8B', 'B8', '2Z', 'Z2', '0D', 'D0', 'IL', 'LI']);

/** Edit distance with cheap OCR substitutions (0.5), ordinary edits and transpositions costing 1. */
export function ocrDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  // Three rolling rows (two back, for transpositions) instead of a whole matrix.
  let back2 = new Float64Array(n + 1);
  let back1 = new Float64Array(n + 1);
  let row = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) back1[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    const x = a[i - 1];
    for (let j = 1; j <= n; j++) {
      const y = b[j - 1];
      const sub = x === y ? 0 : OCR_PAIRS.has(x + y) ? 0.5 : 1;
      let v = Math.min(back1[j] + 1, row[j - 1] + 1, back1[j - 1] + sub);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) v = Math.min(v, back2[j - 2] + 1);
      row[j] = v;
    }
    [back2, back1, row] = [back1, row, back2];
  }
  return back1[n];
}

/** The candidates nearest `word`, best first, no further than `max`, at most `limit` of them. */
export function nearest<T>(word: string, candidates: Iterable<T>, key: (t: T) => string, max: number, limit = 3): T[] {
  const scored: { t: T; d: number; k: string }[] = [];
  for (const t of candidates) {
    const k = key(t);
    if (Math.abs(k.length - word.length) > max) continue;
    const d = ocrDistance(word, k);
    if (d <= max) scored.push({ t, d, k });
  }
  scored.sort((x, y) => x.d - y.d || x.k.localeCompare(y.k));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    if (seen.has(s.k)) continue;
    seen.add(s.k);
    out.push(s.t);
    if (out.length >= limit) break;
  }
  return out;
}
