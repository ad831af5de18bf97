import { lineSpanAt } from '../text/spans';
import { beforeTags, showsHeader } from './header';
import type { Rule } from './types';

/** No SUBJECT line in a cable that shows its header. */
export const subjectMissing: Rule = {
  id: 'subject-missing',
  description: 'No SUBJECT line (drafts and transcriptions that show a header).',
  defaultSeverity: 'error',
  check({ cable, text }) {
    if (cable.subject || !showsHeader(cable) || beforeTags(cable)) return [];
    const anchor = cable.tags ?? cable.eo ?? cable.textHeader ?? cable.mrn ?? cable;
    const where = cable.tags ? 'after the TAGS line' : 'after the E.O. and TAGS lines';
    return [{ range: lineSpanAt(text, anchor.start), message: `This cable has no SUBJECT line: add 'SUBJECT: ' and a one-line title ${where}.` }];
  },
};
