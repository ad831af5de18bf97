/** Parses tab-separated text with a header row into records keyed by column name. Blank lines are skipped. */
export function parseTsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split('\t');
    const row: Record<string, string> = {};
    header.forEach((h, k) => {
      row[h] = (cells[k] ?? '').trim();
    });
    rows.push(row);
  }
  return rows;
}
