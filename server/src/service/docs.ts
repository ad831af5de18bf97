/** Where a rule's documentation lives: its section of the README. */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/cablewright/cablewright#${ruleId}`;
}
