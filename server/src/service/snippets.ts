/**
 * Snippets in LSP/VS Code snippet syntax. This module imports nothing, so the
 * VS Code extension can bundle it without the rest of the service.
 */

/** The skeleton of a new draft cable, as a snippet. */
export const NEW_CABLE_SNIPPET = [
  '${1|CONFIDENTIAL,UNCLASSIFIED,SECRET|}',
  '',
  'FM ${2:AMEMBASSY POST}',
  'TO SECSTATE WASHDC ${3|IMMEDIATE,PRIORITY,ROUTINE|}',
  '',
  'E.O. 13526: ${4:DECL: ${5:YYYY/MM/DD}}',
  'TAGS: ${6:PREL, PGOV}',
  'SUBJECT: ${7:TITLE}',
  '',
  'CLASSIFIED BY: ${8:NAME, TITLE}, REASONS 1.4 (B) AND (D)',
  '',
  '1. (${9|C,U,SBU,S|}) SUMMARY: ${10:TEXT}. END SUMMARY.',
  '',
  '2. (${9}) ${0}',
  '',
  '${11:SIGNATURE}',
  '${1}',
  '',
].join('\n');
