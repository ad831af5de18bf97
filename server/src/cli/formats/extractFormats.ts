import type { CableRecord } from '../../service';
import { arrayDocument } from './jsonArray';

const COLUMNS: (keyof CableRecord)[] = ['file', 'index', 'startLine', 'endLine', 'classification', 'caveats', 'dtg', 'date', 'precedence', 'from', 'to', 'info', 'eo', 'tags', 'subject', 'refs', 'paragraphs', 'signature'];

function csvCell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (Array.isArray(v)) s = v.length && typeof v[0] === 'object' ? JSON.stringify(v) : v.join('; ');
  else s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header line. */
export function csvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

/** One CSV row per record (RFC 4180: CRLF, quotes doubled); lists are joined with "; ", paragraphs are JSON. */
export function csvRows(records: CableRecord[]): string {
  return records.map((r) => `${COLUMNS.map((c) => csvCell(r[c])).join(',')}\r\n`).join('');
}

export function jsonlRows(records: CableRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** `extract --format json`: one array of every record, pretty-printed, written a record at a time. */
export const EXTRACT_JSON = arrayDocument((records) => records, 2);
