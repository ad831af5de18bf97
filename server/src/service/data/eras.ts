import type { CableDate } from '../model';

/** A code table of `tags.tsv`, or `user` for entries a configuration adds. */
export type TagTable = '1974-handbook' | 'fips-1990s-2000s' | 'current' | 'current-genc' | '2000s-usage' | 'user';

/**
 * Which geographic code table a cable is judged by. Geographic codes followed
 * FIPS 10 (the 1974 handbook) until the states of 1990 on got FIPS 10-4
 * codes, and GENC/ISO-like codes in the current handbook. Released cables of
 * 2010-2012 still use FIPS (`GM` Germany in 10 BERLIN 1052); when the Department
 * switched is not established, so cables of 2013-2019 are judged against both.
 * Subject, program and organisation codes are judged against every table: the
 * 1974 subject list we hold is partial, and current codes (ETRD, EFIN, EAID)
 * were already in use in the 1970s.
 */
export interface TagEra {
  id: 'fips-10' | 'fips-10-4' | 'transition' | 'genc' | 'undated';
  /** How a message names the table it used. */
  label: string;
  geographic: readonly TagTable[];
}

export const ERAS: Record<TagEra['id'], TagEra> = {
  'fips-10': { id: 'fips-10', label: 'the 1974 TAGS handbook (FIPS 10 country codes)', geographic: ['1974-handbook', 'user'] },
  'fips-10-4': { id: 'fips-10-4', label: 'FIPS 10-4 country codes (cables of 3 Oct 1990 to 2012)', geographic: ['1974-handbook', 'fips-1990s-2000s', 'user'] },
  transition: { id: 'transition', label: 'FIPS 10-4 or current GENC codes (cables of 2013-2019, when the switch date is not established)', geographic: ['1974-handbook', 'fips-1990s-2000s', 'current-genc', 'user'] },
  genc: { id: 'genc', label: 'the current 5 FAH-3 GENC-based codes (cables of 2020 on)', geographic: ['current-genc', 'user'] },
  undated: { id: 'undated', label: 'any era (the cable shows no date)', geographic: ['1974-handbook', 'fips-1990s-2000s', 'current-genc', 'user'] },
};

/** The era of a cable's date; `assumeYear` stands in for a cable that shows no date. */
export function eraOf(date: Pick<CableDate, 'year' | 'month' | 'day'> | undefined, assumeYear?: number): TagEra {
  const year = date?.year ?? assumeYear;
  if (year === undefined) return ERAS.undated;
  const month = date?.month ?? 1;
  const day = date?.day ?? 1;
  const key = year * 10000 + month * 100 + day;
  if (key < 19901003) return ERAS['fips-10'];
  if (year < 2013) return ERAS['fips-10-4'];
  if (year < 2020) return ERAS.transition;
  return ERAS.genc;
}
