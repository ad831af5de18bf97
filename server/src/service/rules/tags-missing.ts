import { lineSpanAt } from '../text/spans';
import { beforeTags, showsHeader } from './header';
import type { Rule } from './types';

/** No TAGS line in a cable that shows its header. */
export const tagsMissing: Rule = {
  id: 'tags-missing',
  description: 'No TAGS line.',
  defaultSeverity: 'error',
  check({ cable, text }) {
    if (cable.tags || !showsHeader(cable) || beforeTags(cable)) return [];
    const anchor = cable.eo ?? cable.subject ?? cable.textHeader ?? cable.mrn ?? cable;
    const where = cable.eo ? 'after the E.O. line' : cable.subject ? 'before the SUBJECT line' : 'in the header';
    // The workhorse codes of the cable's era: PFOR and PINT in the 1970s, PREL and PGOV later.
    const example = cable.date && cable.date.year < 1980 ? 'PFOR, PINT' : 'PREL, PGOV';
    return [{ range: lineSpanAt(text, anchor.start), message: `This cable has no TAGS line: every cable since 1 March 1973 carries one, e.g. 'TAGS: ${example}' ${where}.` }];
  },
};
