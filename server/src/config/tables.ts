/**
 * Extra tables of posts and TAGS that a configuration names. A table is
 * either TSV with the bundled tables' header (`server/data/*.tsv`), or plain
 * text: a designation per line for posts, a code and its description
 * (separated by a tab or spaces) per line for TAGS. Blank lines and lines
 * starting with `#` are skipped in plain text.
 */
import { parseTsv, type ExtraReference, type PostKind, type TagKind, type TagTable } from '../service';

export type TableKind = 'posts' | 'tags';

/** The column a TSV table of each kind must have, which tells it from plain text. */
const KEY_COLUMN: Record<TableKind, string> = { posts: 'designation', tags: 'code' };

/** The rows of a table file; each row's source is the file unless the TSV gives one. */
export function readTable(kind: TableKind, text: string, file: string): ExtraReference {
  const body = text.replace(/^\ufeff/, '');
  const header = body.slice(0, body.search(/\r?\n|$/)).split('\t').map((h) => h.trim());
  if (header.includes(KEY_COLUMN[kind])) {
    const rows = parseTsv(body).filter((r) => (r[KEY_COLUMN[kind]] ?? '') !== '');
    return kind === 'posts'
      ? {
          posts: rows.map((r) => ({ designation: r.designation, shortName: r.short_header_name, country: r.country, fipsCode: r.fips_code, kind: r.kind as PostKind, source: r.source || file })),
        }
      : { tags: rows.map((r) => ({ code: r.code, kind: r.kind as TagKind, table: r.table as TagTable, description: r.description, source: r.source || file })) };
  }
  const lines = body
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (kind === 'posts') return { posts: lines.map((designation) => ({ designation, source: file })) };
  return {
    tags: lines.map((l) => {
      const [, code, description] = /^(\S+)\s*(.*)$/.exec(l)!;
      return { code, description, source: file };
    }),
  };
}
