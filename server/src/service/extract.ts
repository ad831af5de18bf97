import type { Source } from './text/source';
import type { Cable, Level, ParsedDocument } from './model';
import { PORTION_OF_LEVEL } from './parser/levels';

/** The metadata of one cable, as `cablewright extract` prints it. Fields a cable does not show are null. */
export interface CableRecord {
  file: string;
  /** Zero-based position of the cable in its file. */
  index: number;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  classification: Level | null;
  caveats: string[];
  /** The DTG as printed, spaces normalised (`081037Z APR 94`). */
  dtg: string | null;
  /** ISO 8601 UTC when the DTG is whole and valid; the calendar date alone when only that is shown. */
  date: string | null;
  precedence: string | null;
  from: string | null;
  to: string[];
  info: string[];
  /** The E.O. line after `E.O.` (`12356: DECL: OADR`). */
  eo: string | null;
  tags: string[];
  /** On one line even when it wraps. */
  subject: string | null;
  refs: string[];
  paragraphs: { number: number | null; marking: string | null; line: number }[];
  signature: string | null;
}

const PROSIGN_WORDS: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };

function dtgText(c: Cable, text: Source): string | null {
  const d = c.dtg;
  if (!d) return null;
  const end = d.yearSpan?.end ?? d.monthSpan?.end ?? d.digitsSpan.end;
  return text.slice(d.digitsSpan.start, end).replace(/\s+/g, ' ').trim();
}

function dateText(c: Cable): string | null {
  const d = c.date;
  if (!d) return null;
  if (d.iso) return d.iso;
  if (d.month !== undefined && d.day !== undefined) return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return null;
}

function precedenceOf(c: Cable): string | null {
  const words = c.to[0]?.precedence ?? [];
  if (words.length) return words.join(' ');
  const p = c.dtg?.prosigns[0];
  return p ? PROSIGN_WORDS[p] ?? p : null;
}

/** One record per cable of a parsed file. */
export function extractRecords(doc: ParsedDocument, file: string): CableRecord[] {
  const line = (offset: number) => doc.lines.lineAt(offset) + 1;
  return doc.cables.map((c) => {
    const caveats = [...(c.classification?.caveats ?? []), ...c.captions.map((x) => x.text)];
    return {
      file,
      index: c.index,
      startLine: c.startLine + 1,
      endLine: c.endLine + 1,
      classification: c.level ?? null,
      caveats: [...new Set(caveats)],
      dtg: dtgText(c, doc.text),
      date: dateText(c),
      precedence: precedenceOf(c),
      from: c.from?.designation ?? null,
      to: c.to.map((a) => a.designation),
      info: c.info.map((a) => a.designation),
      eo: c.eo ? c.eo.value : null,
      tags: c.tags ? c.tags.entries.filter((e) => e.kind !== 'empty').map((e) => e.text) : [],
      subject: c.subject ? c.subject.value : null,
      refs: c.refs.map((r) => r.text),
      paragraphs: c.paragraphs.map((p) => ({
        number: p.number ?? null,
        marking: p.portion ? (p.portion.level ? PORTION_OF_LEVEL[p.portion.level] + (p.portion.caveats.length ? `/${p.portion.caveats.join('/')}` : '') : p.portion.text) : null,
        line: line(p.start),
      })),
      signature: c.signature ? c.signature.value : null,
    };
  });
}
