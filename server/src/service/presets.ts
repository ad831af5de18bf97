/**
 * Named sets of rule severities, chosen by what the text in hand is: a cable
 * being written, or a transcription of a released one.
 */
import { RULES } from './rules';
import type { Severity } from './rules/types';

/** A rule's configured severity; `off` turns it off. */
export type RuleSetting = Severity | 'off';

/** A severity (or `off`) for every rule id. */
export type Preset = Readonly<Record<string, RuleSetting>>;

export const PRESET_NAMES = ['recommended', 'drafting', 'transcription'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const recommended: Preset = Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity]));

/**
 * The presets. `recommended` is every rule at its default severity.
 *
 * `drafting` is for a cable being written: whatever the telegraphic system
 * or a reviewer would send back is an error. Only `post-unknown` stays a
 * warning, since the table of posts is not the Department's full list.
 *
 * `transcription` is for OCR'd and typed copies of released cables: what OCR
 * and printing do to a text (accents, dropped portion marks, page headers,
 * broken quote blocks, misread precedences) is at most a hint, and what the
 * original drafter got wrong (the E.O. line, addressees) only information;
 * what a historian indexes by (classification, date, TAGS, subject) stays an
 * error, since a misread there files the cable in the wrong place.
 */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  recommended,
  drafting: { ...Object.fromEntries(RULES.map((r) => [r.id, 'error' as const])), 'post-unknown': 'warning' },
  transcription: {
    'classification-missing': 'error',
    'classification-mismatch': 'error',
    'portion-exceeds-overall': 'warning',
    'portion-marking-missing': 'off',
    'tags-missing': 'error',
    'tags-malformed': 'error',
    'tags-unknown': 'error',
    'subject-missing': 'error',
    'paragraph-numbering': 'hint',
    'block-unbalanced': 'hint',
    'dtg-invalid': 'error',
    'precedence-unknown': 'hint',
    'eo-malformed': 'info',
    'eo-era': 'info',
    'eo-decl': 'info',
    'post-unknown': 'warning',
    'addressee-missing': 'info',
    'header-mismatch': 'hint',
    'non-ascii': 'off',
  },
};
