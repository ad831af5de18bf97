import type { Finding, Rule } from './types';

/** A header with FM but no TO, or TO but no FM. */
export const addresseeMissing: Rule = {
  id: 'addressee-missing',
  description: 'A draft or header with FM but no TO, or TO but no FM.',
  defaultSeverity: 'error',
  check({ cable }) {
    const out: Finding[] = [];
    const label = (kind: 'from' | 'to') => cable.addressLabels.find((l) => l.kind === kind && !l.implied && l.span.end > l.span.start);
    const fm = label('from');
    const to = label('to');
    const messaging = cable.layout === 'messaging';
    if (cable.from && fm && cable.to.length === 0) {
      out.push({ range: fm.span, message: messaging ? `From: ${cable.from.designation} has no Action: line: name the action addressees.` : `FM ${cable.from.designation} has no TO line: name the action addressees after TO, each with its precedence.` });
    }
    if (to && !cable.from) {
      out.push({ range: to.span, message: messaging ? 'Action: addressees but no From: line: name the originating post.' : 'TO without FM: name the originator on an FM line before the addressees (FM AMEMBASSY ...).' });
    }
    return out;
  },
};
