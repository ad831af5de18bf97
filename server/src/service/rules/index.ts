import { addresseeMissing } from './addressee-missing';
import { blockUnbalanced } from './block-unbalanced';
import { classificationMismatch } from './classification-mismatch';
import { classificationMissing } from './classification-missing';
import { dtgInvalid } from './dtg-invalid';
import { eoDecl } from './eo-decl';
import { eoEra } from './eo-era';
import { eoMalformed } from './eo-malformed';
import { headerMismatch } from './header-mismatch';
import { nonAscii } from './non-ascii';
import { paragraphNumbering } from './paragraph-numbering';
import { portionExceedsOverall } from './portion-exceeds-overall';
import { portionMarkingMissing } from './portion-marking-missing';
import { postUnknown } from './post-unknown';
import { precedenceUnknown } from './precedence-unknown';
import { subjectMissing } from './subject-missing';
import { tagsMalformed } from './tags-malformed';
import { tagsMissing } from './tags-missing';
import { tagsUnknown } from './tags-unknown';
import type { Rule } from './types';

/** Every rule, in the order the README documents them. Rule ids are a public interface. */
export const RULES: readonly Rule[] = [
  classificationMissing,
  classificationMismatch,
  portionExceedsOverall,
  portionMarkingMissing,
  tagsMissing,
  tagsMalformed,
  tagsUnknown,
  subjectMissing,
  paragraphNumbering,
  blockUnbalanced,
  dtgInvalid,
  precedenceUnknown,
  eoMalformed,
  eoEra,
  eoDecl,
  postUnknown,
  addresseeMissing,
  headerMismatch,
  nonAscii,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
