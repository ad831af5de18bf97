/**
 * The reference data layer: TAGS codes and posts, indexed for lookup,
 * era-aware judgement and suggestions. Built from rows (the bundled TSV
 * files, plus whatever a configuration adds), immutable once built.
 */
import type { CableDate } from '../model';
import { eraOf, type TagEra, type TagTable } from './eras';
import { nearest } from './similar';

export type TagKind = 'subject' | 'program' | 'geographic' | 'other';

/** One row of the TAGS table. */
export interface TagInfo {
  code: string;
  kind: TagKind;
  table: TagTable;
  description: string;
  source: string;
}

export type PostKind = 'embassy' | 'consulate' | 'mission' | 'department' | 'military' | 'other';

/** One address designation. */
export interface PostInfo {
  designation: string;
  /** The six-character station of page headers (`BRUSSE`), from the table or derived. */
  shortName: string;
  country: string;
  fipsCode: string;
  kind: PostKind;
  source: string;
}

/** What the table of a cable's era says of a TAGS code. */
export interface TagJudgement {
  era: TagEra;
  /** Rows that make the code valid in that era (empty when unknown). */
  matches: readonly TagInfo[];
  /** Rows of other eras' geographic tables, when the code is only valid elsewhere. */
  elsewhere: readonly TagInfo[];
}

/** Words that begin the designation of a State post, which cablewright can check. */
export const POST_PREFIXES = ['AMEMBASSY', 'AMCONSUL', 'USMISSION', 'USINT', 'USLO', 'USOFFICE', 'AIT', 'USEU', 'SECSTATE'];

const TAG_KINDS = new Set<TagKind>(['subject', 'program', 'geographic', 'other']);
const TABLES = new Set<TagTable>(['1974-handbook', 'fips-1990s-2000s', 'current', 'current-genc', '2000s-usage', 'user']);
const POST_KINDS = new Set<PostKind>(['embassy', 'consulate', 'mission', 'department', 'military', 'other']);

/** A designation made comparable: upper case, single spaces, no office suffix, Washington spelt WASHDC. */
export function normalisePost(designation: string): string {
  return designation
    .toUpperCase()
    .replace(/\/\/.*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bWASHINGTON,? D\.?C\.?$/, 'WASHDC')
    .replace(/\bWASH DC$/, 'WASHDC')
    .replace(/^AMCONGEN\b/, 'AMCONSUL');
}

/** The six-character page-header station of a designation: the place, cut to six characters with its spaces, then the spaces dropped. */
export function deriveShortName(designation: string): string {
  const d = normalisePost(designation);
  if (d.startsWith('SECSTATE')) return 'STATE';
  const place = d.replace(/^(AMEMBASSY|AMCONSUL|USMISSION|USINT|USLO|USOFFICE|USEU|AIT|USDEL)\s+/, '');
  return place.slice(0, 6).replace(/ /g, '');
}

function prefixOf(designation: string): string | undefined {
  const space = designation.indexOf(' ');
  const first = space < 0 ? designation : designation.slice(0, space);
  return POST_PREFIXES.includes(first) ? first : undefined;
}

/** What the tables say of a designation as written. */
interface Designation {
  post: PostInfo | undefined;
  /** It starts with a State post word (see `isCheckable`). */
  checkable: boolean;
}

/** Extra rows a configuration adds. */
export interface ExtraReference {
  tags?: Partial<TagInfo>[];
  posts?: Partial<PostInfo>[];
}

export class ReferenceData {
  private readonly tagsByCode = new Map<string, TagInfo[]>();
  private readonly postsByName = new Map<string, PostInfo>();
  private readonly postsByPrefix = new Map<string, PostInfo[]>();
  private readonly postsByShort = new Map<string, PostInfo[]>();
  /** Suggestions are searched once per distinct unknown word: an archive repeats its OCR damage. */
  private readonly nearestMemo = new Map<string, readonly (TagInfo | PostInfo)[]>();
  private readonly eraPools = new Map<string, TagInfo[]>();
  /** Archives repeat the same few hundred designations: each is normalised and looked up once. */
  private readonly designations = new Map<string, Designation>();
  /** Judgements by era and code: several rules judge every code of every TAGS line, and archives repeat their codes. */
  private readonly judgements = new Map<TagEra, Map<string, TagJudgement>>();

  constructor(readonly tags: readonly TagInfo[], readonly posts: readonly PostInfo[]) {
    for (const t of tags) {
      const list = this.tagsByCode.get(t.code);
      if (list) list.push(t);
      else this.tagsByCode.set(t.code, [t]);
    }
    for (const p of posts) {
      const key = normalisePost(p.designation);
      if (!this.postsByName.has(key)) this.postsByName.set(key, p);
      const prefix = prefixOf(key);
      if (prefix) {
        const list = this.postsByPrefix.get(prefix) ?? [];
        list.push(p);
        this.postsByPrefix.set(prefix, list);
      }
      const s = this.postsByShort.get(p.shortName) ?? [];
      s.push(p);
      this.postsByShort.set(p.shortName, s);
    }
  }

  /** Builds reference data from TSV-shaped rows, dropping rows that lack a code or designation. */
  static fromRows(tagRows: Record<string, string>[], postRows: Record<string, string>[], defaultTable: TagTable = 'user'): ReferenceData {
    return new ReferenceData(tagRows.map((r) => toTag(r, defaultTable)).filter(isDefined), postRows.map(toPost).filter(isDefined));
  }

  /** A copy with extra rows (from a configuration) merged in; extra TAGS count in every era. */
  withExtra(extra: ExtraReference): ReferenceData {
    const tags = (extra.tags ?? []).map((t) => toTag(t as Record<string, string>, 'user')).filter(isDefined);
    const posts = (extra.posts ?? []).map((p) => toPost(p as Record<string, string>)).filter(isDefined);
    if (tags.length === 0 && posts.length === 0) return this;
    return new ReferenceData([...this.tags, ...tags.map((t) => ({ ...t, table: 'user' as const }))], [...this.posts, ...posts]);
  }

  /** Every row for a code, whatever its era. */
  tagRows(code: string): readonly TagInfo[] {
    return this.tagsByCode.get(code) ?? [];
  }

  /** Judges a TAGS code by the table of the cable's era. The judgement is shared: do not change it. */
  judgeTag(code: string, date: Pick<CableDate, 'year' | 'month' | 'day'> | undefined, assumeYear?: number): TagJudgement {
    const era = eraOf(date, assumeYear);
    let byCode = this.judgements.get(era);
    if (!byCode) {
      byCode = new Map();
      this.judgements.set(era, byCode);
    }
    let j = byCode.get(code);
    if (!j) {
      if (byCode.size > 50000) byCode.clear();
      const rows = this.tagRows(code);
      const matches = rows.filter((r) => r.kind !== 'geographic' || era.geographic.includes(r.table));
      const elsewhere = matches.length ? [] : rows.filter((r) => r.kind === 'geographic');
      j = { era, matches, elsewhere };
      byCode.set(code, j);
    }
    return j;
  }

  /** Codes valid in `era` nearest a code (OCR-aware), best first. */
  nearestTags(code: string, date: Pick<CableDate, 'year' | 'month' | 'day'> | undefined, limit = 3, assumeYear?: number, anyLength = false): TagInfo[] {
    const era = eraOf(date, assumeYear);
    return this.memo(`t|${era.id}|${limit}|${anyLength}|${code}`, () => {
      let pool = this.eraPools.get(era.id);
      if (!pool) {
        pool = this.tags.filter((t) => t.kind !== 'geographic' || era.geographic.includes(t.table));
        this.eraPools.set(era.id, pool);
      }
      // Same length only (unless the length itself is wrong): a subject code is four letters, a country two,
      // and an organisation code is no better guess for either.
      const upper = code.toUpperCase();
      const candidates = anyLength ? pool.filter((t) => t.code.length === 2 || t.code.length === 4) : pool.filter((t) => t.code.length === upper.length);
      return nearest(upper, candidates, (t) => t.code, 1, limit);
    }) as TagInfo[];
  }

  /** The geographic codes of `date`'s era for the country a code names in another era (`DE`, Germany in GENC, is `GM` in FIPS 10-4). */
  sameCountry(code: string, date: Pick<CableDate, 'year' | 'month' | 'day'> | undefined, assumeYear?: number): TagInfo[] {
    const era = eraOf(date, assumeYear);
    return this.memo(`c|${era.id}|${code}`, () => {
      const country = (t: TagInfo) => t.description.replace(/\s*[([].*$/, '').trim().toLowerCase();
      const names = new Set(this.tagRows(code).filter((t) => t.kind === 'geographic').map(country));
      if (names.size === 0) return [];
      // The era's latest table first (GM, unified Germany, before GE and GW of the 1970s).
      const rank = (t: TagInfo) => -era.geographic.indexOf(t.table);
      return this.tags.filter((t) => t.kind === 'geographic' && t.code !== code && era.geographic.includes(t.table) && names.has(country(t))).sort((a, b) => rank(a) - rank(b));
    }) as TagInfo[];
  }

  private memo(key: string, compute: () => readonly (TagInfo | PostInfo)[]): readonly (TagInfo | PostInfo)[] {
    let v = this.nearestMemo.get(key);
    if (!v) {
      if (this.nearestMemo.size > 10000) this.nearestMemo.clear();
      v = compute();
      this.nearestMemo.set(key, v);
    }
    return v;
  }

  /** TAGS valid for a cable of `date`, for completion. */
  tagsForEra(date: Pick<CableDate, 'year' | 'month' | 'day'> | undefined, assumeYear?: number): TagInfo[] {
    const era = eraOf(date, assumeYear);
    return this.tags.filter((t) => t.kind !== 'geographic' || era.geographic.includes(t.table));
  }

  /** The post of a designation, if known. */
  post(designation: string): PostInfo | undefined {
    return this.designation(designation).post;
  }

  /** Whether cablewright can judge a designation: it starts with a State post word (AMEMBASSY, USMISSION...). */
  isCheckable(designation: string): boolean {
    return this.designation(designation).checkable;
  }

  /** Whether cablewright can judge a designation and it is no known post: one lookup for what a rule asks of every addressee. */
  isUnknownPost(designation: string): boolean {
    const d = this.designation(designation);
    return d.checkable && !d.post;
  }

  private designation(written: string): Designation {
    let d = this.designations.get(written);
    if (d === undefined) {
      if (this.designations.size > 50000) this.designations.clear();
      const normal = normalisePost(written);
      d = { post: this.postsByName.get(normal), checkable: prefixOf(normal) !== undefined };
      this.designations.set(written, d);
    }
    return d;
  }

  /** Known designations nearest an unknown one, with the same prefix word, best first. */
  nearestPosts(designation: string, limit = 3): PostInfo[] {
    const d = normalisePost(designation);
    return this.memo(`p|${limit}|${d}`, () => {
      const prefix = prefixOf(d);
      if (!prefix) return nearest(d, this.posts, (p) => p.designation, Math.max(2, Math.floor(d.length / 4)), limit);
      // Compare places only: the prefix word is shared, and counting it would let far-off posts in.
      const place = d.slice(prefix.length).trim();
      return nearest(place, this.postsByPrefix.get(prefix) ?? [], (p) => p.designation.slice(prefix.length).trim(), Math.max(1, Math.floor(place.length / 4)), limit);
    }) as PostInfo[];
  }

  /** Posts whose page-header station is `short` (`BRUSSE`). */
  postsByShortName(short: string): readonly PostInfo[] {
    return this.postsByShort.get(short) ?? [];
  }
}

function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}

function toTag(r: Record<string, string>, defaultTable: TagTable): TagInfo | undefined {
  const code = (r.code ?? '').trim().toUpperCase();
  if (code === '') return undefined;
  const kind = TAG_KINDS.has(r.kind as TagKind) ? (r.kind as TagKind) : code.length === 2 ? 'geographic' : code.startsWith('K') && code.length === 4 ? 'program' : code.length === 4 ? 'subject' : 'other';
  const table = TABLES.has(r.table as TagTable) ? (r.table as TagTable) : defaultTable;
  return { code, kind, table, description: r.description ?? '', source: r.source ?? '' };
}

function toPost(r: Record<string, string>): PostInfo | undefined {
  const designation = normalisePost(r.designation ?? '');
  if (designation === '') return undefined;
  const shortName = (r.short_header_name ?? r.shortName ?? '').trim().toUpperCase() || deriveShortName(designation);
  const kind = POST_KINDS.has(r.kind as PostKind) ? (r.kind as PostKind) : 'other';
  return { designation, shortName, country: r.country ?? '', fipsCode: r.fips_code ?? r.fipsCode ?? '', kind, source: r.source ?? '' };
}
