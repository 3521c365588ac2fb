/**
 * NFC (search and display compare composed Vietnamese), no NUL or other control characters
 * (PostgreSQL text refuses NUL), and runs of blanks collapsed.
 */
export function cleanText(text: string): string;
