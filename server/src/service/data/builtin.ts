/**
 * The reference data bundled with cablewright (`server/data/*.tsv`). The
 * build inlines the files as text, so the service needs no file system.
 */
import postsTsv from '../../../data/posts.tsv';
import tagsTsv from '../../../data/tags.tsv';
import { ReferenceData } from './reference';
import { parseTsv } from './tsv';

let cached: ReferenceData | undefined;

/** The bundled posts and TAGS, parsed on first use and shared afterwards (they never change). */
export function builtinReference(): ReferenceData {
  cached ??= ReferenceData.fromRows(parseTsv(tagsTsv), parseTsv(postsTsv), '2000s-usage');
  return cached;
}
